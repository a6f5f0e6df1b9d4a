from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReportIn")


@_attrs_define
class ReportIn:
    """
    Attributes:
        participant (str):
    """

    participant: str

    def to_dict(self) -> dict[str, Any]:
        participant = self.participant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "participant": participant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant = d.pop("participant")

        report_in = cls(
            participant=participant,
        )

        return report_in
