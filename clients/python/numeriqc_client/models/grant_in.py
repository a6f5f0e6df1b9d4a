from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.tier import Tier

T = TypeVar("T", bound="GrantIn")


@_attrs_define
class GrantIn:
    """
    Attributes:
        expires_at (datetime.datetime):
        max_tier (Tier):
    """

    expires_at: datetime.datetime
    max_tier: Tier

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        max_tier = self.max_tier.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expires_at": expires_at,
                "max_tier": max_tier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        max_tier = Tier(d.pop("max_tier"))

        grant_in = cls(
            expires_at=expires_at,
            max_tier=max_tier,
        )

        return grant_in
