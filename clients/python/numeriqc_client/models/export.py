from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.export_content import ExportContent
from ..models.export_format import ExportFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="Export")


@_attrs_define
class Export:
    """
    Attributes:
        export_id (str):
        consultation_id (str):
        content (ExportContent):
        format_ (ExportFormat):
        status (str): queued, done, failed
        created_at (datetime.datetime):
        rows (int | None | Unset):
        download_url (None | str | Unset): 15 minutes / 15 minutes
    """

    export_id: str
    consultation_id: str
    content: ExportContent
    format_: ExportFormat
    status: str
    created_at: datetime.datetime
    rows: int | None | Unset = UNSET
    download_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        export_id = self.export_id

        consultation_id = self.consultation_id

        content = self.content.value

        format_ = self.format_.value

        status = self.status

        created_at = self.created_at.isoformat()

        rows: int | None | Unset
        if isinstance(self.rows, Unset):
            rows = UNSET
        else:
            rows = self.rows

        download_url: None | str | Unset
        if isinstance(self.download_url, Unset):
            download_url = UNSET
        else:
            download_url = self.download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "export_id": export_id,
                "consultation_id": consultation_id,
                "content": content,
                "format": format_,
                "status": status,
                "created_at": created_at,
            }
        )
        if rows is not UNSET:
            field_dict["rows"] = rows
        if download_url is not UNSET:
            field_dict["download_url"] = download_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        export_id = d.pop("export_id")

        consultation_id = d.pop("consultation_id")

        content = ExportContent(d.pop("content"))

        format_ = ExportFormat(d.pop("format"))

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_rows(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rows = _parse_rows(d.pop("rows", UNSET))

        def _parse_download_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url = _parse_download_url(d.pop("download_url", UNSET))

        export = cls(
            export_id=export_id,
            consultation_id=consultation_id,
            content=content,
            format_=format_,
            status=status,
            created_at=created_at,
            rows=rows,
            download_url=download_url,
        )

        export.additional_properties = d
        return export

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
