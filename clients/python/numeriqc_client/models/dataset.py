from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.classification import Classification
    from ..models.layout import Layout


T = TypeVar("T", bound="Dataset")


@_attrs_define
class Dataset:
    """
    Attributes:
        dataset_id (str):
        owner (str):
        name_fr (str):
        name_en (str):
        classification (Classification): DIC levels: availability, integrity, confidentiality.
        tier (Tier):
        schema_version (int):
        created_at (datetime.datetime):
        description_fr (str | Unset):  Default: ''.
        description_en (str | Unset):  Default: ''.
        layout (Layout | None | Unset):
        consumers (list[str] | None | Unset): Only the owner sees them
    """

    dataset_id: str
    owner: str
    name_fr: str
    name_en: str
    classification: Classification
    tier: Tier
    schema_version: int
    created_at: datetime.datetime
    description_fr: str | Unset = ""
    description_en: str | Unset = ""
    layout: Layout | None | Unset = UNSET
    consumers: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.layout import Layout  # noqa: PLC0415

        dataset_id = self.dataset_id

        owner = self.owner

        name_fr = self.name_fr

        name_en = self.name_en

        classification = self.classification.to_dict()

        tier = self.tier.value

        schema_version = self.schema_version

        created_at = self.created_at.isoformat()

        description_fr = self.description_fr

        description_en = self.description_en

        layout: dict[str, Any] | None | Unset
        if isinstance(self.layout, Unset):
            layout = UNSET
        elif isinstance(self.layout, Layout):
            layout = self.layout.to_dict()
        else:
            layout = self.layout

        consumers: list[str] | None | Unset
        if isinstance(self.consumers, Unset):
            consumers = UNSET
        elif isinstance(self.consumers, list):
            consumers = self.consumers

        else:
            consumers = self.consumers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "owner": owner,
                "name_fr": name_fr,
                "name_en": name_en,
                "classification": classification,
                "tier": tier,
                "schema_version": schema_version,
                "created_at": created_at,
            }
        )
        if description_fr is not UNSET:
            field_dict["description_fr"] = description_fr
        if description_en is not UNSET:
            field_dict["description_en"] = description_en
        if layout is not UNSET:
            field_dict["layout"] = layout
        if consumers is not UNSET:
            field_dict["consumers"] = consumers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.classification import Classification  # noqa: PLC0415
        from ..models.layout import Layout  # noqa: PLC0415

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        owner = d.pop("owner")

        name_fr = d.pop("name_fr")

        name_en = d.pop("name_en")

        classification = Classification.from_dict(d.pop("classification"))

        tier = Tier(d.pop("tier"))

        schema_version = d.pop("schema_version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description_fr = d.pop("description_fr", UNSET)

        description_en = d.pop("description_en", UNSET)

        def _parse_layout(data: object) -> Layout | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                layout_type_0 = Layout.from_dict(data)

                return layout_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Layout | None | Unset, data)

        layout = _parse_layout(d.pop("layout", UNSET))

        def _parse_consumers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                consumers_type_0 = cast(list[str], data)

                return consumers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        consumers = _parse_consumers(d.pop("consumers", UNSET))

        dataset = cls(
            dataset_id=dataset_id,
            owner=owner,
            name_fr=name_fr,
            name_en=name_en,
            classification=classification,
            tier=tier,
            schema_version=schema_version,
            created_at=created_at,
            description_fr=description_fr,
            description_en=description_en,
            layout=layout,
            consumers=consumers,
        )

        dataset.additional_properties = d
        return dataset

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
