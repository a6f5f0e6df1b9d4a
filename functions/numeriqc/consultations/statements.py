"""Statements, Polis style: participants vote agree / disagree / pass, and may submit their own.

Pure logic. A citizen's statement is redacted (`core.redaction`), then waits in the moderation
queue (`pending`) until the organization approves it; only `approved` statements are shown and
voted on. A statement reported by N distinct participants is `hidden` pending review. A vote is
counted once per participant and statement (the participant's keyed hash is the natural key);
changing it moves the counts, in the same transaction as the vote, so they stay exact.
"""

from dataclasses import dataclass
from typing import Any

from numeriqc.consultations import lifecycle
from numeriqc.consultations.announcements import statement_submitted
from numeriqc.consultations.models import (
    ModerationIn,
    OrgStatementIn,
    Statement,
    StatementIn,
    StatementStatus,
    VoteIn,
    VoteReceipt,
)
from numeriqc.consultations.participation import DEFAULT_RULES, Rules, ballot_key, limits, rate_refusal
from numeriqc.consultations.ports import ConsultationRecords, StatementRecords, VoteWrite
from numeriqc.core.clock import Clock, epoch_seconds
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.pii import redact
from numeriqc.core.problems import Conflict, FieldError, NotFound, ValidationFailed

_NOT_FOUND = Message("Aucune consultation {id}.", "No consultation {id}.")
_NO_STATEMENT = Message("Aucun énoncé {id} n'est ouvert au vote.", "No statement {id} is open for voting.")
_NO_STATEMENTS = Message(
    "Cette consultation ne comporte pas d'énoncés.", "This consultation has no statements."
)
_ALREADY = Message("Vous avez déjà signalé cet énoncé.", "You have already reported this statement.")
_BUSY = Message(
    "Votre vote change en même temps ailleurs; réessayez.", "Your vote is changing elsewhere; retry."
)


@dataclass(frozen=True)
class Submitted:
    statement: Statement
    removed: list[str]


def view(item: dict[str, Any]) -> Statement:
    return Statement.model_validate(item)


class Statements:
    def __init__(
        self,
        records: StatementRecords,
        consultations: ConsultationRecords,
        pepper: bytes,
        rules: Rules = DEFAULT_RULES,
        clock: Clock = installed_clock,
    ) -> None:
        self._records = records
        self._consultations = consultations
        self._pepper = pepper
        self._rules = rules
        self._clock = clock

    def _consultation(self, consultation_id: str) -> dict[str, Any]:
        consultation = self._consultations.consultation(consultation_id)
        if consultation is None:
            raise NotFound(_NOT_FOUND, id=consultation_id)
        if not any(question["type"] == "statements" for question in consultation["questions"]):
            raise ValidationFailed(
                errors=[FieldError("path.consultation_id", "no_statements", _NO_STATEMENTS)]
            )
        return consultation

    # citizens ----------------------------------------------------------------------------------
    def published(self, consultation_id: str) -> list[Statement]:
        self._consultation(consultation_id)
        items = self._records.statements(consultation_id)
        return [view(item) for item in items if item["status"] == StatementStatus.APPROVED.value]

    def submit(
        self, consultation_id: str, request: StatementIn, source_ip: str, sink: EventSink
    ) -> Submitted:
        consultation = self._consultation(consultation_id)
        now = self._clock()
        lifecycle.require_open(consultation, now)
        text, kinds = redact(request.text)
        item = {
            "statement_id": new_ulid(self._clock),
            "text": text,
            "status": StatementStatus.PENDING.value,
            "author": "participant",
            "created_at": now.isoformat(),
        }
        guard = limits(self._pepper, source_ip, now, self._rules)
        outcome = self._records.add_statement(consultation_id, item, guard, epoch_seconds(now))
        if outcome.result in ("client-rate", "consultation-rate"):
            raise rate_refusal(outcome.result, now, self._rules)
        if outcome.result == "closed":
            lifecycle.require_open({**consultation, "closes_at": now.isoformat()}, now)
        sink.emit(statement_submitted(consultation["org_id"], consultation_id, item["statement_id"], now))
        return Submitted(view(item), sorted(kind.value for kind in kinds))

    def vote(self, consultation_id: str, statement_id: str, request: VoteIn, source_ip: str) -> VoteReceipt:
        consultation = self._consultation(consultation_id)
        voter = ballot_key(self._pepper, consultation_id, request.participant)
        for _ in range(3):
            now = self._clock()
            lifecycle.require_open(consultation, now)
            previous = self._records.vote_of(consultation_id, statement_id, voter)
            if previous == request.vote.value:  # a retry: counted already
                return VoteReceipt(statement_id=statement_id, vote=request.vote, changed=False)
            outcome = self._records.vote(
                VoteWrite(
                    consultation_id=consultation_id,
                    statement_id=statement_id,
                    voter_key=voter,
                    vote=request.vote.value,
                    previous=previous,
                    now_epoch=epoch_seconds(now),
                    limits=limits(self._pepper, source_ip, now, self._rules),
                )
            )
            if outcome.result == "changed":
                continue
            if outcome.result == "statement":
                raise NotFound(_NO_STATEMENT, id=statement_id)
            if outcome.result in ("client-rate", "consultation-rate"):
                raise rate_refusal(outcome.result, now, self._rules)
            if outcome.result == "closed":
                lifecycle.require_open({**consultation, "closes_at": now.isoformat()}, now)
            return VoteReceipt(statement_id=statement_id, vote=request.vote, changed=previous is not None)
        raise Conflict(_BUSY)

    def report(self, consultation_id: str, statement_id: str, participant: str) -> bool:
        """True when this report hid the statement."""
        consultation = self._consultation(consultation_id)
        lifecycle.require_open(consultation, self._clock())
        reporter = ballot_key(self._pepper, consultation_id, participant)
        outcome = self._records.report(
            consultation_id, statement_id, reporter, int(consultation.get("report_threshold", 3))
        )
        if outcome.result == "statement":
            raise NotFound(_NO_STATEMENT, id=statement_id)
        if outcome.result == "changed":
            raise Conflict(_ALREADY)
        return bool(outcome.extra.get("hidden"))

    # organizations -----------------------------------------------------------------------------
    def add(self, consultation: dict[str, Any], request: OrgStatementIn) -> Statement:
        now = self._clock()
        item = {
            "statement_id": new_ulid(self._clock),
            "text": request.text.fr,
            "text_en": request.text.en,
            "status": StatementStatus.APPROVED.value,
            "author": "organization",
            "created_at": now.isoformat(),
        }
        self._records.add_statement(consultation["consultation_id"], item, None, epoch_seconds(now))
        return view(item)

    def all(self, consultation: dict[str, Any], status: StatementStatus | None) -> list[Statement]:
        items = self._records.statements(consultation["consultation_id"])
        return [view(item) for item in items if status is None or item["status"] == status.value]

    def moderate(self, consultation: dict[str, Any], statement_id: str, request: ModerationIn) -> Statement:
        consultation_id = consultation["consultation_id"]
        if self._records.statement(consultation_id, statement_id) is None:
            raise NotFound(_NO_STATEMENT, id=statement_id)
        self._records.set_statement_status(consultation_id, statement_id, request.status.value)
        item = self._records.statement(consultation_id, statement_id)
        return view(item or {})
