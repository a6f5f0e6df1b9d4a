from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sms_facts import SmsFacts


T = TypeVar("T", bound="Preview")


@_attrs_define
class Preview:
    """
    Attributes:
        template_id (str):
        version (int):
        channel (Channel):
        text (str):
        subject (None | str | Unset):
        html (None | str | Unset):
        sms (None | SmsFacts | Unset):
    """

    template_id: str
    version: int
    channel: Channel
    text: str
    subject: None | str | Unset = UNSET
    html: None | str | Unset = UNSET
    sms: None | SmsFacts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sms_facts import SmsFacts  # noqa: PLC0415

        template_id = self.template_id

        version = self.version

        channel = self.channel.value

        text = self.text

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        sms: dict[str, Any] | None | Unset
        if isinstance(self.sms, Unset):
            sms = UNSET
        elif isinstance(self.sms, SmsFacts):
            sms = self.sms.to_dict()
        else:
            sms = self.sms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_id": template_id,
                "version": version,
                "channel": channel,
                "text": text,
            }
        )
        if subject is not UNSET:
            field_dict["subject"] = subject
        if html is not UNSET:
            field_dict["html"] = html
        if sms is not UNSET:
            field_dict["sms"] = sms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sms_facts import SmsFacts  # noqa: PLC0415

        d = dict(src_dict)
        template_id = d.pop("template_id")

        version = d.pop("version")

        channel = Channel(d.pop("channel"))

        text = d.pop("text")

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))

        def _parse_sms(data: object) -> None | SmsFacts | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sms_type_0 = SmsFacts.from_dict(data)

                return sms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SmsFacts | Unset, data)

        sms = _parse_sms(d.pop("sms", UNSET))

        preview = cls(
            template_id=template_id,
            version=version,
            channel=channel,
            text=text,
            subject=subject,
            html=html,
            sms=sms,
        )

        preview.additional_properties = d
        return preview

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
