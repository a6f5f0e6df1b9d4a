from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.indicator_aggregation import IndicatorAggregation
from ..models.indicator_direction import IndicatorDirection
from ..models.indicator_unit import IndicatorUnit
from ..models.reporting_frequency import ReportingFrequency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.indicator_baseline import IndicatorBaseline
    from ..models.indicator_target import IndicatorTarget
    from ..models.value_range import ValueRange


T = TypeVar("T", bound="IndicatorIn")


@_attrs_define
class IndicatorIn:
    """An organization defines an indicator; it owns it. Free text is escaped wherever it is shown.

    Attributes:
        indicator_id (str):
        measure (int): Mesure de la Stratégie / strategy measure 1-16
        name_fr (str):
        name_en (str):
        unit (IndicatorUnit):
        targets (list[IndicatorTarget]):
        description_fr (str | Unset):  Default: ''.
        description_en (str | Unset):  Default: ''.
        direction (IndicatorDirection | Unset):
        aggregation (IndicatorAggregation | Unset):
        frequency (ReportingFrequency | Unset):
        baseline (IndicatorBaseline | None | Unset):
        range_ (None | Unset | ValueRange):
    """

    indicator_id: str
    measure: int
    name_fr: str
    name_en: str
    unit: IndicatorUnit
    targets: list[IndicatorTarget]
    description_fr: str | Unset = ""
    description_en: str | Unset = ""
    direction: IndicatorDirection | Unset = UNSET
    aggregation: IndicatorAggregation | Unset = UNSET
    frequency: ReportingFrequency | Unset = UNSET
    baseline: IndicatorBaseline | None | Unset = UNSET
    range_: None | Unset | ValueRange = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.indicator_baseline import IndicatorBaseline  # noqa: PLC0415
        from ..models.value_range import ValueRange  # noqa: PLC0415

        indicator_id = self.indicator_id

        measure = self.measure

        name_fr = self.name_fr

        name_en = self.name_en

        unit = self.unit.value

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        description_fr = self.description_fr

        description_en = self.description_en

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        aggregation: str | Unset = UNSET
        if not isinstance(self.aggregation, Unset):
            aggregation = self.aggregation.value

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value

        baseline: dict[str, Any] | None | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        elif isinstance(self.baseline, IndicatorBaseline):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        range_: dict[str, Any] | None | Unset
        if isinstance(self.range_, Unset):
            range_ = UNSET
        elif isinstance(self.range_, ValueRange):
            range_ = self.range_.to_dict()
        else:
            range_ = self.range_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "indicator_id": indicator_id,
                "measure": measure,
                "name_fr": name_fr,
                "name_en": name_en,
                "unit": unit,
                "targets": targets,
            }
        )
        if description_fr is not UNSET:
            field_dict["description_fr"] = description_fr
        if description_en is not UNSET:
            field_dict["description_en"] = description_en
        if direction is not UNSET:
            field_dict["direction"] = direction
        if aggregation is not UNSET:
            field_dict["aggregation"] = aggregation
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if range_ is not UNSET:
            field_dict["range"] = range_

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

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = IndicatorTarget.from_dict(targets_item_data)

            targets.append(targets_item)

        description_fr = d.pop("description_fr", UNSET)

        description_en = d.pop("description_en", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: IndicatorDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = IndicatorDirection(_direction)

        _aggregation = d.pop("aggregation", UNSET)
        aggregation: IndicatorAggregation | Unset
        if isinstance(_aggregation, Unset):
            aggregation = UNSET
        else:
            aggregation = IndicatorAggregation(_aggregation)

        _frequency = d.pop("frequency", UNSET)
        frequency: ReportingFrequency | Unset
        if isinstance(_frequency, Unset):
            frequency = UNSET
        else:
            frequency = ReportingFrequency(_frequency)

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

        def _parse_range_(data: object) -> None | Unset | ValueRange:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                range_type_0 = ValueRange.from_dict(data)

                return range_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | ValueRange, data)

        range_ = _parse_range_(d.pop("range", UNSET))

        indicator_in = cls(
            indicator_id=indicator_id,
            measure=measure,
            name_fr=name_fr,
            name_en=name_en,
            unit=unit,
            targets=targets,
            description_fr=description_fr,
            description_en=description_en,
            direction=direction,
            aggregation=aggregation,
            frequency=frequency,
            baseline=baseline,
            range_=range_,
        )

        return indicator_in
