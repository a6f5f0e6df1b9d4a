from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_summary_representative_item import GroupSummaryRepresentativeItem


T = TypeVar("T", bound="GroupSummary")


@_attrs_define
class GroupSummary:
    """
    Attributes:
        group (int):
        size (int):
        representative (list[GroupSummaryRepresentativeItem]):
    """

    group: int
    size: int
    representative: list[GroupSummaryRepresentativeItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        size = self.size

        representative = []
        for representative_item_data in self.representative:
            representative_item = representative_item_data.to_dict()
            representative.append(representative_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "size": size,
                "representative": representative,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_summary_representative_item import GroupSummaryRepresentativeItem  # noqa: PLC0415

        d = dict(src_dict)
        group = d.pop("group")

        size = d.pop("size")

        representative = []
        _representative = d.pop("representative")
        for representative_item_data in _representative:
            representative_item = GroupSummaryRepresentativeItem.from_dict(representative_item_data)

            representative.append(representative_item)

        group_summary = cls(
            group=group,
            size=size,
            representative=representative,
        )

        group_summary.additional_properties = d
        return group_summary

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
