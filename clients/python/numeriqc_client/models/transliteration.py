from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Transliteration")


@_attrs_define
class Transliteration:
    """GSM-7-safe transliteration, shown whether or not the template uses it (`applied`).

    Attributes:
        applied (bool): Le modèle l'utilise (gsm7_safe) / the template uses it (gsm7_safe)
        characters_replaced (list[str]):
        fragments_without (int):
        fragments_with (int):
        fragments_saved (int): fragments_without - fragments_with
    """

    applied: bool
    characters_replaced: list[str]
    fragments_without: int
    fragments_with: int
    fragments_saved: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applied = self.applied

        characters_replaced = self.characters_replaced

        fragments_without = self.fragments_without

        fragments_with = self.fragments_with

        fragments_saved = self.fragments_saved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applied": applied,
                "characters_replaced": characters_replaced,
                "fragments_without": fragments_without,
                "fragments_with": fragments_with,
                "fragments_saved": fragments_saved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied = d.pop("applied")

        characters_replaced = cast(list[str], d.pop("characters_replaced"))

        fragments_without = d.pop("fragments_without")

        fragments_with = d.pop("fragments_with")

        fragments_saved = d.pop("fragments_saved")

        transliteration = cls(
            applied=applied,
            characters_replaced=characters_replaced,
            fragments_without=fragments_without,
            fragments_with=fragments_with,
            fragments_saved=fragments_saved,
        )

        transliteration.additional_properties = d
        return transliteration

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
