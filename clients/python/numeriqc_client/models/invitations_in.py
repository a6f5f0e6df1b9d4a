from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvitationsIn")


@_attrs_define
class InvitationsIn:
    """
    Attributes:
        csv (str): Un code par ligne (première colonne) / one code a line (first column)
    """

    csv: str

    def to_dict(self) -> dict[str, Any]:
        csv = self.csv

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "csv": csv,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csv = d.pop("csv")

        invitations_in = cls(
            csv=csv,
        )

        return invitations_in
