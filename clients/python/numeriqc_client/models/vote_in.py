from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.vote import Vote

T = TypeVar("T", bound="VoteIn")


@_attrs_define
class VoteIn:
    """
    Attributes:
        participant (str):
        vote (Vote):
    """

    participant: str
    vote: Vote

    def to_dict(self) -> dict[str, Any]:
        participant = self.participant

        vote = self.vote.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "participant": participant,
                "vote": vote,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant = d.pop("participant")

        vote = Vote(d.pop("vote"))

        vote_in = cls(
            participant=participant,
            vote=vote,
        )

        return vote_in
