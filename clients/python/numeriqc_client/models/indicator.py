from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.indicator_aggregation import IndicatorAggregation
from ..models.indicator_direction import IndicatorDirection
from ..models.indicator_unit import IndicatorUnit
from ..models.reporting_frequency import ReportingFrequency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.indicator_baseline import IndicatorBaseline
    from ..models.indicator_target import IndicatorTarget
    from ..models.value_range import ValueRange


T = TypeVar("T", bound="Indicator")


@_attrs_define
class Indicator:
    """
    Attributes:
        indicator_id (str):
        measure (int):
        name_fr (str):
        name_en (str):
        unit (IndicatorUnit):
        direction (IndicatorDirection):
        aggregation (IndicatorAggregation):
        frequency (ReportingFrequency):
        targets (list[IndicatorTarget]):
        range_ (ValueRange):
        owner (str): Organisme responsable / owning organization
        description_fr (str | Unset):  Default: ''.
        description_en (str | Unset):  Default: ''.
        baseline (IndicatorBaseline | None | Unset):
        automatic (bool | Unset): Mesuré par la plateforme / measured by the platform Default: False.
        created_at (datetime.datetime | None | Unset):
    """

    indicator_id: str
    measure: int
    name_fr: str
    name_en: str
    unit: IndicatorUnit
    direction: IndicatorDirection
    aggregation: IndicatorAggregation
    frequency: ReportingFrequency
    targets: list[IndicatorTarget]
    range_: ValueRange
    owner: str
    description_fr: str | Unset = ""
    description_en: str | Unset = ""
    baseline: IndicatorBaseline | None | Unset = UNSET
    automatic: bool | Unset = False
    created_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.indicator_baseline import IndicatorBaseline  # noqa: PLC0415

        indicator_id = self.indicator_id

        measure = self.measure

        name_fr = self.name_fr

        name_en = self.name_en

        unit = self.unit.value

        direction = self.direction.value

        aggregation = self.aggregation.value

        frequency = self.frequency.value

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        range_ = self.range_.to_dict()

        owner = self.owner

        description_fr = self.description_fr

        description_en = self.description_en

        baseline: dict[str, Any] | None | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        elif isinstance(self.baseline, IndicatorBaseline):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        automatic = self.automatic

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "measure": measure,
                "name_fr": name_fr,
                "name_en": name_en,
                "unit": unit,
                "direction": direction,
                "aggregation": aggregation,
                "frequency": frequency,
                "targets": targets,
                "range": range_,
                "owner": owner,
            }
        )
        if description_fr is not UNSET:
            field_dict["description_fr"] = description_fr
        if description_en is not UNSET:
            field_dict["description_en"] = description_en
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if automatic is not UNSET:
            field_dict["automatic"] = automatic
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_baseline import IndicatorBaseline  # noqa: PLC0415
        from ..models.indicator_target import IndicatorTarget  # noqa: PLC0415
        from ..models.value_range import ValueRange  # noqa: PLC0415

        d = dict(src_dict)
        indicator_id = d.pop("indicator_id")

        measure = d.pop("measure")

        name_fr = d.pop("name_fr")

        name_en = d.pop("name_en")

        unit = IndicatorUnit(d.pop("unit"))

        direction = IndicatorDirection(d.pop("direction"))

        aggregation = IndicatorAggregation(d.pop("aggregation"))

        frequency = ReportingFrequency(d.pop("frequency"))

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = IndicatorTarget.from_dict(targets_item_data)

            targets.append(targets_item)

        range_ = ValueRange.from_dict(d.pop("range"))

        owner = d.pop("owner")

        description_fr = d.pop("description_fr", UNSET)

        description_en = d.pop("description_en", UNSET)

        def _parse_baseline(data: object) -> IndicatorBaseline | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                baseline_type_0 = IndicatorBaseline.from_dict(data)

                return baseline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IndicatorBaseline | None | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))

        automatic = d.pop("automatic", UNSET)

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        indicator = cls(
            indicator_id=indicator_id,
            measure=measure,
            name_fr=name_fr,
            name_en=name_en,
            unit=unit,
            direction=direction,
            aggregation=aggregation,
            frequency=frequency,
            targets=targets,
            range_=range_,
            owner=owner,
            description_fr=description_fr,
            description_en=description_en,
            baseline=baseline,
            automatic=automatic,
            created_at=created_at,
        )

        indicator.additional_properties = d
        return indicator

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
