from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.text import Text


T = TypeVar("T", bound="OrgStatementIn")


@_attrs_define
class OrgStatementIn:
    """
    Attributes:
        text (Text): A text in both official languages; French is required, English falls back to French.
    """

    text: Text

    def to_dict(self) -> dict[str, Any]:
        text = self.text.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        text = Text.from_dict(d.pop("text"))

        org_statement_in = cls(
            text=text,
        )

        return org_statement_in
