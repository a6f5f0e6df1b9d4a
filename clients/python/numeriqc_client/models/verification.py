from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Verification")


@_attrs_define
class Verification:
    """
    Attributes:
        dataset_id (str):
        first (int):
        last (int):
        valid (bool):
        checked (int):
        signed_through (int):
        batches (list[str]):
        failures (list[str]):
    """

    dataset_id: str
    first: int
    last: int
    valid: bool
    checked: int
    signed_through: int
    batches: list[str]
    failures: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        first = self.first

        last = self.last

        valid = self.valid

        checked = self.checked

        signed_through = self.signed_through

        batches = self.batches

        failures = self.failures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "first": first,
                "last": last,
                "valid": valid,
                "checked": checked,
                "signed_through": signed_through,
                "batches": batches,
                "failures": failures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        first = d.pop("first")

        last = d.pop("last")

        valid = d.pop("valid")

        checked = d.pop("checked")

        signed_through = d.pop("signed_through")

        batches = cast(list[str], d.pop("batches"))

        failures = cast(list[str], d.pop("failures"))

        verification = cls(
            dataset_id=dataset_id,
            first=first,
            last=last,
            valid=valid,
            checked=checked,
            signed_through=signed_through,
            batches=batches,
            failures=failures,
        )

        verification.additional_properties = d
        return verification

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
