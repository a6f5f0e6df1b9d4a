from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Stats")


@_attrs_define
class Stats:
    """
    Attributes:
        dataset_id (str):
        day (str):
        published (int | Unset):  Default: 0.
        bytes_ (int | Unset):  Default: 0.
        delivered (int | Unset):  Default: 0.
        failures (int | Unset):  Default: 0.
        latency_ms_avg (float | None | Unset):
    """

    dataset_id: str
    day: str
    published: int | Unset = 0
    bytes_: int | Unset = 0
    delivered: int | Unset = 0
    failures: int | Unset = 0
    latency_ms_avg: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        day = self.day

        published = self.published

        bytes_ = self.bytes_

        delivered = self.delivered

        failures = self.failures

        latency_ms_avg: float | None | Unset
        if isinstance(self.latency_ms_avg, Unset):
            latency_ms_avg = UNSET
        else:
            latency_ms_avg = self.latency_ms_avg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "day": day,
            }
        )
        if published is not UNSET:
            field_dict["published"] = published
        if bytes_ is not UNSET:
            field_dict["bytes"] = bytes_
        if delivered is not UNSET:
            field_dict["delivered"] = delivered
        if failures is not UNSET:
            field_dict["failures"] = failures
        if latency_ms_avg is not UNSET:
            field_dict["latency_ms_avg"] = latency_ms_avg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        day = d.pop("day")

        published = d.pop("published", UNSET)

        bytes_ = d.pop("bytes", UNSET)

        delivered = d.pop("delivered", UNSET)

        failures = d.pop("failures", UNSET)

        def _parse_latency_ms_avg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latency_ms_avg = _parse_latency_ms_avg(d.pop("latency_ms_avg", UNSET))

        stats = cls(
            dataset_id=dataset_id,
            day=day,
            published=published,
            bytes_=bytes_,
            delivered=delivered,
            failures=failures,
            latency_ms_avg=latency_ms_avg,
        )

        stats.additional_properties = d
        return stats

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
