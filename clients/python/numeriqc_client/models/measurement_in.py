from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeasurementIn")


@_attrs_define
class MeasurementIn:
    """What an initiative actually yielded in a period, and how much of it was reinvested ($).

    Attributes:
        period (str):
        measured (float):
        reinvested (float | None | Unset):
    """

    period: str
    measured: float
    reinvested: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        measured = self.measured

        reinvested: float | None | Unset
        if isinstance(self.reinvested, Unset):
            reinvested = UNSET
        else:
            reinvested = self.reinvested

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
                "measured": measured,
            }
        )
        if reinvested is not UNSET:
            field_dict["reinvested"] = reinvested

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        measured = d.pop("measured")

        def _parse_reinvested(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        reinvested = _parse_reinvested(d.pop("reinvested", UNSET))

        measurement_in = cls(
            period=period,
            measured=measured,
            reinvested=reinvested,
        )

        return measurement_in
