from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParticipationReceipt")


@_attrs_define
class ParticipationReceipt:
    """
    Attributes:
        receipt_id (str): Reçu de participation / participation receipt
        consultation_id (str):
        recorded_at (datetime.datetime):
        changed (bool): Réponses remplacées / answers replaced
        removed (list[str] | Unset): Renseignements retirés / PI removed
    """

    receipt_id: str
    consultation_id: str
    recorded_at: datetime.datetime
    changed: bool
    removed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        receipt_id = self.receipt_id

        consultation_id = self.consultation_id

        recorded_at = self.recorded_at.isoformat()

        changed = self.changed

        removed: list[str] | Unset = UNSET
        if not isinstance(self.removed, Unset):
            removed = self.removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "receipt_id": receipt_id,
                "consultation_id": consultation_id,
                "recorded_at": recorded_at,
                "changed": changed,
            }
        )
        if removed is not UNSET:
            field_dict["removed"] = removed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        receipt_id = d.pop("receipt_id")

        consultation_id = d.pop("consultation_id")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        changed = d.pop("changed")

        removed = cast(list[str], d.pop("removed", UNSET))

        participation_receipt = cls(
            receipt_id=receipt_id,
            consultation_id=consultation_id,
            recorded_at=recorded_at,
            changed=changed,
            removed=removed,
        )

        participation_receipt.additional_properties = d
        return participation_receipt

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
