from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.feedback_in_language import FeedbackInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_in import ContactIn
    from ..models.feedback_in_drivers import FeedbackInDrivers


T = TypeVar("T", bound="FeedbackIn")


@_attrs_define
class FeedbackIn:
    """What the widget (or any client) posts. `website` is the honeypot: people never see it.

    Attributes:
        service_id (str): Service évalué / service rated
        rating (int): 1 (très insatisfait) à 5 (très satisfait)
        drivers (FeedbackInDrivers | Unset): Facteurs A-11 / A-11 drivers
        comment (None | str | Unset):
        language (FeedbackInLanguage | Unset):  Default: FeedbackInLanguage.FR.
        channel (Channel | Unset):
        page_url (None | str | Unset):
        contact (ContactIn | None | Unset):
        website (None | str | Unset): Laisser vide / leave empty (anti-robot)
    """

    service_id: str
    rating: int
    drivers: FeedbackInDrivers | Unset = UNSET
    comment: None | str | Unset = UNSET
    language: FeedbackInLanguage | Unset = FeedbackInLanguage.FR
    channel: Channel | Unset = UNSET
    page_url: None | str | Unset = UNSET
    contact: ContactIn | None | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_in import ContactIn  # noqa: PLC0415

        service_id = self.service_id

        rating = self.rating

        drivers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.drivers, Unset):
            drivers = self.drivers.to_dict()

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        page_url: None | str | Unset
        if isinstance(self.page_url, Unset):
            page_url = UNSET
        else:
            page_url = self.page_url

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ContactIn):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_id": service_id,
                "rating": rating,
            }
        )
        if drivers is not UNSET:
            field_dict["drivers"] = drivers
        if comment is not UNSET:
            field_dict["comment"] = comment
        if language is not UNSET:
            field_dict["language"] = language
        if channel is not UNSET:
            field_dict["channel"] = channel
        if page_url is not UNSET:
            field_dict["page_url"] = page_url
        if contact is not UNSET:
            field_dict["contact"] = contact
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_in import ContactIn  # noqa: PLC0415
        from ..models.feedback_in_drivers import FeedbackInDrivers  # noqa: PLC0415

        d = dict(src_dict)
        service_id = d.pop("service_id")

        rating = d.pop("rating")

        _drivers = d.pop("drivers", UNSET)
        drivers: FeedbackInDrivers | Unset
        if isinstance(_drivers, Unset):
            drivers = UNSET
        else:
            drivers = FeedbackInDrivers.from_dict(_drivers)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        _language = d.pop("language", UNSET)
        language: FeedbackInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = FeedbackInLanguage(_language)

        _channel = d.pop("channel", UNSET)
        channel: Channel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            channel = Channel(_channel)

        def _parse_page_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        page_url = _parse_page_url(d.pop("page_url", UNSET))

        def _parse_contact(data: object) -> ContactIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ContactIn.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactIn | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        feedback_in = cls(
            service_id=service_id,
            rating=rating,
            drivers=drivers,
            comment=comment,
            language=language,
            channel=channel,
            page_url=page_url,
            contact=contact,
            website=website,
        )

        return feedback_in
