from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Service")


@_attrs_define
class Service:
    """
    Attributes:
        service_id (str):
        org_id (str):
        name_fr (str):
        name_en (str):
        created_at (datetime.datetime):
    """

    service_id: str
    org_id: str
    name_fr: str
    name_en: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        org_id = self.org_id

        name_fr = self.name_fr

        name_en = self.name_en

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "org_id": org_id,
                "name_fr": name_fr,
                "name_en": name_en,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service_id = d.pop("service_id")

        org_id = d.pop("org_id")

        name_fr = d.pop("name_fr")

        name_en = d.pop("name_en")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        service = cls(
            service_id=service_id,
            org_id=org_id,
            name_fr=name_fr,
            name_en=name_en,
            created_at=created_at,
        )

        service.additional_properties = d
        return service

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
