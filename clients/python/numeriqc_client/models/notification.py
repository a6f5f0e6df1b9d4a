from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.status import Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content import Content


T = TypeVar("T", bound="Notification")


@_attrs_define
class Notification:
    """
    Attributes:
        id (str):
        channel (Channel):
        status (Status): The lifecycle. `open` and `closed` follow the window; the others are the organization's acts.
        template_id (str):
        template_version (int):
        language (str):
        key_kind (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        reference (None | str | Unset):
        scheduled_for (datetime.datetime | None | Unset):
        sent_at (datetime.datetime | None | Unset):
        completed_at (datetime.datetime | None | Unset):
        job_id (None | str | Unset):
        job_row (int | None | Unset): Ligne de l'envoi en lot, 1 = première ligne de données / bulk row, 1 = first data
            row
        series_id (None | str | Unset):
        fragments (int | None | Unset):
        failure_reason (None | str | Unset):
        content (Content | None | Unset):
    """

    id: str
    channel: Channel
    status: Status
    template_id: str
    template_version: int
    language: str
    key_kind: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    reference: None | str | Unset = UNSET
    scheduled_for: datetime.datetime | None | Unset = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    job_id: None | str | Unset = UNSET
    job_row: int | None | Unset = UNSET
    series_id: None | str | Unset = UNSET
    fragments: int | None | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    content: Content | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.content import Content  # noqa: PLC0415

        id = self.id

        channel = self.channel.value

        status = self.status.value

        template_id = self.template_id

        template_version = self.template_version

        language = self.language

        key_kind = self.key_kind

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        job_id: None | str | Unset
        if isinstance(self.job_id, Unset):
            job_id = UNSET
        else:
            job_id = self.job_id

        job_row: int | None | Unset
        if isinstance(self.job_row, Unset):
            job_row = UNSET
        else:
            job_row = self.job_row

        series_id: None | str | Unset
        if isinstance(self.series_id, Unset):
            series_id = UNSET
        else:
            series_id = self.series_id

        fragments: int | None | Unset
        if isinstance(self.fragments, Unset):
            fragments = UNSET
        else:
            fragments = self.fragments

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        content: dict[str, Any] | None | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, Content):
            content = self.content.to_dict()
        else:
            content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "channel": channel,
                "status": status,
                "template_id": template_id,
                "template_version": template_version,
                "language": language,
                "key_kind": key_kind,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if job_row is not UNSET:
            field_dict["job_row"] = job_row
        if series_id is not UNSET:
            field_dict["series_id"] = series_id
        if fragments is not UNSET:
            field_dict["fragments"] = fragments
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content import Content  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        channel = Channel(d.pop("channel"))

        status = Status(d.pop("status"))

        template_id = d.pop("template_id")

        template_version = d.pop("template_version")

        language = d.pop("language")

        key_kind = d.pop("key_kind")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_id = _parse_job_id(d.pop("job_id", UNSET))

        def _parse_job_row(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        job_row = _parse_job_row(d.pop("job_row", UNSET))

        def _parse_series_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        series_id = _parse_series_id(d.pop("series_id", UNSET))

        def _parse_fragments(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fragments = _parse_fragments(d.pop("fragments", UNSET))

        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))

        def _parse_content(data: object) -> Content | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                content_type_0 = Content.from_dict(data)

                return content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Content | None | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        notification = cls(
            id=id,
            channel=channel,
            status=status,
            template_id=template_id,
            template_version=template_version,
            language=language,
            key_kind=key_kind,
            created_at=created_at,
            updated_at=updated_at,
            reference=reference,
            scheduled_for=scheduled_for,
            sent_at=sent_at,
            completed_at=completed_at,
            job_id=job_id,
            job_row=job_row,
            series_id=series_id,
            fragments=fragments,
            failure_reason=failure_reason,
            content=content,
        )

        notification.additional_properties = d
        return notification

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
