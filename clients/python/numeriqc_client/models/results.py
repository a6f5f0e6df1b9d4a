from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status

if TYPE_CHECKING:
    from ..models.breakdown import Breakdown
    from ..models.question_result import QuestionResult
    from ..models.results_participation_by_day import ResultsParticipationByDay


T = TypeVar("T", bound="Results")


@_attrs_define
class Results:
    """
    Attributes:
        consultation_id (str):
        status (Status): The lifecycle. `open` and `closed` follow the window; the others are the organization's acts.
        participants (int):
        questions (list[QuestionResult]):
        participation_by_day (ResultsParticipationByDay):
        breakdowns (list[Breakdown]):
        minimum_cell (int):
    """

    consultation_id: str
    status: Status
    participants: int
    questions: list[QuestionResult]
    participation_by_day: ResultsParticipationByDay
    breakdowns: list[Breakdown]
    minimum_cell: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consultation_id = self.consultation_id

        status = self.status.value

        participants = self.participants

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        participation_by_day = self.participation_by_day.to_dict()

        breakdowns = []
        for breakdowns_item_data in self.breakdowns:
            breakdowns_item = breakdowns_item_data.to_dict()
            breakdowns.append(breakdowns_item)

        minimum_cell = self.minimum_cell

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consultation_id": consultation_id,
                "status": status,
                "participants": participants,
                "questions": questions,
                "participation_by_day": participation_by_day,
                "breakdowns": breakdowns,
                "minimum_cell": minimum_cell,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown import Breakdown  # noqa: PLC0415
        from ..models.question_result import QuestionResult  # noqa: PLC0415
        from ..models.results_participation_by_day import ResultsParticipationByDay  # noqa: PLC0415

        d = dict(src_dict)
        consultation_id = d.pop("consultation_id")

        status = Status(d.pop("status"))

        participants = d.pop("participants")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionResult.from_dict(questions_item_data)

            questions.append(questions_item)

        participation_by_day = ResultsParticipationByDay.from_dict(d.pop("participation_by_day"))

        breakdowns = []
        _breakdowns = d.pop("breakdowns")
        for breakdowns_item_data in _breakdowns:
            breakdowns_item = Breakdown.from_dict(breakdowns_item_data)

            breakdowns.append(breakdowns_item)

        minimum_cell = d.pop("minimum_cell")

        results = cls(
            consultation_id=consultation_id,
            status=status,
            participants=participants,
            questions=questions,
            participation_by_day=participation_by_day,
            breakdowns=breakdowns,
            minimum_cell=minimum_cell,
        )

        results.additional_properties = d
        return results

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
