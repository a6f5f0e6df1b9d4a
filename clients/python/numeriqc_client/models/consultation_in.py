from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.eligibility import Eligibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.question import Question
    from ..models.text import Text


T = TypeVar("T", bound="ConsultationIn")


@_attrs_define
class ConsultationIn:
    """
    Attributes:
        title (Text): A text in both official languages; French is required, English falls back to French.
        questions (list[Question]):
        description (None | Text | Unset):
        eligibility (Eligibility | Unset):
        live_results (bool | Unset): Résultats visibles pendant / results while open Default: False.
        report_threshold (int | Unset): N reports hide a statement Default: 3.
        sms_code_budget (int | Unset): Codes de vérification par texto permis (sms) / SMS verification codes allowed
            Default: 1000.
    """

    title: Text
    questions: list[Question]
    description: None | Text | Unset = UNSET
    eligibility: Eligibility | Unset = UNSET
    live_results: bool | Unset = False
    report_threshold: int | Unset = 3
    sms_code_budget: int | Unset = 1000

    def to_dict(self) -> dict[str, Any]:
        from ..models.text import Text  # noqa: PLC0415

        title = self.title.to_dict()

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, Text):
            description = self.description.to_dict()
        else:
            description = self.description

        eligibility: str | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.value

        live_results = self.live_results

        report_threshold = self.report_threshold

        sms_code_budget = self.sms_code_budget

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "questions": questions,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if live_results is not UNSET:
            field_dict["live_results"] = live_results
        if report_threshold is not UNSET:
            field_dict["report_threshold"] = report_threshold
        if sms_code_budget is not UNSET:
            field_dict["sms_code_budget"] = sms_code_budget

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question import Question  # noqa: PLC0415
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        title = Text.from_dict(d.pop("title"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = Question.from_dict(questions_item_data)

            questions.append(questions_item)

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

        _eligibility = d.pop("eligibility", UNSET)
        eligibility: Eligibility | Unset
        if isinstance(_eligibility, Unset):
            eligibility = UNSET
        else:
            eligibility = Eligibility(_eligibility)

        live_results = d.pop("live_results", UNSET)

        report_threshold = d.pop("report_threshold", UNSET)

        sms_code_budget = d.pop("sms_code_budget", UNSET)

        consultation_in = cls(
            title=title,
            questions=questions,
            description=description,
            eligibility=eligibility,
            live_results=live_results,
            report_threshold=report_threshold,
            sms_code_budget=sms_code_budget,
        )

        return consultation_in
