from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.encoding import Encoding
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transliteration import Transliteration


T = TypeVar("T", bound="SmsFacts")


@_attrs_define
class SmsFacts:
    """
    Attributes:
        encoding (Encoding):
        length (int):
        max_length (int):
        fragments (int):
        unicode_characters (list[str]):
        estimated_cost (float): En dollars canadiens / in Canadian dollars
        transliteration (None | Transliteration | Unset):
    """

    encoding: Encoding
    length: int
    max_length: int
    fragments: int
    unicode_characters: list[str]
    estimated_cost: float
    transliteration: None | Transliteration | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.transliteration import Transliteration  # noqa: PLC0415

        encoding = self.encoding.value

        length = self.length

        max_length = self.max_length

        fragments = self.fragments

        unicode_characters = self.unicode_characters

        estimated_cost = self.estimated_cost

        transliteration: dict[str, Any] | None | Unset
        if isinstance(self.transliteration, Unset):
            transliteration = UNSET
        elif isinstance(self.transliteration, Transliteration):
            transliteration = self.transliteration.to_dict()
        else:
            transliteration = self.transliteration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "encoding": encoding,
                "length": length,
                "max_length": max_length,
                "fragments": fragments,
                "unicode_characters": unicode_characters,
                "estimated_cost": estimated_cost,
            }
        )
        if transliteration is not UNSET:
            field_dict["transliteration"] = transliteration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transliteration import Transliteration  # noqa: PLC0415

        d = dict(src_dict)
        encoding = Encoding(d.pop("encoding"))

        length = d.pop("length")

        max_length = d.pop("max_length")

        fragments = d.pop("fragments")

        unicode_characters = cast(list[str], d.pop("unicode_characters"))

        estimated_cost = d.pop("estimated_cost")

        def _parse_transliteration(data: object) -> None | Transliteration | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transliteration_type_0 = Transliteration.from_dict(data)

                return transliteration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Transliteration | Unset, data)

        transliteration = _parse_transliteration(d.pop("transliteration", UNSET))

        sms_facts = cls(
            encoding=encoding,
            length=length,
            max_length=max_length,
            fragments=fragments,
            unicode_characters=unicode_characters,
            estimated_cost=estimated_cost,
            transliteration=transliteration,
        )

        sms_facts.additional_properties = d
        return sms_facts

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
