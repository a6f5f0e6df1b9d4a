from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="GuestListIn")


@_attrs_define
class GuestListIn:
    """The whole guest list of the organization's team keys: replaces the previous one.

    Attributes:
        recipients (list[str]): Courriels et numéros; gardés hachés, jamais en clair / emails and phone numbers; kept
            hashed, never in clear
    """

    recipients: list[str]

    def to_dict(self) -> dict[str, Any]:
        recipients = self.recipients

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "recipients": recipients,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recipients = cast(list[str], d.pop("recipients"))

        guest_list_in = cls(
            recipients=recipients,
        )

        return guest_list_in
