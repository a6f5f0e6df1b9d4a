from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.schema_version_in_schema import SchemaVersionInSchema


T = TypeVar("T", bound="SchemaVersionIn")


@_attrs_define
class SchemaVersionIn:
    """
    Attributes:
        schema (SchemaVersionInSchema):
        breaking (bool | Unset):  Default: False.
    """

    schema: SchemaVersionInSchema
    breaking: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        schema = self.schema.to_dict()

        breaking = self.breaking

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "schema": schema,
            }
        )
        if breaking is not UNSET:
            field_dict["breaking"] = breaking

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schema_version_in_schema import SchemaVersionInSchema  # noqa: PLC0415

        d = dict(src_dict)
        schema = SchemaVersionInSchema.from_dict(d.pop("schema"))

        breaking = d.pop("breaking", UNSET)

        schema_version_in = cls(
            schema=schema,
            breaking=breaking,
        )

        return schema_version_in
