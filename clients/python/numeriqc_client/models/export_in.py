from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.export_content import ExportContent
from ..models.export_format import ExportFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExportIn")


@_attrs_define
class ExportIn:
    """
    Attributes:
        content (ExportContent):
        format_ (ExportFormat | Unset):
    """

    content: ExportContent
    format_: ExportFormat | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content = self.content.value

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = ExportContent(d.pop("content"))

        _format_ = d.pop("format", UNSET)
        format_: ExportFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = ExportFormat(_format_)

        export_in = cls(
            content=content,
            format_=format_,
        )

        return export_in
