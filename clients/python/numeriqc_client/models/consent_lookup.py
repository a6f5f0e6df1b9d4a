from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.channel import Channel

T = TypeVar("T", bound="ConsentLookup")


@_attrs_define
class ConsentLookup:
    """
    Attributes:
        channel (Channel):
        recipient (str):
    """

    channel: Channel
    recipient: str

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        recipient = self.recipient

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "recipient": recipient,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        recipient = d.pop("recipient")

        consent_lookup = cls(
            channel=channel,
            recipient=recipient,
        )

        return consent_lookup
