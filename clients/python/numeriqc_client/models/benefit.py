from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.benefit_kind import BenefitKind
from ..models.moderation import Moderation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.benefit_measurements import BenefitMeasurements
    from ..models.estimate import Estimate


T = TypeVar("T", bound="Benefit")


@_attrs_define
class Benefit:
    """
    Attributes:
        benefit_id (str):
        org_id (str):
        measure (int):
        title_fr (str):
        title_en (str):
        kind (BenefitKind): Measure 16's kinds of benefit, each with its unit.
        method_fr (str):
        method_en (str):
        estimates (list[Estimate]):
        moderation (Moderation):
        created_at (datetime.datetime):
        assumptions_fr (str | Unset):  Default: ''.
        assumptions_en (str | Unset):  Default: ''.
        measurements (BenefitMeasurements | Unset): par période / per period
    """

    benefit_id: str
    org_id: str
    measure: int
    title_fr: str
    title_en: str
    kind: BenefitKind
    method_fr: str
    method_en: str
    estimates: list[Estimate]
    moderation: Moderation
    created_at: datetime.datetime
    assumptions_fr: str | Unset = ""
    assumptions_en: str | Unset = ""
    measurements: BenefitMeasurements | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        benefit_id = self.benefit_id

        org_id = self.org_id

        measure = self.measure

        title_fr = self.title_fr

        title_en = self.title_en

        kind = self.kind.value

        method_fr = self.method_fr

        method_en = self.method_en

        estimates = []
        for estimates_item_data in self.estimates:
            estimates_item = estimates_item_data.to_dict()
            estimates.append(estimates_item)

        moderation = self.moderation.value

        created_at = self.created_at.isoformat()

        assumptions_fr = self.assumptions_fr

        assumptions_en = self.assumptions_en

        measurements: dict[str, Any] | Unset = UNSET
        if not isinstance(self.measurements, Unset):
            measurements = self.measurements.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "benefit_id": benefit_id,
                "org_id": org_id,
                "measure": measure,
                "title_fr": title_fr,
                "title_en": title_en,
                "kind": kind,
                "method_fr": method_fr,
                "method_en": method_en,
                "estimates": estimates,
                "moderation": moderation,
                "created_at": created_at,
            }
        )
        if assumptions_fr is not UNSET:
            field_dict["assumptions_fr"] = assumptions_fr
        if assumptions_en is not UNSET:
            field_dict["assumptions_en"] = assumptions_en
        if measurements is not UNSET:
            field_dict["measurements"] = measurements

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benefit_measurements import BenefitMeasurements  # noqa: PLC0415
        from ..models.estimate import Estimate  # noqa: PLC0415

        d = dict(src_dict)
        benefit_id = d.pop("benefit_id")

        org_id = d.pop("org_id")

        measure = d.pop("measure")

        title_fr = d.pop("title_fr")

        title_en = d.pop("title_en")

        kind = BenefitKind(d.pop("kind"))

        method_fr = d.pop("method_fr")

        method_en = d.pop("method_en")

        estimates = []
        _estimates = d.pop("estimates")
        for estimates_item_data in _estimates:
            estimates_item = Estimate.from_dict(estimates_item_data)

            estimates.append(estimates_item)

        moderation = Moderation(d.pop("moderation"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        assumptions_fr = d.pop("assumptions_fr", UNSET)

        assumptions_en = d.pop("assumptions_en", UNSET)

        _measurements = d.pop("measurements", UNSET)
        measurements: BenefitMeasurements | Unset
        if isinstance(_measurements, Unset):
            measurements = UNSET
        else:
            measurements = BenefitMeasurements.from_dict(_measurements)

        benefit = cls(
            benefit_id=benefit_id,
            org_id=org_id,
            measure=measure,
            title_fr=title_fr,
            title_en=title_en,
            kind=kind,
            method_fr=method_fr,
            method_en=method_en,
            estimates=estimates,
            moderation=moderation,
            created_at=created_at,
            assumptions_fr=assumptions_fr,
            assumptions_en=assumptions_en,
            measurements=measurements,
        )

        benefit.additional_properties = d
        return benefit

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
