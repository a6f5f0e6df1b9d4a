from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateIn")


@_attrs_define
class TemplateIn:
    """
    Attributes:
        name (str):
        body (str): ((champ)), ((champ??texte)), [[fr]]…[[/fr]] [[en]]…[[/en]], Markdown (courriel)
        channel (Channel):
        subject (None | str | Unset): Objet (courriel seulement) / subject (email only)
        gsm7_safe (bool | Unset): SMS: remplacer les accents absents de GSM-7 (ê -> e) / SMS: GSM-7-safe transliteration
            Default: False.
        purpose (None | str | Unset): Finalité du consentement exigée (sinon la finalité par défaut : tout consentement
            actif) / the consent purpose required (else the default purpose: any active consent)
    """

    name: str
    body: str
    channel: Channel
    subject: None | str | Unset = UNSET
    gsm7_safe: bool | Unset = False
    purpose: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        body = self.body

        channel = self.channel.value

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        gsm7_safe = self.gsm7_safe

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "body": body,
                "channel": channel,
            }
        )
        if subject is not UNSET:
            field_dict["subject"] = subject
        if gsm7_safe is not UNSET:
            field_dict["gsm7_safe"] = gsm7_safe
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        body = d.pop("body")

        channel = Channel(d.pop("channel"))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        gsm7_safe = d.pop("gsm7_safe", UNSET)

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        template_in = cls(
            name=name,
            body=body,
            channel=channel,
            subject=subject,
            gsm7_safe=gsm7_safe,
            purpose=purpose,
        )

        return template_in
