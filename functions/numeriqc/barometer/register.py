"""The benefits register (measure 16) and the showcase (measure 8): what organizations submit, and
the moderation before the public sees it. Logic over the `RegisterRecords` port.

Organizations enter their initiatives' estimated benefits (with the method and its assumptions)
and, period by period, what was measured and how much was reinvested; the site shows estimate and
measurement side by side with the gap. Achievements carry a title and summary in both languages,
links (https only), a status, a date and the measures they serve. Every entry starts `pending`;
an organization named a moderator (the platform's own, `numeriqc`, by default) approves or rejects
it, and only approved entries reach the public routes and the site. Text with markup is refused
(422 naming the field), and the site escapes everything anyway.
"""

from datetime import datetime
from typing import Any

from numeriqc.barometer import periods, text_rules
from numeriqc.barometer.models import (
    Achievement,
    Benefit,
    BenefitIn,
    MeasurementIn,
    Moderation,
    ModerationIn,
    ShowcaseIn,
)
from numeriqc.barometer.ports import AlreadyExists, NotOwned, RegisterRecords
from numeriqc.barometer.strategy import PLATFORM_OWNER
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink, cloud_event
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, FieldError, Forbidden, NotFound, ValidationFailed

BENEFIT = "benefit"
ACHIEVEMENT = "achievement"
KINDS = (BENEFIT, ACHIEVEMENT)
_TAKEN = Message("L'identifiant {entry_id} est déjà pris.", "Id {entry_id} is already taken.")
_UNKNOWN = Message("Aucune entrée {entry_id}.", "No entry {entry_id}.")
_NOT_MODERATOR = Message(
    "Seuls les organismes modérateurs approuvent les entrées.",
    "Only moderating organizations approve entries.",
)
_NOT_BEGUN = Message("La période {period} n'est pas commencée.", "Period {period} has not begun.")
_PENDING_DECISION = Message(
    "La décision doit être approved ou rejected.", "The decision must be approved or rejected."
)
BENEFIT_TEXTS = ("title_fr", "title_en", "method_fr", "method_en", "assumptions_fr", "assumptions_en")
ACHIEVEMENT_TEXTS = ("title_fr", "title_en", "summary_fr", "summary_en")


class Register:
    def __init__(
        self,
        store: RegisterRecords,
        moderators: frozenset[str] = frozenset({PLATFORM_OWNER}),
        clock: Clock = installed_clock,
    ) -> None:
        self._store = store
        self._moderators = moderators
        self._clock = clock

    def submit_benefit(self, org_id: str, request: BenefitIn, sink: EventSink) -> Benefit:
        _refuse_markup(request, BENEFIT_TEXTS)
        benefit = Benefit(
            **_normalized(request.model_dump(), BENEFIT_TEXTS),
            org_id=org_id,
            moderation=Moderation.PENDING,
            created_at=self._clock(),
        )
        self._add(BENEFIT, benefit.benefit_id, benefit.model_dump(mode="json"))
        sink.emit(self._event("benefit.submitted", org_id, {"benefit_id": benefit.benefit_id}))
        return benefit

    def measure_benefit(
        self, org_id: str, benefit_id: str, request: MeasurementIn, sink: EventSink
    ) -> Benefit:
        if periods.parse(request.period).start > periods.quebec_day(self._clock()):
            errors = [FieldError("body.period", "not_begun", _NOT_BEGUN, period=request.period)]
            raise ValidationFailed(errors=errors)
        try:
            self._store.set_measurement(benefit_id, org_id, request.period, request.model_dump(mode="json"))
        except NotOwned as error:
            raise NotFound(_UNKNOWN, entry_id=benefit_id) from error
        sink.emit(
            self._event("benefit.measured", org_id, {"benefit_id": benefit_id, "period": request.period})
        )
        return Benefit.model_validate(self._store.entry(BENEFIT, benefit_id))

    def submit_achievement(self, org_id: str, request: ShowcaseIn, sink: EventSink) -> Achievement:
        _refuse_markup(request, ACHIEVEMENT_TEXTS)
        achievement = Achievement(
            **_normalized(request.model_dump(), ACHIEVEMENT_TEXTS),
            org_id=org_id,
            moderation=Moderation.PENDING,
            created_at=self._clock(),
        )
        self._add(ACHIEVEMENT, achievement.achievement_id, achievement.model_dump(mode="json"))
        sink.emit(
            self._event("achievement.submitted", org_id, {"achievement_id": achievement.achievement_id})
        )
        return achievement

    def moderate(self, org_id: str, kind: str, entry_id: str, request: ModerationIn, sink: EventSink) -> None:
        """Approve or reject an entry. Other organizations' entries are theirs to hide: a 403 first."""
        if org_id not in self._moderators:
            raise Forbidden(_NOT_MODERATOR)
        if request.decision is Moderation.PENDING:
            raise ValidationFailed(errors=[FieldError("body.decision", "pending", _PENDING_DECISION)])
        try:
            self._store.set_moderation(kind, entry_id, request.decision.value)
        except NotOwned as error:
            raise NotFound(_UNKNOWN, entry_id=entry_id) from error
        data = {"entry_id": entry_id, "decision": request.decision.value}
        sink.emit(self._event(f"{kind}.moderated", org_id, data))

    def benefits(self, *, approved_only: bool = True) -> list[Benefit]:
        found = [Benefit.model_validate(item) for item in self._store.entries(BENEFIT)]
        return [item for item in found if item.moderation is Moderation.APPROVED or not approved_only]

    def achievements(self, *, approved_only: bool = True) -> list[Achievement]:
        found = [Achievement.model_validate(item) for item in self._store.entries(ACHIEVEMENT)]
        ordered = sorted(found, key=lambda item: (item.date, item.achievement_id), reverse=True)
        return [item for item in ordered if item.moderation is Moderation.APPROVED or not approved_only]

    def _add(self, kind: str, entry_id: str, item: dict[str, Any]) -> None:
        try:
            self._store.add_entry(kind, entry_id, item)
        except AlreadyExists as error:
            raise Conflict(_TAKEN, entry_id=entry_id) from error

    def _event(self, name: str, org_id: str, data: dict[str, Any]) -> Any:
        now: datetime = self._clock()
        return cloud_event("barometer", name, org_id, data, clock=lambda: now)


def _refuse_markup(request: Any, names: tuple[str, ...]) -> None:
    errors = text_rules.markup_errors({f"body.{name}": getattr(request, name) for name in names})
    if errors:
        raise ValidationFailed(errors=errors)


def _normalized(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {**values, **{name: text_rules.normalized(values[name]) for name in names}}
