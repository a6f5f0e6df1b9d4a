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
    from ..models.public_question import PublicQuestion


T = TypeVar("T", bound="PublicConsultation")


@_attrs_define
class PublicConsultation:
    """
    Attributes:
        consultation_id (str):
        language (str):
        status (Status): The lifecycle. `open` and `closed` follow the window; the others are the organization's acts.
        title (str):
        questions (list[PublicQuestion]):
        eligibility (Eligibility):
        description (None | str | Unset):
        closes_at (datetime.datetime | None | Unset):
    """

    consultation_id: str
    language: str
    status: Status
    title: str
    questions: list[PublicQuestion]
    eligibility: Eligibility
    description: None | str | Unset = UNSET
    closes_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consultation_id = self.consultation_id

        language = self.language

        status = self.status.value

        title = self.title

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        eligibility = self.eligibility.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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
                "language": language,
                "status": status,
                "title": title,
                "questions": questions,
                "eligibility": eligibility,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_question import PublicQuestion  # noqa: PLC0415

        d = dict(src_dict)
        consultation_id = d.pop("consultation_id")

        language = d.pop("language")

        status = Status(d.pop("status"))

        title = d.pop("title")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = PublicQuestion.from_dict(questions_item_data)

            questions.append(questions_item)

        eligibility = Eligibility(d.pop("eligibility"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        public_consultation = cls(
            consultation_id=consultation_id,
            language=language,
            status=status,
            title=title,
            questions=questions,
            eligibility=eligibility,
            description=description,
            closes_at=closes_at,
        )

        public_consultation.additional_properties = d
        return public_consultation

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
