"""What citizens see of a consultation: drafts do not exist for them; texts in their language,
English falling back to French where the organization wrote none. Pure logic."""

from datetime import datetime
from typing import Any

from numeriqc.consultations.lifecycle import status_at
from numeriqc.consultations.models import (
    PublicConsultation,
    PublicOption,
    PublicQuestion,
    Question,
    Status,
    Text,
)
from numeriqc.consultations.ports import ConsultationRecords
from numeriqc.core.i18n import Message
from numeriqc.core.problems import NotFound

_NOT_FOUND = Message("Aucune consultation {id}.", "No consultation {id}.")
_SHAPE = {
    "id",
    "type",
    "required",
    "min_choices",
    "max_choices",
    "top_n",
    "scale_min",
    "scale_max",
    "show_if",
}


def visible(records: ConsultationRecords, consultation_id: str) -> dict[str, Any]:
    item = records.consultation(consultation_id)
    if item is None or item["status"] == Status.DRAFT.value:
        raise NotFound(_NOT_FOUND, id=consultation_id)
    return item


def rendered(item: dict[str, Any], language: str, now: datetime) -> PublicConsultation:
    questions = []
    for question in (Question.model_validate(raw) for raw in item["questions"]):
        questions.append(
            PublicQuestion(
                **question.model_dump(include=_SHAPE),
                text=question.text.render(language),
                options=[PublicOption(id=o.id, label=o.label.render(language)) for o in question.options],
                min_label=question.min_label.render(language) if question.min_label else None,
                max_label=question.max_label.render(language) if question.max_label else None,
            )
        )
    description = item.get("description")
    return PublicConsultation(
        consultation_id=item["consultation_id"],
        language=language,
        status=status_at(item, now),
        title=Text.model_validate(item["title"]).render(language),
        description=Text.model_validate(description).render(language) if description else None,
        questions=questions,
        eligibility=item["eligibility"],
        closes_at=item.get("closes_at"),
    )
