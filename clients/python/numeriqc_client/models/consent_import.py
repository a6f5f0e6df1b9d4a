from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_import_status import ConsentImportStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.row_error import RowError


T = TypeVar("T", bound="ConsentImport")


@_attrs_define
class ConsentImport:
    """
    Attributes:
        import_id (str):
        status (ConsentImportStatus):
        created_at (datetime.datetime):
        rows (int | Unset):  Default: 0.
        recorded (int | Unset): Enregistrés / recorded Default: 0.
        already_present (int | Unset): Déjà présents / already present Default: 0.
        refused (int | Unset): Refusés, raison par ligne / refused, reason per row Default: 0.
        upload_url (None | str | Unset):
        upload_expires_at (datetime.datetime | None | Unset):
        row_errors (list[RowError] | Unset): Dans la langue de l'appelant / in the caller's language
    """

    import_id: str
    status: ConsentImportStatus
    created_at: datetime.datetime
    rows: int | Unset = 0
    recorded: int | Unset = 0
    already_present: int | Unset = 0
    refused: int | Unset = 0
    upload_url: None | str | Unset = UNSET
    upload_expires_at: datetime.datetime | None | Unset = UNSET
    row_errors: list[RowError] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        import_id = self.import_id

        status = self.status.value

        created_at = self.created_at.isoformat()

        rows = self.rows

        recorded = self.recorded

        already_present = self.already_present

        refused = self.refused

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
                "import_id": import_id,
                "status": status,
                "created_at": created_at,
            }
        )
        if rows is not UNSET:
            field_dict["rows"] = rows
        if recorded is not UNSET:
            field_dict["recorded"] = recorded
        if already_present is not UNSET:
            field_dict["already_present"] = already_present
        if refused is not UNSET:
            field_dict["refused"] = refused
        if upload_url is not UNSET:
            field_dict["upload_url"] = upload_url
        if upload_expires_at is not UNSET:
            field_dict["upload_expires_at"] = upload_expires_at
        if row_errors is not UNSET:
            field_dict["row_errors"] = row_errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.row_error import RowError  # noqa: PLC0415

        d = dict(src_dict)
        import_id = d.pop("import_id")

        status = ConsentImportStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        rows = d.pop("rows", UNSET)

        recorded = d.pop("recorded", UNSET)

        already_present = d.pop("already_present", UNSET)

        refused = d.pop("refused", UNSET)

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

        consent_import = cls(
            import_id=import_id,
            status=status,
            created_at=created_at,
            rows=rows,
            recorded=recorded,
            already_present=already_present,
            refused=refused,
            upload_url=upload_url,
            upload_expires_at=upload_expires_at,
            row_errors=row_errors,
        )

        consent_import.additional_properties = d
        return consent_import

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
