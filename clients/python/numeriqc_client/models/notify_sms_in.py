from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.notify_sms_in_language import NotifySmsInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notify_sms_in_personalisation import NotifySmsInPersonalisation


T = TypeVar("T", bound="NotifySmsIn")


@_attrs_define
class NotifySmsIn:
    """Notify's POST /v2/notifications/sms body; `language` is numériQc's ([[fr]]/[[en]] blocks).

    Attributes:
        phone_number (str):
        template_id (str):
        personalisation (NotifySmsInPersonalisation | Unset):
        reference (None | str | Unset):
        sms_sender_id (None | str | Unset): Accepté, sans effet : un seul expéditeur / accepted, one sender today
        language (NotifySmsInLanguage | Unset):  Default: NotifySmsInLanguage.FR.
    """

    phone_number: str
    template_id: str
    personalisation: NotifySmsInPersonalisation | Unset = UNSET
    reference: None | str | Unset = UNSET
    sms_sender_id: None | str | Unset = UNSET
    language: NotifySmsInLanguage | Unset = NotifySmsInLanguage.FR

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        template_id = self.template_id

        personalisation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personalisation, Unset):
            personalisation = self.personalisation.to_dict()

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        sms_sender_id: None | str | Unset
        if isinstance(self.sms_sender_id, Unset):
            sms_sender_id = UNSET
        else:
            sms_sender_id = self.sms_sender_id

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phone_number": phone_number,
                "template_id": template_id,
            }
        )
        if personalisation is not UNSET:
            field_dict["personalisation"] = personalisation
        if reference is not UNSET:
            field_dict["reference"] = reference
        if sms_sender_id is not UNSET:
            field_dict["sms_sender_id"] = sms_sender_id
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notify_sms_in_personalisation import NotifySmsInPersonalisation  # noqa: PLC0415

        d = dict(src_dict)
        phone_number = d.pop("phone_number")

        template_id = d.pop("template_id")

        _personalisation = d.pop("personalisation", UNSET)
        personalisation: NotifySmsInPersonalisation | Unset
        if isinstance(_personalisation, Unset):
            personalisation = UNSET
        else:
            personalisation = NotifySmsInPersonalisation.from_dict(_personalisation)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_sms_sender_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sms_sender_id = _parse_sms_sender_id(d.pop("sms_sender_id", UNSET))

        _language = d.pop("language", UNSET)
        language: NotifySmsInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = NotifySmsInLanguage(_language)

        notify_sms_in = cls(
            phone_number=phone_number,
            template_id=template_id,
            personalisation=personalisation,
            reference=reference,
            sms_sender_id=sms_sender_id,
            language=language,
        )

        return notify_sms_in
