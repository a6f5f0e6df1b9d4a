from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feedback_drivers import FeedbackDrivers


T = TypeVar("T", bound="Feedback")


@_attrs_define
class Feedback:
    """A stored submission, as organizations read it (the comment is already redacted).

    Attributes:
        feedback_id (str):
        service_id (str):
        rating (int):
        drivers (FeedbackDrivers):
        language (str):
        channel (str):
        status (Status): The lifecycle. `open` and `closed` follow the window; the others are the organization's acts.
        received_at (datetime.datetime):
        expires_at (datetime.datetime):
        comment (None | str | Unset):
        removed (list[str] | Unset):
        page_url (None | str | Unset):
        has_contact (bool | Unset):  Default: False.
    """

    feedback_id: str
    service_id: str
    rating: int
    drivers: FeedbackDrivers
    language: str
    channel: str
    status: Status
    received_at: datetime.datetime
    expires_at: datetime.datetime
    comment: None | str | Unset = UNSET
    removed: list[str] | Unset = UNSET
    page_url: None | str | Unset = UNSET
    has_contact: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feedback_id = self.feedback_id

        service_id = self.service_id

        rating = self.rating

        drivers = self.drivers.to_dict()

        language = self.language

        channel = self.channel

        status = self.status.value

        received_at = self.received_at.isoformat()

        expires_at = self.expires_at.isoformat()

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        removed: list[str] | Unset = UNSET
        if not isinstance(self.removed, Unset):
            removed = self.removed

        page_url: None | str | Unset
        if isinstance(self.page_url, Unset):
            page_url = UNSET
        else:
            page_url = self.page_url

        has_contact = self.has_contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feedback_id": feedback_id,
                "service_id": service_id,
                "rating": rating,
                "drivers": drivers,
                "language": language,
                "channel": channel,
                "status": status,
                "received_at": received_at,
                "expires_at": expires_at,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if removed is not UNSET:
            field_dict["removed"] = removed
        if page_url is not UNSET:
            field_dict["page_url"] = page_url
        if has_contact is not UNSET:
            field_dict["has_contact"] = has_contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feedback_drivers import FeedbackDrivers  # noqa: PLC0415

        d = dict(src_dict)
        feedback_id = d.pop("feedback_id")

        service_id = d.pop("service_id")

        rating = d.pop("rating")

        drivers = FeedbackDrivers.from_dict(d.pop("drivers"))

        language = d.pop("language")

        channel = d.pop("channel")

        status = Status(d.pop("status"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        removed = cast(list[str], d.pop("removed", UNSET))

        def _parse_page_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        page_url = _parse_page_url(d.pop("page_url", UNSET))

        has_contact = d.pop("has_contact", UNSET)

        feedback = cls(
            feedback_id=feedback_id,
            service_id=service_id,
            rating=rating,
            drivers=drivers,
            language=language,
            channel=channel,
            status=status,
            received_at=received_at,
            expires_at=expires_at,
            comment=comment,
            removed=removed,
            page_url=page_url,
            has_contact=has_contact,
        )

        feedback.additional_properties = d
        return feedback

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
