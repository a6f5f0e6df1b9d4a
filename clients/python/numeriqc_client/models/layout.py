from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.layout_encoding import LayoutEncoding
from ..models.layout_format import LayoutFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.layout_field import LayoutField


T = TypeVar("T", bound="Layout")


@_attrs_define
class Layout:
    """How a legacy file is laid out (numeriqc.exchange.legacy); `fixed` needs `start` and `width`
    on every field, without overlap.

        Attributes:
            format_ (LayoutFormat):
            fields (list[LayoutField]):
            encoding (LayoutEncoding | Unset):  Default: LayoutEncoding.UTF_8.
            delimiter (str | Unset):  Default: ','.
            header (bool | Unset):  Default: True.
    """

    format_: LayoutFormat
    fields: list[LayoutField]
    encoding: LayoutEncoding | Unset = LayoutEncoding.UTF_8
    delimiter: str | Unset = ","
    header: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        encoding: str | Unset = UNSET
        if not isinstance(self.encoding, Unset):
            encoding = self.encoding.value

        delimiter = self.delimiter

        header = self.header

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "format": format_,
                "fields": fields,
            }
        )
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if delimiter is not UNSET:
            field_dict["delimiter"] = delimiter
        if header is not UNSET:
            field_dict["header"] = header

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.layout_field import LayoutField  # noqa: PLC0415

        d = dict(src_dict)
        format_ = LayoutFormat(d.pop("format"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = LayoutField.from_dict(fields_item_data)

            fields.append(fields_item)

        _encoding = d.pop("encoding", UNSET)
        encoding: LayoutEncoding | Unset
        if isinstance(_encoding, Unset):
            encoding = UNSET
        else:
            encoding = LayoutEncoding(_encoding)

        delimiter = d.pop("delimiter", UNSET)

        header = d.pop("header", UNSET)

        layout = cls(
            format_=format_,
            fields=fields,
            encoding=encoding,
            delimiter=delimiter,
            header=header,
        )

        return layout
