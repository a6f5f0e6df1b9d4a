from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.field_type import FieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LayoutField")


@_attrs_define
class LayoutField:
    """
    Attributes:
        name (str):
        type_ (FieldType | Unset):
        start (int | None | Unset): Position (0 = first character), fixed width
        width (int | None | Unset): Characters, fixed width
        required (bool | Unset):  Default: True.
    """

    name: str
    type_: FieldType | Unset = UNSET
    start: int | None | Unset = UNSET
    width: int | None | Unset = UNSET
    required: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        start: int | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if start is not UNSET:
            field_dict["start"] = start
        if width is not UNSET:
            field_dict["width"] = width
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _type_ = d.pop("type", UNSET)
        type_: FieldType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = FieldType(_type_)

        def _parse_start(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        required = d.pop("required", UNSET)

        layout_field = cls(
            name=name,
            type_=type_,
            start=start,
            width=width,
            required=required,
        )

        return layout_field
