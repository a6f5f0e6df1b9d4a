from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.achievement_status import AchievementStatus
from ..models.moderation import Moderation

T = TypeVar("T", bound="Achievement")


@_attrs_define
class Achievement:
    """
    Attributes:
        achievement_id (str):
        org_id (str):
        title_fr (str):
        title_en (str):
        summary_fr (str):
        summary_en (str):
        links (list[str]):
        status (AchievementStatus):
        date (datetime.date):
        measures (list[int]):
        moderation (Moderation):
        created_at (datetime.datetime):
    """

    achievement_id: str
    org_id: str
    title_fr: str
    title_en: str
    summary_fr: str
    summary_en: str
    links: list[str]
    status: AchievementStatus
    date: datetime.date
    measures: list[int]
    moderation: Moderation
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        achievement_id = self.achievement_id

        org_id = self.org_id

        title_fr = self.title_fr

        title_en = self.title_en

        summary_fr = self.summary_fr

        summary_en = self.summary_en

        links = self.links

        status = self.status.value

        date = self.date.isoformat()

        measures = self.measures

        moderation = self.moderation.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "achievement_id": achievement_id,
                "org_id": org_id,
                "title_fr": title_fr,
                "title_en": title_en,
                "summary_fr": summary_fr,
                "summary_en": summary_en,
                "links": links,
                "status": status,
                "date": date,
                "measures": measures,
                "moderation": moderation,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        achievement_id = d.pop("achievement_id")

        org_id = d.pop("org_id")

        title_fr = d.pop("title_fr")

        title_en = d.pop("title_en")

        summary_fr = d.pop("summary_fr")

        summary_en = d.pop("summary_en")

        links = cast(list[str], d.pop("links"))

        status = AchievementStatus(d.pop("status"))

        date = datetime.date.fromisoformat(d.pop("date"))

        measures = cast(list[int], d.pop("measures"))

        moderation = Moderation(d.pop("moderation"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        achievement = cls(
            achievement_id=achievement_id,
            org_id=org_id,
            title_fr=title_fr,
            title_en=title_en,
            summary_fr=summary_fr,
            summary_en=summary_en,
            links=links,
            status=status,
            date=date,
            measures=measures,
            moderation=moderation,
            created_at=created_at,
        )

        achievement.additional_properties = d
        return achievement

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
