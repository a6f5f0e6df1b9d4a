from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.indicator_unit import IndicatorUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorReportIn")


@_attrs_define
class IndicatorReportIn:
    """One organization's value for one indicator and period. `base` weighs it in a weighted mean
    (the number of cases the value is about); `correction` replaces a value already reported.

        Attributes:
            indicator_id (str):
            period (str):
            value (float):
            unit (IndicatorUnit | None | Unset): Vérifiée si donnée / checked when given
            base (float | None | Unset):
            correction (bool | Unset):  Default: False.
    """

    indicator_id: str
    period: str
    value: float
    unit: IndicatorUnit | None | Unset = UNSET
    base: float | None | Unset = UNSET
    correction: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        indicator_id = self.indicator_id

        period = self.period

        value = self.value

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, IndicatorUnit):
            unit = self.unit.value
        else:
            unit = self.unit

        base: float | None | Unset
        if isinstance(self.base, Unset):
            base = UNSET
        else:
            base = self.base

        correction = self.correction

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "indicator_id": indicator_id,
                "period": period,
                "value": value,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit
        if base is not UNSET:
            field_dict["base"] = base
        if correction is not UNSET:
            field_dict["correction"] = correction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        indicator_id = d.pop("indicator_id")

        period = d.pop("period")

        value = d.pop("value")

        def _parse_unit(data: object) -> IndicatorUnit | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = IndicatorUnit(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IndicatorUnit | None | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_base(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        base = _parse_base(d.pop("base", UNSET))

        correction = d.pop("correction", UNSET)

        indicator_report_in = cls(
            indicator_id=indicator_id,
            period=period,
            value=value,
            unit=unit,
            base=base,
            correction=correction,
        )

        return indicator_report_in
