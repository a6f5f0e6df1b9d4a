from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.status import Status

T = TypeVar("T", bound="TriageIn")


@_attrs_define
class TriageIn:
    """
    Attributes:
        status (Status): The lifecycle. `open` and `closed` follow the window; the others are the organization's acts.
    """

    status: Status

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = Status(d.pop("status"))

        triage_in = cls(
            status=status,
        )

        return triage_in
