from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="IndicatorBaseline")


@_attrs_define
class IndicatorBaseline:
    """
    Attributes:
        value (float):
        date (datetime.date):
    """

    value: float
    date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        date = self.date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "date": date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        date = datetime.date.fromisoformat(d.pop("date"))

        indicator_baseline = cls(
            value=value,
            date=date,
        )

        return indicator_baseline
