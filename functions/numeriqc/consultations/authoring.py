"""An organization's consultations: write a draft, correct it, schedule it, publish results, archive.

Pure logic. Another organization's consultation is a 404, never a 403 (its existence is not
revealed). Every change is conditional on the version read (`Changed` becomes a 409), so two
editors never silently overwrite each other. Scheduling checks the questions once more (conditions
acyclic) and the window; once open, only texts may change (questionnaire.frozen_problems).
"""

from datetime import datetime
from typing import Any

from numeriqc.consultations import lifecycle, questionnaire
from numeriqc.consultations.announcements import announcement
from numeriqc.consultations.models import Consultation, ConsultationIn, Question, ScheduleIn, Status
from numeriqc.consultations.ports import Changed, ConsultationRecords
from numeriqc.core.clock import Clock, epoch_seconds
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import Conflict, FieldError, NotFound, ValidationFailed

_NOT_FOUND = Message("Aucune consultation {id}.", "No consultation {id}.")
_CHANGED = Message(
    "La consultation a changé pendant votre modification; relisez-la et réessayez.",
    "The consultation changed while you were editing it; read it again and retry.",
)


def view(item: dict[str, Any], now: datetime) -> Consultation:
    return Consultation.model_validate({**item, "status": lifecycle.status_at(item, now)})


class Authoring:
    def __init__(self, records: ConsultationRecords, clock: Clock = installed_clock) -> None:
        self._records = records
        self._clock = clock

    def create(self, org_id: str, request: ConsultationIn) -> Consultation:
        _check(request)
        now = self._clock()
        item = {
            "consultation_id": new_ulid(self._clock),
            "org_id": org_id,
            "status": Status.DRAFT.value,
            **request.model_dump(mode="json"),
            "created_at": now.isoformat(),
            "updated_at": now.isoformat(),
            "version": 1,
        }
        self._records.add(org_id, item)
        return view(item, now)

    def get(self, org_id: str, consultation_id: str) -> Consultation:
        return view(self.owned(org_id, consultation_id), self._clock())

    def list(self, org_id: str) -> list[Consultation]:
        now = self._clock()
        return [view(item, now) for item in self._records.consultations(org_id)]

    def owned(self, org_id: str, consultation_id: str) -> dict[str, Any]:
        item = self._records.consultation(consultation_id)
        if item is None or item["org_id"] != org_id:
            raise NotFound(_NOT_FOUND, id=consultation_id)
        return item

    def edit(self, org_id: str, consultation_id: str, request: ConsultationIn) -> Consultation:
        item = self.owned(org_id, consultation_id)
        now = self._clock()
        status = lifecycle.status_at(item, now)
        lifecycle.require(status, status, (Status.DRAFT, Status.SCHEDULED, Status.OPEN))
        _check(request)
        if status == Status.OPEN:
            before = [Question.model_validate(question) for question in item["questions"]]
            frozen = questionnaire.frozen_problems(before, request.questions)
            if request.eligibility.value != item["eligibility"]:
                frozen.append(FieldError("body.eligibility", "frozen", questionnaire.FROZEN))
            if frozen:
                raise ValidationFailed(errors=frozen)
        updated = {**item, **request.model_dump(mode="json"), "updated_at": now.isoformat()}
        return view(self._replace(updated, item), now)

    def schedule(self, org_id: str, consultation_id: str, request: ScheduleIn) -> Consultation:
        item = self.owned(org_id, consultation_id)
        now = self._clock()
        lifecycle.require(lifecycle.status_at(item, now), Status.SCHEDULED, (Status.DRAFT, Status.SCHEDULED))
        _check(ConsultationIn.model_validate(_definition(item)))
        lifecycle.check_window(request.opens_at, request.closes_at, now)
        opens, closes = request.opens_at, request.closes_at
        updated = {
            **item,
            "status": Status.SCHEDULED.value,
            "opens_at": opens.isoformat(),
            "closes_at": closes.isoformat(),
            "opens_epoch": epoch_seconds(opens),
            "closes_epoch": epoch_seconds(closes),
            "updated_at": now.isoformat(),
        }
        return view(self._replace(updated, item), now)

    def close_now(self, org_id: str, consultation_id: str) -> Consultation:
        """Close before the planned date: the window's end moves to now."""
        item = self.owned(org_id, consultation_id)
        now = self._clock()
        lifecycle.require(lifecycle.status_at(item, now), Status.CLOSED, (Status.OPEN,))
        updated = {
            **item,
            "closes_at": now.isoformat(),
            "closes_epoch": epoch_seconds(now),
            "updated_at": now.isoformat(),
        }
        return view(self._replace(updated, item), now)

    def publish_results(self, org_id: str, consultation_id: str, sink: EventSink) -> Consultation:
        return self._act(org_id, consultation_id, Status.RESULTS_PUBLISHED, (Status.CLOSED,), sink)

    def archive(self, org_id: str, consultation_id: str) -> Consultation:
        allowed = (Status.DRAFT, Status.CLOSED, Status.RESULTS_PUBLISHED)
        return self._act(org_id, consultation_id, Status.ARCHIVED, allowed, None)

    def _act(
        self,
        org_id: str,
        consultation_id: str,
        wanted: Status,
        allowed: tuple[Status, ...],
        sink: EventSink | None,
    ) -> Consultation:
        item = self.owned(org_id, consultation_id)
        now = self._clock()
        lifecycle.require(lifecycle.status_at(item, now), wanted, allowed)
        updated = {**item, "status": wanted.value, "updated_at": now.isoformat()}
        saved = self._replace(updated, item)
        if sink is not None:
            sink.emit(announcement("results.published", saved, now))
        return view(saved, now)

    def _replace(self, updated: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
        updated["version"] = int(before["version"]) + 1
        try:
            self._records.replace(updated, expected_version=int(before["version"]))
        except Changed as error:
            raise Conflict(_CHANGED) from error
        return updated


def _definition(item: dict[str, Any]) -> dict[str, Any]:
    return {name: item.get(name) for name in ConsultationIn.model_fields if item.get(name) is not None}


def _check(request: ConsultationIn) -> None:
    errors = questionnaire.problems(request)
    if errors:
        raise ValidationFailed(errors=errors)
