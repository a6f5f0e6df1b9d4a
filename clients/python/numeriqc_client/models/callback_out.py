from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallbackOut")


@_attrs_define
class CallbackOut:
    """
    Attributes:
        url (None | str):
        configured_at (datetime.datetime | None | Unset):
    """

    url: None | str
    configured_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url: None | str
        url = self.url

        configured_at: None | str | Unset
        if isinstance(self.configured_at, Unset):
            configured_at = UNSET
        elif isinstance(self.configured_at, datetime.datetime):
            configured_at = self.configured_at.isoformat()
        else:
            configured_at = self.configured_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if configured_at is not UNSET:
            field_dict["configured_at"] = configured_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_configured_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                configured_at_type_0 = datetime.datetime.fromisoformat(data)

                return configured_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        configured_at = _parse_configured_at(d.pop("configured_at", UNSET))

        callback_out = cls(
            url=url,
            configured_at=configured_at,
        )

        callback_out.additional_properties = d
        return callback_out

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
