from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuestListOut")


@_attrs_define
class GuestListOut:
    """What was kept: a count, never the entries (the platform keeps only their hashes).

    Attributes:
        entries (int):
        effective_within_seconds (int | Unset):  Default: 30.
    """

    entries: int
    effective_within_seconds: int | Unset = 30
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = self.entries

        effective_within_seconds = self.effective_within_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
            }
        )
        if effective_within_seconds is not UNSET:
            field_dict["effective_within_seconds"] = effective_within_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entries = d.pop("entries")

        effective_within_seconds = d.pop("effective_within_seconds", UNSET)

        guest_list_out = cls(
            entries=entries,
            effective_within_seconds=effective_within_seconds,
        )

        guest_list_out.additional_properties = d
        return guest_list_out

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
