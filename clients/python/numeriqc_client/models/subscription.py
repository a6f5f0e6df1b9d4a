from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.protocol import Protocol

T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        subscription_id (str):
        family (str):
        protocol (Protocol):
        endpoint (str):
        event_types (list[str]):
        status (str): active, or pending-confirmation until SNS's challenge is answered (HTTPS, email, queues of another
            AWS account than the platform's)
        created_at (datetime.datetime):
    """

    subscription_id: str
    family: str
    protocol: Protocol
    endpoint: str
    event_types: list[str]
    status: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        family = self.family

        protocol = self.protocol.value

        endpoint = self.endpoint

        event_types = self.event_types

        status = self.status

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscription_id": subscription_id,
                "family": family,
                "protocol": protocol,
                "endpoint": endpoint,
                "event_types": event_types,
                "status": status,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = d.pop("subscription_id")

        family = d.pop("family")

        protocol = Protocol(d.pop("protocol"))

        endpoint = d.pop("endpoint")

        event_types = cast(list[str], d.pop("event_types"))

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        subscription = cls(
            subscription_id=subscription_id,
            family=family,
            protocol=protocol,
            endpoint=endpoint,
            event_types=event_types,
            status=status,
            created_at=created_at,
        )

        subscription.additional_properties = d
        return subscription

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
