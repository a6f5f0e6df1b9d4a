from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Template")


@_attrs_define
class Template:
    """
    Attributes:
        template_id (str):
        version (int):
        channel (Channel):
        name (str):
        subject (None | str):
        body (str):
        gsm7_safe (bool):
        placeholders (list[str]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        purpose (None | str | Unset):
        archived (bool | Unset):  Default: False.
    """

    template_id: str
    version: int
    channel: Channel
    name: str
    subject: None | str
    body: str
    gsm7_safe: bool
    placeholders: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    purpose: None | str | Unset = UNSET
    archived: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        version = self.version

        channel = self.channel.value

        name = self.name

        subject: None | str
        subject = self.subject

        body = self.body

        gsm7_safe = self.gsm7_safe

        placeholders = self.placeholders

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        archived = self.archived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_id": template_id,
                "version": version,
                "channel": channel,
                "name": name,
                "subject": subject,
                "body": body,
                "gsm7_safe": gsm7_safe,
                "placeholders": placeholders,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if archived is not UNSET:
            field_dict["archived"] = archived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = d.pop("template_id")

        version = d.pop("version")

        channel = Channel(d.pop("channel"))

        name = d.pop("name")

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        body = d.pop("body")

        gsm7_safe = d.pop("gsm7_safe")

        placeholders = cast(list[str], d.pop("placeholders"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        archived = d.pop("archived", UNSET)

        template = cls(
            template_id=template_id,
            version=version,
            channel=channel,
            name=name,
            subject=subject,
            body=body,
            gsm7_safe=gsm7_safe,
            placeholders=placeholders,
            created_at=created_at,
            updated_at=updated_at,
            purpose=purpose,
            archived=archived,
        )

        template.additional_properties = d
        return template

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
