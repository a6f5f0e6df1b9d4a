from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.moderation import Moderation

T = TypeVar("T", bound="ModerationIn")


@_attrs_define
class ModerationIn:
    """
    Attributes:
        decision (Moderation):
    """

    decision: Moderation

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = Moderation(d.pop("decision"))

        moderation_in = cls(
            decision=decision,
        )

        return moderation_in
