from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analysis_consensus_item import AnalysisConsensusItem
    from ..models.group_summary import GroupSummary


T = TypeVar("T", bound="Analysis")


@_attrs_define
class Analysis:
    """
    Attributes:
        consultation_id (str):
        votes_covered (int):
        participants (int):
        statements (int):
        groups (list[GroupSummary]):
        consensus (list[AnalysisConsensusItem]):
        computed_at (datetime.datetime | None | Unset):
    """

    consultation_id: str
    votes_covered: int
    participants: int
    statements: int
    groups: list[GroupSummary]
    consensus: list[AnalysisConsensusItem]
    computed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consultation_id = self.consultation_id

        votes_covered = self.votes_covered

        participants = self.participants

        statements = self.statements

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        consensus = []
        for consensus_item_data in self.consensus:
            consensus_item = consensus_item_data.to_dict()
            consensus.append(consensus_item)

        computed_at: None | str | Unset
        if isinstance(self.computed_at, Unset):
            computed_at = UNSET
        elif isinstance(self.computed_at, datetime.datetime):
            computed_at = self.computed_at.isoformat()
        else:
            computed_at = self.computed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consultation_id": consultation_id,
                "votes_covered": votes_covered,
                "participants": participants,
                "statements": statements,
                "groups": groups,
                "consensus": consensus,
            }
        )
        if computed_at is not UNSET:
            field_dict["computed_at"] = computed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analysis_consensus_item import AnalysisConsensusItem  # noqa: PLC0415
        from ..models.group_summary import GroupSummary  # noqa: PLC0415

        d = dict(src_dict)
        consultation_id = d.pop("consultation_id")

        votes_covered = d.pop("votes_covered")

        participants = d.pop("participants")

        statements = d.pop("statements")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = GroupSummary.from_dict(groups_item_data)

            groups.append(groups_item)

        consensus = []
        _consensus = d.pop("consensus")
        for consensus_item_data in _consensus:
            consensus_item = AnalysisConsensusItem.from_dict(consensus_item_data)

            consensus.append(consensus_item)

        def _parse_computed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                computed_at_type_0 = datetime.datetime.fromisoformat(data)

                return computed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        computed_at = _parse_computed_at(d.pop("computed_at", UNSET))

        analysis = cls(
            consultation_id=consultation_id,
            votes_covered=votes_covered,
            participants=participants,
            statements=statements,
            groups=groups,
            consensus=consensus,
            computed_at=computed_at,
        )

        analysis.additional_properties = d
        return analysis

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
