from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.achievement_status import AchievementStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ShowcaseIn")


@_attrs_define
class ShowcaseIn:
    """A digital achievement for the Vitrine (measure 8), published once moderated.

    Attributes:
        achievement_id (str):
        title_fr (str):
        title_en (str):
        summary_fr (str):
        summary_en (str):
        status (AchievementStatus):
        date (datetime.date):
        links (list[str] | Unset):
        measures (list[int] | Unset):
    """

    achievement_id: str
    title_fr: str
    title_en: str
    summary_fr: str
    summary_en: str
    status: AchievementStatus
    date: datetime.date
    links: list[str] | Unset = UNSET
    measures: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        achievement_id = self.achievement_id

        title_fr = self.title_fr

        title_en = self.title_en

        summary_fr = self.summary_fr

        summary_en = self.summary_en

        status = self.status.value

        date = self.date.isoformat()

        links: list[str] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links

        measures: list[int] | Unset = UNSET
        if not isinstance(self.measures, Unset):
            measures = self.measures

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "achievement_id": achievement_id,
                "title_fr": title_fr,
                "title_en": title_en,
                "summary_fr": summary_fr,
                "summary_en": summary_en,
                "status": status,
                "date": date,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links
        if measures is not UNSET:
            field_dict["measures"] = measures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        achievement_id = d.pop("achievement_id")

        title_fr = d.pop("title_fr")

        title_en = d.pop("title_en")

        summary_fr = d.pop("summary_fr")

        summary_en = d.pop("summary_en")

        status = AchievementStatus(d.pop("status"))

        date = datetime.date.fromisoformat(d.pop("date"))

        links = cast(list[str], d.pop("links", UNSET))

        measures = cast(list[int], d.pop("measures", UNSET))

        showcase_in = cls(
            achievement_id=achievement_id,
            title_fr=title_fr,
            title_en=title_en,
            summary_fr=summary_fr,
            summary_en=summary_en,
            status=status,
            date=date,
            links=links,
            measures=measures,
        )

        return showcase_in
