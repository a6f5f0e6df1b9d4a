from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.bulk_in_language import BulkInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_in_rows_type_0_item import BulkInRowsType0Item


T = TypeVar("T", bound="BulkIn")


@_attrs_define
class BulkIn:
    """
    Attributes:
        template_id (str):
        language (BulkInLanguage | Unset):  Default: BulkInLanguage.FR.
        reference (None | str | Unset):
        purpose (None | str | Unset): Finalité du consentement exigée (sinon la finalité par défaut : tout consentement
            actif) / the consent purpose required (else the default purpose: any active consent)
        rows (list[BulkInRowsType0Item] | None | Unset): Lignes JSON (email_address ou phone_number + champs) / JSON
            rows
        upload (bool | Unset): Téléverser un CSV par URL présignée / CSV upload Default: False.
        skip_invalid (bool | Unset):  Default: False.
        scheduled_for (datetime.datetime | None | Unset):
    """

    template_id: str
    language: BulkInLanguage | Unset = BulkInLanguage.FR
    reference: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    rows: list[BulkInRowsType0Item] | None | Unset = UNSET
    upload: bool | Unset = False
    skip_invalid: bool | Unset = False
    scheduled_for: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        rows: list[dict[str, Any]] | None | Unset
        if isinstance(self.rows, Unset):
            rows = UNSET
        elif isinstance(self.rows, list):
            rows = []
            for rows_type_0_item_data in self.rows:
                rows_type_0_item = rows_type_0_item_data.to_dict()
                rows.append(rows_type_0_item)

        else:
            rows = self.rows

        upload = self.upload

        skip_invalid = self.skip_invalid

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.datetime):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_id": template_id,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if reference is not UNSET:
            field_dict["reference"] = reference
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if rows is not UNSET:
            field_dict["rows"] = rows
        if upload is not UNSET:
            field_dict["upload"] = upload
        if skip_invalid is not UNSET:
            field_dict["skip_invalid"] = skip_invalid
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_in_rows_type_0_item import BulkInRowsType0Item  # noqa: PLC0415

        d = dict(src_dict)
        template_id = d.pop("template_id")

        _language = d.pop("language", UNSET)
        language: BulkInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = BulkInLanguage(_language)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_rows(data: object) -> list[BulkInRowsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rows_type_0 = []
                _rows_type_0 = data
                for rows_type_0_item_data in _rows_type_0:
                    rows_type_0_item = BulkInRowsType0Item.from_dict(rows_type_0_item_data)

                    rows_type_0.append(rows_type_0_item)

                return rows_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[BulkInRowsType0Item] | None | Unset, data)

        rows = _parse_rows(d.pop("rows", UNSET))

        upload = d.pop("upload", UNSET)

        skip_invalid = d.pop("skip_invalid", UNSET)

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

        bulk_in = cls(
            template_id=template_id,
            language=language,
            reference=reference,
            purpose=purpose,
            rows=rows,
            upload=upload,
            skip_invalid=skip_invalid,
            scheduled_for=scheduled_for,
        )

        return bulk_in
