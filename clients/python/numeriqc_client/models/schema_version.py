from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.schema_version_schema import SchemaVersionSchema


T = TypeVar("T", bound="SchemaVersion")


@_attrs_define
class SchemaVersion:
    """
    Attributes:
        dataset_id (str):
        version (int):
        breaking (bool):
        schema (SchemaVersionSchema):
        created_at (datetime.datetime):
    """

    dataset_id: str
    version: int
    breaking: bool
    schema: SchemaVersionSchema
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        version = self.version

        breaking = self.breaking

        schema = self.schema.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "version": version,
                "breaking": breaking,
                "schema": schema,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schema_version_schema import SchemaVersionSchema  # noqa: PLC0415

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        version = d.pop("version")

        breaking = d.pop("breaking")

        schema = SchemaVersionSchema.from_dict(d.pop("schema"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        schema_version = cls(
            dataset_id=dataset_id,
            version=version,
            breaking=breaking,
            schema=schema,
            created_at=created_at,
        )

        schema_version.additional_properties = d
        return schema_version

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
