from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.text import Text


T = TypeVar("T", bound="Option")


@_attrs_define
class Option:
    """
    Attributes:
        id (str):
        label (Text): A text in both official languages; French is required, English falls back to French.
    """

    id: str
    label: Text

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        label = Text.from_dict(d.pop("label"))

        option = cls(
            id=id,
            label=label,
        )

        return option
