from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.level import Level

T = TypeVar("T", bound="Classification")


@_attrs_define
class Classification:
    """DIC levels: availability, integrity, confidentiality.

    Attributes:
        availability (Level):
        integrity (Level):
        confidentiality (Level):
    """

    availability: Level
    integrity: Level
    confidentiality: Level

    def to_dict(self) -> dict[str, Any]:
        availability = self.availability.value

        integrity = self.integrity.value

        confidentiality = self.confidentiality.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "availability": availability,
                "integrity": integrity,
                "confidentiality": confidentiality,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        availability = Level(d.pop("availability"))

        integrity = Level(d.pop("integrity"))

        confidentiality = Level(d.pop("confidentiality"))

        classification = cls(
            availability=availability,
            integrity=integrity,
            confidentiality=confidentiality,
        )

        return classification
