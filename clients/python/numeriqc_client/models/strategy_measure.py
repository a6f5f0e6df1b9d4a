from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StrategyMeasure")


@_attrs_define
class StrategyMeasure:
    """
    Attributes:
        number (int):
        axis_fr (str):
        axis_en (str):
        title_fr (str):
        title_en (str):
        summary_fr (str):
        summary_en (str):
    """

    number: int
    axis_fr: str
    axis_en: str
    title_fr: str
    title_en: str
    summary_fr: str
    summary_en: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        axis_fr = self.axis_fr

        axis_en = self.axis_en

        title_fr = self.title_fr

        title_en = self.title_en

        summary_fr = self.summary_fr

        summary_en = self.summary_en

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "axis_fr": axis_fr,
                "axis_en": axis_en,
                "title_fr": title_fr,
                "title_en": title_en,
                "summary_fr": summary_fr,
                "summary_en": summary_en,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        axis_fr = d.pop("axis_fr")

        axis_en = d.pop("axis_en")

        title_fr = d.pop("title_fr")

        title_en = d.pop("title_en")

        summary_fr = d.pop("summary_fr")

        summary_en = d.pop("summary_en")

        strategy_measure = cls(
            number=number,
            axis_fr=axis_fr,
            axis_en=axis_en,
            title_fr=title_fr,
            title_en=title_en,
            summary_fr=summary_fr,
            summary_en=summary_en,
        )

        strategy_measure.additional_properties = d
        return strategy_measure

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
