from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_import_in_rows_type_0_item import ConsentImportInRowsType0Item


T = TypeVar("T", bound="ConsentImportIn")


@_attrs_define
class ConsentImportIn:
    """
    Attributes:
        rows (list[ConsentImportInRowsType0Item] | None | Unset): Lignes JSON, mêmes colonnes que le CSV (canal,
            destinataire, finalite, donne_le, source) / JSON rows, the CSV's columns (channel, recipient, purpose, given_at,
            source)
        upload (bool | Unset): Téléverser un CSV par URL présignée / CSV upload Default: False.
    """

    rows: list[ConsentImportInRowsType0Item] | None | Unset = UNSET
    upload: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rows is not UNSET:
            field_dict["rows"] = rows
        if upload is not UNSET:
            field_dict["upload"] = upload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_import_in_rows_type_0_item import ConsentImportInRowsType0Item  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_rows(data: object) -> list[ConsentImportInRowsType0Item] | None | Unset:
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
                    rows_type_0_item = ConsentImportInRowsType0Item.from_dict(rows_type_0_item_data)

                    rows_type_0.append(rows_type_0_item)

                return rows_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ConsentImportInRowsType0Item] | None | Unset, data)

        rows = _parse_rows(d.pop("rows", UNSET))

        upload = d.pop("upload", UNSET)

        consent_import_in = cls(
            rows=rows,
            upload=upload,
        )

        return consent_import_in
