from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.reminder_in_language import ReminderInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reminder_in_personalisation import ReminderInPersonalisation


T = TypeVar("T", bound="ReminderIn")


@_attrs_define
class ReminderIn:
    """
    Attributes:
        channel (Channel):
        template_id (str):
        recipient (str):
        due_date (datetime.date):
        days_before (list[int]):
        purpose (None | str | Unset): Finalité du consentement exigée (sinon la finalité par défaut : tout consentement
            actif) / the consent purpose required (else the default purpose: any active consent)
        personalisation (ReminderInPersonalisation | Unset):
        language (ReminderInLanguage | Unset):  Default: ReminderInLanguage.FR.
        reference (None | str | Unset):
        at (str | Unset):  Default: '09:00:00'.
        timezone (str | Unset):  Default: 'America/Toronto'.
    """

    channel: Channel
    template_id: str
    recipient: str
    due_date: datetime.date
    days_before: list[int]
    purpose: None | str | Unset = UNSET
    personalisation: ReminderInPersonalisation | Unset = UNSET
    language: ReminderInLanguage | Unset = ReminderInLanguage.FR
    reference: None | str | Unset = UNSET
    at: str | Unset = "09:00:00"
    timezone: str | Unset = "America/Toronto"

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        template_id = self.template_id

        recipient = self.recipient

        due_date = self.due_date.isoformat()

        days_before = self.days_before

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

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

        at = self.at

        timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "template_id": template_id,
                "recipient": recipient,
                "due_date": due_date,
                "days_before": days_before,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if personalisation is not UNSET:
            field_dict["personalisation"] = personalisation
        if language is not UNSET:
            field_dict["language"] = language
        if reference is not UNSET:
            field_dict["reference"] = reference
        if at is not UNSET:
            field_dict["at"] = at
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reminder_in_personalisation import ReminderInPersonalisation  # noqa: PLC0415

        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        template_id = d.pop("template_id")

        recipient = d.pop("recipient")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        days_before = cast(list[int], d.pop("days_before"))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        _personalisation = d.pop("personalisation", UNSET)
        personalisation: ReminderInPersonalisation | Unset
        if isinstance(_personalisation, Unset):
            personalisation = UNSET
        else:
            personalisation = ReminderInPersonalisation.from_dict(_personalisation)

        _language = d.pop("language", UNSET)
        language: ReminderInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = ReminderInLanguage(_language)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        at = d.pop("at", UNSET)

        timezone = d.pop("timezone", UNSET)

        reminder_in = cls(
            channel=channel,
            template_id=template_id,
            recipient=recipient,
            due_date=due_date,
            days_before=days_before,
            purpose=purpose,
            personalisation=personalisation,
            language=language,
            reference=reference,
            at=at,
            timezone=timezone,
        )

        return reminder_in
