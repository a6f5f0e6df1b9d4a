from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Receipt")


@_attrs_define
class Receipt:
    """The answer to a submission; `removed` tells the citizen which kinds of information were taken out.

    Attributes:
        receipt_id (str):
        service_id (str):
        received_at (datetime.datetime):
        removed (list[str] | Unset): Renseignements retirés / info removed
    """

    receipt_id: str
    service_id: str
    received_at: datetime.datetime
    removed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        receipt_id = self.receipt_id

        service_id = self.service_id

        received_at = self.received_at.isoformat()

        removed: list[str] | Unset = UNSET
        if not isinstance(self.removed, Unset):
            removed = self.removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "receipt_id": receipt_id,
                "service_id": service_id,
                "received_at": received_at,
            }
        )
        if removed is not UNSET:
            field_dict["removed"] = removed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        receipt_id = d.pop("receipt_id")

        service_id = d.pop("service_id")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        removed = cast(list[str], d.pop("removed", UNSET))

        receipt = cls(
            receipt_id=receipt_id,
            service_id=service_id,
            received_at=received_at,
            removed=removed,
        )

        receipt.additional_properties = d
        return receipt

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
