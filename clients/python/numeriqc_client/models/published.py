from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Published")


@_attrs_define
class Published:
    """
    Attributes:
        dataset_id (str):
        ids (list[str]):
        first_seq (int):
        last_seq (int):
    """

    dataset_id: str
    ids: list[str]
    first_seq: int
    last_seq: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        ids = self.ids

        first_seq = self.first_seq

        last_seq = self.last_seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "ids": ids,
                "first_seq": first_seq,
                "last_seq": last_seq,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        ids = cast(list[str], d.pop("ids"))

        first_seq = d.pop("first_seq")

        last_seq = d.pop("last_seq")

        published = cls(
            dataset_id=dataset_id,
            ids=ids,
            first_seq=first_seq,
            last_seq=last_seq,
        )

        published.additional_properties = d
        return published

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
