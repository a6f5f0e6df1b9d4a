from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.benefit_kind import BenefitKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.estimate import Estimate


T = TypeVar("T", bound="BenefitIn")


@_attrs_define
class BenefitIn:
    """An initiative's estimated benefit, with how it was estimated: organizations enter theirs.

    Attributes:
        benefit_id (str):
        measure (int):
        title_fr (str):
        title_en (str):
        kind (BenefitKind): Measure 16's kinds of benefit, each with its unit.
        method_fr (str):
        method_en (str):
        estimates (list[Estimate]):
        assumptions_fr (str | Unset):  Default: ''.
        assumptions_en (str | Unset):  Default: ''.
    """

    benefit_id: str
    measure: int
    title_fr: str
    title_en: str
    kind: BenefitKind
    method_fr: str
    method_en: str
    estimates: list[Estimate]
    assumptions_fr: str | Unset = ""
    assumptions_en: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        benefit_id = self.benefit_id

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

        assumptions_fr = self.assumptions_fr

        assumptions_en = self.assumptions_en

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "benefit_id": benefit_id,
                "measure": measure,
                "title_fr": title_fr,
                "title_en": title_en,
                "kind": kind,
                "method_fr": method_fr,
                "method_en": method_en,
                "estimates": estimates,
            }
        )
        if assumptions_fr is not UNSET:
            field_dict["assumptions_fr"] = assumptions_fr
        if assumptions_en is not UNSET:
            field_dict["assumptions_en"] = assumptions_en

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.estimate import Estimate  # noqa: PLC0415

        d = dict(src_dict)
        benefit_id = d.pop("benefit_id")

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

        assumptions_fr = d.pop("assumptions_fr", UNSET)

        assumptions_en = d.pop("assumptions_en", UNSET)

        benefit_in = cls(
            benefit_id=benefit_id,
            measure=measure,
            title_fr=title_fr,
            title_en=title_en,
            kind=kind,
            method_fr=method_fr,
            method_en=method_en,
            estimates=estimates,
            assumptions_fr=assumptions_fr,
            assumptions_en=assumptions_en,
        )

        return benefit_in
