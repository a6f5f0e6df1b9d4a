from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ServiceIn")


@_attrs_define
class ServiceIn:
    """
    Attributes:
        slug (str): Partie de l'identifiant / id part: `<org>.<slug>`
        name_fr (str):
        name_en (str):
    """

    slug: str
    name_fr: str
    name_en: str

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name_fr = self.name_fr

        name_en = self.name_en

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slug": slug,
                "name_fr": name_fr,
                "name_en": name_en,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        name_fr = d.pop("name_fr")

        name_en = d.pop("name_en")

        service_in = cls(
            slug=slug,
            name_fr=name_fr,
            name_en=name_en,
        )

        return service_in
