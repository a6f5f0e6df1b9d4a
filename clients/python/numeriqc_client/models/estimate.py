from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Estimate")


@_attrs_define
class Estimate:
    """
    Attributes:
        period (str):
        value (float):
    """

    period: str
    value: float

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        value = d.pop("value")

        estimate = cls(
            period=period,
            value=value,
        )

        return estimate
