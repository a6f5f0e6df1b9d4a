from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErasureOut")


@_attrs_define
class ErasureOut:
    """
    Attributes:
        consents_removed (int):
        contents_removed (int):
        notifications_anonymized (int):
    """

    consents_removed: int
    contents_removed: int
    notifications_anonymized: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consents_removed = self.consents_removed

        contents_removed = self.contents_removed

        notifications_anonymized = self.notifications_anonymized

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consents_removed": consents_removed,
                "contents_removed": contents_removed,
                "notifications_anonymized": notifications_anonymized,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consents_removed = d.pop("consents_removed")

        contents_removed = d.pop("contents_removed")

        notifications_anonymized = d.pop("notifications_anonymized")

        erasure_out = cls(
            consents_removed=consents_removed,
            contents_removed=contents_removed,
            notifications_anonymized=notifications_anonymized,
        )

        erasure_out.additional_properties = d
        return erasure_out

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
