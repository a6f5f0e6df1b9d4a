from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification import Notification


T = TypeVar("T", bound="ReminderSeries")


@_attrs_define
class ReminderSeries:
    """
    Attributes:
        series_id (str):
        notifications (list[Notification]):
        skipped_in_past (list[int] | Unset):
    """

    series_id: str
    notifications: list[Notification]
    skipped_in_past: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        series_id = self.series_id

        notifications = []
        for notifications_item_data in self.notifications:
            notifications_item = notifications_item_data.to_dict()
            notifications.append(notifications_item)

        skipped_in_past: list[int] | Unset = UNSET
        if not isinstance(self.skipped_in_past, Unset):
            skipped_in_past = self.skipped_in_past

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "series_id": series_id,
                "notifications": notifications,
            }
        )
        if skipped_in_past is not UNSET:
            field_dict["skipped_in_past"] = skipped_in_past

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification import Notification  # noqa: PLC0415

        d = dict(src_dict)
        series_id = d.pop("series_id")

        notifications = []
        _notifications = d.pop("notifications")
        for notifications_item_data in _notifications:
            notifications_item = Notification.from_dict(notifications_item_data)

            notifications.append(notifications_item)

        skipped_in_past = cast(list[int], d.pop("skipped_in_past", UNSET))

        reminder_series = cls(
            series_id=series_id,
            notifications=notifications,
            skipped_in_past=skipped_in_past,
        )

        reminder_series.additional_properties = d
        return reminder_series

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
