from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_ticket_format import UploadTicketFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.upload_ticket_headers import UploadTicketHeaders


T = TypeVar("T", bound="UploadTicket")


@_attrs_define
class UploadTicket:
    """Where to PUT a file (with these headers) before `expires_at`, then POST .../complete.

    Attributes:
        upload_id (str):
        url (str):
        headers (UploadTicketHeaders):
        format_ (UploadTicketFormat):
        max_bytes (int):
        expires_at (datetime.datetime):
        method (Literal['PUT'] | Unset):  Default: 'PUT'.
    """

    upload_id: str
    url: str
    headers: UploadTicketHeaders
    format_: UploadTicketFormat
    max_bytes: int
    expires_at: datetime.datetime
    method: Literal["PUT"] | Unset = "PUT"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = self.upload_id

        url = self.url

        headers = self.headers.to_dict()

        format_ = self.format_.value

        max_bytes = self.max_bytes

        expires_at = self.expires_at.isoformat()

        method = self.method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "upload_id": upload_id,
                "url": url,
                "headers": headers,
                "format": format_,
                "max_bytes": max_bytes,
                "expires_at": expires_at,
            }
        )
        if method is not UNSET:
            field_dict["method"] = method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_ticket_headers import UploadTicketHeaders  # noqa: PLC0415

        d = dict(src_dict)
        upload_id = d.pop("upload_id")

        url = d.pop("url")

        headers = UploadTicketHeaders.from_dict(d.pop("headers"))

        format_ = UploadTicketFormat(d.pop("format"))

        max_bytes = d.pop("max_bytes")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        method = cast(Literal["PUT"] | Unset, d.pop("method", UNSET))
        if method != "PUT" and not isinstance(method, Unset):
            raise ValueError(f"method must match const 'PUT', got '{method}'")

        upload_ticket = cls(
            upload_id=upload_id,
            url=url,
            headers=headers,
            format_=format_,
            max_bytes=max_bytes,
            expires_at=expires_at,
            method=method,
        )

        upload_ticket.additional_properties = d
        return upload_ticket

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
