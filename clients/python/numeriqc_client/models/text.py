from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Text")


@_attrs_define
class Text:
    """A text in both official languages; French is required, English falls back to French.

    Attributes:
        fr (str):
        en (None | str | Unset):
    """

    fr: str
    en: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fr = self.fr

        en: None | str | Unset
        if isinstance(self.en, Unset):
            en = UNSET
        else:
            en = self.en

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fr": fr,
            }
        )
        if en is not UNSET:
            field_dict["en"] = en

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fr = d.pop("fr")

        def _parse_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        en = _parse_en(d.pop("en", UNSET))

        text = cls(
            fr=fr,
            en=en,
        )

        return text
