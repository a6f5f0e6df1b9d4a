from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.notify_email_in_language import NotifyEmailInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notify_email_in_personalisation import NotifyEmailInPersonalisation


T = TypeVar("T", bound="NotifyEmailIn")


@_attrs_define
class NotifyEmailIn:
    """
    Attributes:
        email_address (str):
        template_id (str):
        personalisation (NotifyEmailInPersonalisation | Unset):
        reference (None | str | Unset):
        email_reply_to_id (None | str | Unset): Accepté, sans effet : une seule adresse / accepted, one address today
        one_click_unsubscribe_url (None | str | Unset): Accepté; chaque courriel porte déjà le désabonnement en un clic
            de numériQc (RFC 8058) / accepted; every email already carries numeriQc's one-click unsubscribe
        language (NotifyEmailInLanguage | Unset):  Default: NotifyEmailInLanguage.FR.
    """

    email_address: str
    template_id: str
    personalisation: NotifyEmailInPersonalisation | Unset = UNSET
    reference: None | str | Unset = UNSET
    email_reply_to_id: None | str | Unset = UNSET
    one_click_unsubscribe_url: None | str | Unset = UNSET
    language: NotifyEmailInLanguage | Unset = NotifyEmailInLanguage.FR

    def to_dict(self) -> dict[str, Any]:
        email_address = self.email_address

        template_id = self.template_id

        personalisation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personalisation, Unset):
            personalisation = self.personalisation.to_dict()

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        email_reply_to_id: None | str | Unset
        if isinstance(self.email_reply_to_id, Unset):
            email_reply_to_id = UNSET
        else:
            email_reply_to_id = self.email_reply_to_id

        one_click_unsubscribe_url: None | str | Unset
        if isinstance(self.one_click_unsubscribe_url, Unset):
            one_click_unsubscribe_url = UNSET
        else:
            one_click_unsubscribe_url = self.one_click_unsubscribe_url

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email_address": email_address,
                "template_id": template_id,
            }
        )
        if personalisation is not UNSET:
            field_dict["personalisation"] = personalisation
        if reference is not UNSET:
            field_dict["reference"] = reference
        if email_reply_to_id is not UNSET:
            field_dict["email_reply_to_id"] = email_reply_to_id
        if one_click_unsubscribe_url is not UNSET:
            field_dict["one_click_unsubscribe_url"] = one_click_unsubscribe_url
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notify_email_in_personalisation import NotifyEmailInPersonalisation  # noqa: PLC0415

        d = dict(src_dict)
        email_address = d.pop("email_address")

        template_id = d.pop("template_id")

        _personalisation = d.pop("personalisation", UNSET)
        personalisation: NotifyEmailInPersonalisation | Unset
        if isinstance(_personalisation, Unset):
            personalisation = UNSET
        else:
            personalisation = NotifyEmailInPersonalisation.from_dict(_personalisation)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_email_reply_to_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_reply_to_id = _parse_email_reply_to_id(d.pop("email_reply_to_id", UNSET))

        def _parse_one_click_unsubscribe_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        one_click_unsubscribe_url = _parse_one_click_unsubscribe_url(d.pop("one_click_unsubscribe_url", UNSET))

        _language = d.pop("language", UNSET)
        language: NotifyEmailInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = NotifyEmailInLanguage(_language)

        notify_email_in = cls(
            email_address=email_address,
            template_id=template_id,
            personalisation=personalisation,
            reference=reference,
            email_reply_to_id=email_reply_to_id,
            one_click_unsubscribe_url=one_click_unsubscribe_url,
            language=language,
        )

        return notify_email_in
