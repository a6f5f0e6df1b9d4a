from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IndicatorReport")


@_attrs_define
class IndicatorReport:
    """
    Attributes:
        org_id (str):
        indicator_id (str):
        period (str):
        value (float):
        base (float):
        version (int):
        correction (bool):
        recorded_at (datetime.datetime):
    """

    org_id: str
    indicator_id: str
    period: str
    value: float
    base: float
    version: int
    correction: bool
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        indicator_id = self.indicator_id

        period = self.period

        value = self.value

        base = self.base

        version = self.version

        correction = self.correction

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "indicator_id": indicator_id,
                "period": period,
                "value": value,
                "base": base,
                "version": version,
                "correction": correction,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        indicator_id = d.pop("indicator_id")

        period = d.pop("period")

        value = d.pop("value")

        base = d.pop("base")

        version = d.pop("version")

        correction = d.pop("correction")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        indicator_report = cls(
            org_id=org_id,
            indicator_id=indicator_id,
            period=period,
            value=value,
            base=base,
            version=version,
            correction=correction,
            recorded_at=recorded_at,
        )

        indicator_report.additional_properties = d
        return indicator_report

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
