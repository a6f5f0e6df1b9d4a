from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_counts import JobCounts
    from ..models.row_error import RowError


T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """
    Attributes:
        job_id (str):
        template_id (str):
        template_version (int):
        channel (Channel):
        status (JobStatus):
        created_at (datetime.datetime):
        rows (int | Unset):  Default: 0.
        accepted (int | Unset):  Default: 0.
        skipped (int | Unset):  Default: 0.
        counts (JobCounts | Unset): Par statut / per status
        progress (float | Unset):  Default: 0.0.
        scheduled_for (datetime.datetime | None | Unset): Quand l'envoi partira (heures de silence SMS comprises) / when
            it goes out (SMS quiet hours included)
        upload_url (None | str | Unset):
        upload_expires_at (datetime.datetime | None | Unset):
        row_errors (list[RowError] | Unset):
    """

    job_id: str
    template_id: str
    template_version: int
    channel: Channel
    status: JobStatus
    created_at: datetime.datetime
    rows: int | Unset = 0
    accepted: int | Unset = 0
    skipped: int | Unset = 0
    counts: JobCounts | Unset = UNSET
    progress: float | Unset = 0.0
    scheduled_for: datetime.datetime | None | Unset = UNSET
    upload_url: None | str | Unset = UNSET
    upload_expires_at: datetime.datetime | None | Unset = UNSET
    row_errors: list[RowError] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        template_id = self.template_id

        template_version = self.template_version

        channel = self.channel.value

        status = self.status.value

        created_at = self.created_at.isoformat()

        rows = self.rows

        accepted = self.accepted

        skipped = self.skipped

        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counts, Unset):
            counts = self.counts.to_dict()

        progress = self.progress

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.datetime):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        upload_url: None | str | Unset
        if isinstance(self.upload_url, Unset):
            upload_url = UNSET
        else:
            upload_url = self.upload_url

        upload_expires_at: None | str | Unset
        if isinstance(self.upload_expires_at, Unset):
            upload_expires_at = UNSET
        elif isinstance(self.upload_expires_at, datetime.datetime):
            upload_expires_at = self.upload_expires_at.isoformat()
        else:
            upload_expires_at = self.upload_expires_at

        row_errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.row_errors, Unset):
            row_errors = []
            for row_errors_item_data in self.row_errors:
                row_errors_item = row_errors_item_data.to_dict()
                row_errors.append(row_errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "template_id": template_id,
                "template_version": template_version,
                "channel": channel,
                "status": status,
                "created_at": created_at,
            }
        )
        if rows is not UNSET:
            field_dict["rows"] = rows
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if skipped is not UNSET:
            field_dict["skipped"] = skipped
        if counts is not UNSET:
            field_dict["counts"] = counts
        if progress is not UNSET:
            field_dict["progress"] = progress
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if upload_url is not UNSET:
            field_dict["upload_url"] = upload_url
        if upload_expires_at is not UNSET:
            field_dict["upload_expires_at"] = upload_expires_at
        if row_errors is not UNSET:
            field_dict["row_errors"] = row_errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_counts import JobCounts  # noqa: PLC0415
        from ..models.row_error import RowError  # noqa: PLC0415

        d = dict(src_dict)
        job_id = d.pop("job_id")

        template_id = d.pop("template_id")

        template_version = d.pop("template_version")

        channel = Channel(d.pop("channel"))

        status = JobStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        rows = d.pop("rows", UNSET)

        accepted = d.pop("accepted", UNSET)

        skipped = d.pop("skipped", UNSET)

        _counts = d.pop("counts", UNSET)
        counts: JobCounts | Unset
        if isinstance(_counts, Unset):
            counts = UNSET
        else:
            counts = JobCounts.from_dict(_counts)

        progress = d.pop("progress", UNSET)

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

        def _parse_upload_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upload_url = _parse_upload_url(d.pop("upload_url", UNSET))

        def _parse_upload_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                upload_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return upload_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        upload_expires_at = _parse_upload_expires_at(d.pop("upload_expires_at", UNSET))

        _row_errors = d.pop("row_errors", UNSET)
        row_errors: list[RowError] | Unset = UNSET
        if _row_errors is not UNSET:
            row_errors = []
            for row_errors_item_data in _row_errors:
                row_errors_item = RowError.from_dict(row_errors_item_data)

                row_errors.append(row_errors_item)

        job = cls(
            job_id=job_id,
            template_id=template_id,
            template_version=template_version,
            channel=channel,
            status=status,
            created_at=created_at,
            rows=rows,
            accepted=accepted,
            skipped=skipped,
            counts=counts,
            progress=progress,
            scheduled_for=scheduled_for,
            upload_url=upload_url,
            upload_expires_at=upload_expires_at,
            row_errors=row_errors,
        )

        job.additional_properties = d
        return job

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
