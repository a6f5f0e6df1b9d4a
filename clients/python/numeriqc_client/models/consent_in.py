from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentIn")


@_attrs_define
class ConsentIn:
    """
    Attributes:
        channel (Channel):
        recipient (str):
        purpose (str):
        source (str):
        given_at (datetime.datetime | None | Unset): Quand, avec fuseau horaire; ni futur ni avant un retrait / when,
            with a time zone; neither in the future nor before a withdrawal
        citizen_token (None | str | Unset): Après un retrait par le citoyen : le jeton de son lien de désabonnement,
            preuve de son nouveau geste / after the citizen's withdrawal: the token of their unsubscribe link
    """

    channel: Channel
    recipient: str
    purpose: str
    source: str
    given_at: datetime.datetime | None | Unset = UNSET
    citizen_token: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        recipient = self.recipient

        purpose = self.purpose

        source = self.source

        given_at: None | str | Unset
        if isinstance(self.given_at, Unset):
            given_at = UNSET
        elif isinstance(self.given_at, datetime.datetime):
            given_at = self.given_at.isoformat()
        else:
            given_at = self.given_at

        citizen_token: None | str | Unset
        if isinstance(self.citizen_token, Unset):
            citizen_token = UNSET
        else:
            citizen_token = self.citizen_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "recipient": recipient,
                "purpose": purpose,
                "source": source,
            }
        )
        if given_at is not UNSET:
            field_dict["given_at"] = given_at
        if citizen_token is not UNSET:
            field_dict["citizen_token"] = citizen_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        recipient = d.pop("recipient")

        purpose = d.pop("purpose")

        source = d.pop("source")

        def _parse_given_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                given_at_type_0 = datetime.datetime.fromisoformat(data)

                return given_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        given_at = _parse_given_at(d.pop("given_at", UNSET))

        def _parse_citizen_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        citizen_token = _parse_citizen_token(d.pop("citizen_token", UNSET))

        consent_in = cls(
            channel=channel,
            recipient=recipient,
            purpose=purpose,
            source=source,
            given_at=given_at,
            citizen_token=citizen_token,
        )

        return consent_in
