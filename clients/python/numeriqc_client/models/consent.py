from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.consent_status import ConsentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    """
    Attributes:
        channel (Channel):
        purpose (str):
        source (str):
        status (ConsentStatus):
        given_at (datetime.datetime):
        purposes (list[str] | Unset): Finalités consenties / the purposes consented to
        withdrawn_at (datetime.datetime | None | Unset):
        withdrawn_by (None | str | Unset):
        platform_opt_out (bool | Unset): STOP / ARRÊT reçu / STOP reply received Default: False.
    """

    channel: Channel
    purpose: str
    source: str
    status: ConsentStatus
    given_at: datetime.datetime
    purposes: list[str] | Unset = UNSET
    withdrawn_at: datetime.datetime | None | Unset = UNSET
    withdrawn_by: None | str | Unset = UNSET
    platform_opt_out: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        purpose = self.purpose

        source = self.source

        status = self.status.value

        given_at = self.given_at.isoformat()

        purposes: list[str] | Unset = UNSET
        if not isinstance(self.purposes, Unset):
            purposes = self.purposes

        withdrawn_at: None | str | Unset
        if isinstance(self.withdrawn_at, Unset):
            withdrawn_at = UNSET
        elif isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        withdrawn_by: None | str | Unset
        if isinstance(self.withdrawn_by, Unset):
            withdrawn_by = UNSET
        else:
            withdrawn_by = self.withdrawn_by

        platform_opt_out = self.platform_opt_out

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "purpose": purpose,
                "source": source,
                "status": status,
                "given_at": given_at,
            }
        )
        if purposes is not UNSET:
            field_dict["purposes"] = purposes
        if withdrawn_at is not UNSET:
            field_dict["withdrawn_at"] = withdrawn_at
        if withdrawn_by is not UNSET:
            field_dict["withdrawn_by"] = withdrawn_by
        if platform_opt_out is not UNSET:
            field_dict["platform_opt_out"] = platform_opt_out

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        purpose = d.pop("purpose")

        source = d.pop("source")

        status = ConsentStatus(d.pop("status"))

        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        purposes = cast(list[str], d.pop("purposes", UNSET))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at", UNSET))

        def _parse_withdrawn_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        withdrawn_by = _parse_withdrawn_by(d.pop("withdrawn_by", UNSET))

        platform_opt_out = d.pop("platform_opt_out", UNSET)

        consent = cls(
            channel=channel,
            purpose=purpose,
            source=source,
            status=status,
            given_at=given_at,
            purposes=purposes,
            withdrawn_at=withdrawn_at,
            withdrawn_by=withdrawn_by,
            platform_opt_out=platform_opt_out,
        )

        consent.additional_properties = d
        return consent

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
