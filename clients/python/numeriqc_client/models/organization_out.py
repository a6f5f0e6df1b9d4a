from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.key_kind import KeyKind

T = TypeVar("T", bound="OrganizationOut")


@_attrs_define
class OrganizationOut:
    """
    Attributes:
        org_id (str):
        name_fr (str):
        name_en (str):
        key_kind (KeyKind): GOV.UK Notify's key kinds: a test key never reaches a real recipient.
        scopes (list[str]):
    """

    org_id: str
    name_fr: str
    name_en: str
    key_kind: KeyKind
    scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        name_fr = self.name_fr

        name_en = self.name_en

        key_kind = self.key_kind.value

        scopes = self.scopes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "name_fr": name_fr,
                "name_en": name_en,
                "key_kind": key_kind,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        name_fr = d.pop("name_fr")

        name_en = d.pop("name_en")

        key_kind = KeyKind(d.pop("key_kind"))

        scopes = cast(list[str], d.pop("scopes"))

        organization_out = cls(
            org_id=org_id,
            name_fr=name_fr,
            name_en=name_en,
            key_kind=key_kind,
            scopes=scopes,
        )

        organization_out.additional_properties = d
        return organization_out

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
