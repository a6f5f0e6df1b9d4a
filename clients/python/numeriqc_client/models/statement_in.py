from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StatementIn")


@_attrs_define
class StatementIn:
    """
    Attributes:
        participant (str):
        text (str):
    """

    participant: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        participant = self.participant

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "participant": participant,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant = d.pop("participant")

        text = d.pop("text")

        statement_in = cls(
            participant=participant,
            text=text,
        )

        return statement_in
