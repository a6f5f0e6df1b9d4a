from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ScheduleIn")


@_attrs_define
class ScheduleIn:
    """
    Attributes:
        opens_at (datetime.datetime):
        closes_at (datetime.datetime):
    """

    opens_at: datetime.datetime
    closes_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        opens_at = self.opens_at.isoformat()

        closes_at = self.closes_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "opens_at": opens_at,
                "closes_at": closes_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        schedule_in = cls(
            opens_at=opens_at,
            closes_at=closes_at,
        )

        return schedule_in
