from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivered_event import DeliveredEvent


T = TypeVar("T", bound="Delivered")


@_attrs_define
class Delivered:
    """One message as a consumer pulls it: the CloudEvent, and the id that acknowledges it.

    Attributes:
        ack_id (str):
        event (DeliveredEvent):
        data_url (None | str | Unset): Pour un événement `dataref`: URL présignée de ses données (5 min) / for a
            `dataref` event: presigned URL of its data (5 min)
    """

    ack_id: str
    event: DeliveredEvent
    data_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ack_id = self.ack_id

        event = self.event.to_dict()

        data_url: None | str | Unset
        if isinstance(self.data_url, Unset):
            data_url = UNSET
        else:
            data_url = self.data_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ack_id": ack_id,
                "event": event,
            }
        )
        if data_url is not UNSET:
            field_dict["data_url"] = data_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivered_event import DeliveredEvent  # noqa: PLC0415

        d = dict(src_dict)
        ack_id = d.pop("ack_id")

        event = DeliveredEvent.from_dict(d.pop("event"))

        def _parse_data_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_url = _parse_data_url(d.pop("data_url", UNSET))

        delivered = cls(
            ack_id=ack_id,
            event=event,
            data_url=data_url,
        )

        delivered.additional_properties = d
        return delivered

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
