from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.send_email_in_language import SendEmailInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.send_email_in_personalisation import SendEmailInPersonalisation


T = TypeVar("T", bound="SendEmailIn")


@_attrs_define
class SendEmailIn:
    """
    Attributes:
        template_id (str):
        email_address (str):
        personalisation (SendEmailInPersonalisation | Unset):
        language (SendEmailInLanguage | Unset):  Default: SendEmailInLanguage.FR.
        reference (None | str | Unset):
        scheduled_for (datetime.datetime | None | Unset): Au plus 30 jours à l'avance / at most 30 days ahead
        purpose (None | str | Unset): Finalité du consentement exigée (sinon la finalité par défaut : tout consentement
            actif) / the consent purpose required (else the default purpose: any active consent)
    """

    template_id: str
    email_address: str
    personalisation: SendEmailInPersonalisation | Unset = UNSET
    language: SendEmailInLanguage | Unset = SendEmailInLanguage.FR
    reference: None | str | Unset = UNSET
    scheduled_for: datetime.datetime | None | Unset = UNSET
    purpose: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        email_address = self.email_address

        personalisation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personalisation, Unset):
            personalisation = self.personalisation.to_dict()

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.datetime):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_id": template_id,
                "email_address": email_address,
            }
        )
        if personalisation is not UNSET:
            field_dict["personalisation"] = personalisation
        if language is not UNSET:
            field_dict["language"] = language
        if reference is not UNSET:
            field_dict["reference"] = reference
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.send_email_in_personalisation import SendEmailInPersonalisation  # noqa: PLC0415

        d = dict(src_dict)
        template_id = d.pop("template_id")

        email_address = d.pop("email_address")

        _personalisation = d.pop("personalisation", UNSET)
        personalisation: SendEmailInPersonalisation | Unset
        if isinstance(_personalisation, Unset):
            personalisation = UNSET
        else:
            personalisation = SendEmailInPersonalisation.from_dict(_personalisation)

        _language = d.pop("language", UNSET)
        language: SendEmailInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = SendEmailInLanguage(_language)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_scheduled_for(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_for_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_for_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scheduled_for = _parse_scheduled_for(d.pop("scheduled_for", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        send_email_in = cls(
            template_id=template_id,
            email_address=email_address,
            personalisation=personalisation,
            language=language,
            reference=reference,
            scheduled_for=scheduled_for,
            purpose=purpose,
        )

        return send_email_in
