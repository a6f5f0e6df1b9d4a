from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.protocol import Protocol
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionIn")


@_attrs_define
class SubscriptionIn:
    """Subscribe an endpoint of the organization to an event family, optionally narrowed to some types.

    Attributes:
        family (str): Famille d'événements / event family
        protocol (Protocol):
        endpoint (str): ARN de la file SQS, URL HTTPS ou adresse courriel / SQS queue ARN, HTTPS URL or email
        event_types (list[str] | Unset): Types retenus (tous si vide) / types kept (all when empty)
    """

    family: str
    protocol: Protocol
    endpoint: str
    event_types: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        family = self.family

        protocol = self.protocol.value

        endpoint = self.endpoint

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "family": family,
                "protocol": protocol,
                "endpoint": endpoint,
            }
        )
        if event_types is not UNSET:
            field_dict["event_types"] = event_types

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        family = d.pop("family")

        protocol = Protocol(d.pop("protocol"))

        endpoint = d.pop("endpoint")

        event_types = cast(list[str], d.pop("event_types", UNSET))

        subscription_in = cls(
            family=family,
            protocol=protocol,
            endpoint=endpoint,
            event_types=event_types,
        )

        return subscription_in
