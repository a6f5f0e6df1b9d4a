from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aggregate_distribution import AggregateDistribution
    from ..models.aggregate_drivers import AggregateDrivers


T = TypeVar("T", bound="Aggregate")


@_attrs_define
class Aggregate:
    """One period's figures, computed from counters: as cheap to read for 10 ratings as for 10 million.

    Attributes:
        period (str): 2026-01-15, 2026-W03 or 2026-01
        count (int):
        mean (float | None):
        distribution (AggregateDistribution): Nombre par note / count per rating 1-5
        csat (float | None): Part des notes 4 et 5 / share of 4 and 5 ratings
        with_comment (int):
        drivers (AggregateDrivers): driver -> {positive, negative}
    """

    period: str
    count: int
    mean: float | None
    distribution: AggregateDistribution
    csat: float | None
    with_comment: int
    drivers: AggregateDrivers
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        count = self.count

        mean: float | None
        mean = self.mean

        distribution = self.distribution.to_dict()

        csat: float | None
        csat = self.csat

        with_comment = self.with_comment

        drivers = self.drivers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "count": count,
                "mean": mean,
                "distribution": distribution,
                "csat": csat,
                "with_comment": with_comment,
                "drivers": drivers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_distribution import AggregateDistribution  # noqa: PLC0415
        from ..models.aggregate_drivers import AggregateDrivers  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        count = d.pop("count")

        def _parse_mean(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean = _parse_mean(d.pop("mean"))

        distribution = AggregateDistribution.from_dict(d.pop("distribution"))

        def _parse_csat(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        csat = _parse_csat(d.pop("csat"))

        with_comment = d.pop("with_comment")

        drivers = AggregateDrivers.from_dict(d.pop("drivers"))

        aggregate = cls(
            period=period,
            count=count,
            mean=mean,
            distribution=distribution,
            csat=csat,
            with_comment=with_comment,
            drivers=drivers,
        )

        aggregate.additional_properties = d
        return aggregate

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
