from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.eligibility import Eligibility
from ..models.status import Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.question import Question
    from ..models.text import Text


T = TypeVar("T", bound="Consultation")


@_attrs_define
class Consultation:
    """
    Attributes:
        consultation_id (str):
        org_id (str):
        status (Status): The lifecycle. `open` and `closed` follow the window; the others are the organization's acts.
        title (Text): A text in both official languages; French is required, English falls back to French.
        questions (list[Question]):
        eligibility (Eligibility):
        live_results (bool):
        report_threshold (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        description (None | Text | Unset):
        sms_code_budget (int | Unset):  Default: 1000.
        opens_at (datetime.datetime | None | Unset):
        closes_at (datetime.datetime | None | Unset):
    """

    consultation_id: str
    org_id: str
    status: Status
    title: Text
    questions: list[Question]
    eligibility: Eligibility
    live_results: bool
    report_threshold: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: None | Text | Unset = UNSET
    sms_code_budget: int | Unset = 1000
    opens_at: datetime.datetime | None | Unset = UNSET
    closes_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text import Text  # noqa: PLC0415

        consultation_id = self.consultation_id

        org_id = self.org_id

        status = self.status.value

        title = self.title.to_dict()

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        eligibility = self.eligibility.value

        live_results = self.live_results

        report_threshold = self.report_threshold

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, Text):
            description = self.description.to_dict()
        else:
            description = self.description

        sms_code_budget = self.sms_code_budget

        opens_at: None | str | Unset
        if isinstance(self.opens_at, Unset):
            opens_at = UNSET
        elif isinstance(self.opens_at, datetime.datetime):
            opens_at = self.opens_at.isoformat()
        else:
            opens_at = self.opens_at

        closes_at: None | str | Unset
        if isinstance(self.closes_at, Unset):
            closes_at = UNSET
        elif isinstance(self.closes_at, datetime.datetime):
            closes_at = self.closes_at.isoformat()
        else:
            closes_at = self.closes_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consultation_id": consultation_id,
                "org_id": org_id,
                "status": status,
                "title": title,
                "questions": questions,
                "eligibility": eligibility,
                "live_results": live_results,
                "report_threshold": report_threshold,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if sms_code_budget is not UNSET:
            field_dict["sms_code_budget"] = sms_code_budget
        if opens_at is not UNSET:
            field_dict["opens_at"] = opens_at
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question import Question  # noqa: PLC0415
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        consultation_id = d.pop("consultation_id")

        org_id = d.pop("org_id")

        status = Status(d.pop("status"))

        title = Text.from_dict(d.pop("title"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = Question.from_dict(questions_item_data)

            questions.append(questions_item)

        eligibility = Eligibility(d.pop("eligibility"))

        live_results = d.pop("live_results")

        report_threshold = d.pop("report_threshold")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_description(data: object) -> None | Text | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = Text.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        sms_code_budget = d.pop("sms_code_budget", UNSET)

        def _parse_opens_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opens_at_type_0 = datetime.datetime.fromisoformat(data)

                return opens_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opens_at = _parse_opens_at(d.pop("opens_at", UNSET))

        def _parse_closes_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closes_at_type_0 = datetime.datetime.fromisoformat(data)

                return closes_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closes_at = _parse_closes_at(d.pop("closes_at", UNSET))

        consultation = cls(
            consultation_id=consultation_id,
            org_id=org_id,
            status=status,
            title=title,
            questions=questions,
            eligibility=eligibility,
            live_results=live_results,
            report_threshold=report_threshold,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            sms_code_budget=sms_code_budget,
            opens_at=opens_at,
            closes_at=closes_at,
        )

        consultation.additional_properties = d
        return consultation

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
