from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.classification import Classification
    from ..models.dataset_in_schema import DatasetInSchema
    from ..models.layout import Layout


T = TypeVar("T", bound="DatasetIn")


@_attrs_define
class DatasetIn:
    """
    Attributes:
        slug (str):
        name_fr (str):
        name_en (str):
        classification (Classification): DIC levels: availability, integrity, confidentiality.
        tier (Tier):
        schema (DatasetInSchema): JSON Schema (2020-12) of a message
        description_fr (str | Unset):  Default: ''.
        description_en (str | Unset):  Default: ''.
        layout (Layout | None | Unset): Disposition CSV ou largeur fixe / legacy layout
    """

    slug: str
    name_fr: str
    name_en: str
    classification: Classification
    tier: Tier
    schema: DatasetInSchema
    description_fr: str | Unset = ""
    description_en: str | Unset = ""
    layout: Layout | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.layout import Layout  # noqa: PLC0415

        slug = self.slug

        name_fr = self.name_fr

        name_en = self.name_en

        classification = self.classification.to_dict()

        tier = self.tier.value

        schema = self.schema.to_dict()

        description_fr = self.description_fr

        description_en = self.description_en

        layout: dict[str, Any] | None | Unset
        if isinstance(self.layout, Unset):
            layout = UNSET
        elif isinstance(self.layout, Layout):
            layout = self.layout.to_dict()
        else:
            layout = self.layout

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slug": slug,
                "name_fr": name_fr,
                "name_en": name_en,
                "classification": classification,
                "tier": tier,
                "schema": schema,
            }
        )
        if description_fr is not UNSET:
            field_dict["description_fr"] = description_fr
        if description_en is not UNSET:
            field_dict["description_en"] = description_en
        if layout is not UNSET:
            field_dict["layout"] = layout

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.classification import Classification  # noqa: PLC0415
        from ..models.dataset_in_schema import DatasetInSchema  # noqa: PLC0415
        from ..models.layout import Layout  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        name_fr = d.pop("name_fr")

        name_en = d.pop("name_en")

        classification = Classification.from_dict(d.pop("classification"))

        tier = Tier(d.pop("tier"))

        schema = DatasetInSchema.from_dict(d.pop("schema"))

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

        dataset_in = cls(
            slug=slug,
            name_fr=name_fr,
            name_en=name_en,
            classification=classification,
            tier=tier,
            schema=schema,
            description_fr=description_fr,
            description_en=description_en,
            layout=layout,
        )

        return dataset_in
