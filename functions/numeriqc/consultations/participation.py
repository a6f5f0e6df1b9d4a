"""A participant answers, or changes their answers: checked, redacted, counted once, in one write.

Pure logic. The participant is known only by a secret the participation page keeps
(`participant`); the ballot is stored under its keyed hash, domain-separated per consultation,
so the same person's ballots in two consultations cannot be linked either. Sending the same
answers again (a retry, a double click) changes nothing: the natural key is the participant, and
the counters move by the difference between the new ballot and the one it replaces.

One read (the consultation and the ballot, one BatchGetItem) and ONE transaction (the window
still open, rate counters under their limits, the ballot unchanged since read or absent, the
invitation code unused; then ballot and counters): all or nothing. A ballot changed by a
concurrent request of the same participant is read again and retried.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from numeriqc.consultations import ballots, lifecycle
from numeriqc.consultations.models import AnswersIn, Eligibility, ParticipationReceipt, Question
from numeriqc.consultations.ports import BallotBox, BallotWrite, Limits, NumberCheck, Verified
from numeriqc.core.clock import Clock, epoch_seconds
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.pii import keyed_hash
from numeriqc.core.problems import Conflict, FieldError, NotFound, TooManyRequests, ValidationFailed

QUEBEC = ZoneInfo("America/Toronto")
BALLOT_PURPOSE = "consultation-ballot"
CLIENT_PURPOSE = "consultation-client"
INVITATION_PURPOSE = "consultation-invitation"
ATTEMPTS = 3

_NOT_FOUND = Message("Aucune consultation {id}.", "No consultation {id}.")
_CODE_REQUIRED = Message(
    "Cette consultation demande un code d'invitation.", "This consultation requires an invitation code."
)
_CODE_USED = Message(
    "Ce code d'invitation est inconnu ou a déjà servi.", "This invitation code is unknown or already used."
)
_RATE = Message(
    "Trop de réponses : au plus {limit} par minute. Réessayez dans {seconds} s.",
    "Too many answers: at most {limit} a minute. Try again in {seconds} s.",
)
_SMS_ONLY = Message(
    "Ce sondage se répond par texto seulement, et seul un sondage par texto se répond par texto.",
    "This poll is answered by SMS only, and only an SMS poll is answered by SMS.",
)
_BUSY = Message(
    "Vos réponses changent en même temps ailleurs; réessayez.",
    "Your answers are being changed elsewhere at the same time; try again.",
)


@dataclass(frozen=True)
class Rules:
    client_rate_per_minute: int = 30
    consultation_rate_per_minute: int = 3000


DEFAULT_RULES = Rules()


def ballot_key(pepper: bytes, consultation_id: str, participant: str) -> str:
    return keyed_hash(participant, pepper, f"{BALLOT_PURPOSE}:{consultation_id}")


def invitation_key(pepper: bytes, consultation_id: str, code: str) -> str:
    """Codes are compared without case or spaces: people copy them from letters and emails."""
    normalized = "".join(code.split()).upper()
    return keyed_hash(normalized, pepper, f"{INVITATION_PURPOSE}:{consultation_id}")


def limits(pepper: bytes, source_ip: str, now: datetime, rules: Rules) -> Limits:
    return Limits(
        client_hash=keyed_hash(source_ip, pepper, CLIENT_PURPOSE)[:40],
        minute=epoch_seconds(now) // 60,
        client_limit=rules.client_rate_per_minute,
        consultation_limit=rules.consultation_rate_per_minute,
    )


def rate_refusal(result: str, now: datetime, rules: Rules) -> TooManyRequests:
    seconds = str(60 - epoch_seconds(now) % 60)
    limit = rules.client_rate_per_minute if result == "client-rate" else rules.consultation_rate_per_minute
    return TooManyRequests(_RATE, headers={"Retry-After": seconds}, limit=limit, seconds=seconds)


def cuts(ballot: dict[str, Any] | None) -> list[str]:
    """The counter groups a ballot counts in: everyone, its region, its age band ("none" if not said)."""
    if ballot is None:
        return []
    return ["all", f"region:{ballot.get('region') or 'none'}", f"age:{ballot.get('age_band') or 'none'}"]


def counter_moves(
    questions: list[Question], new: dict[str, Any], old: dict[str, Any] | None
) -> tuple[dict[str, ballots.Tallies], dict[str, int]]:
    """Per cut: the cells to add (negative to remove) and the participants delta."""
    new_tallies = ballots.tallies(questions, new["answers"])
    old_tallies = ballots.tallies(questions, old["answers"]) if old else {}
    moves: dict[str, ballots.Tallies] = {}
    people: dict[str, int] = {}
    for cut in set(cuts(new)) | set(cuts(old)):
        after = new_tallies if cut in cuts(new) else {}
        before = old_tallies if cut in cuts(old) else {}
        moved = ballots.difference(after, before)
        if moved:
            moves[cut] = moved
        change = (cut in cuts(new)) - (cut in cuts(old))
        if change:
            people[cut] = change
    return moves, people


def recorded_at(consultation: dict[str, Any], now: datetime) -> datetime:
    """When a ballot says it was recorded. Rounded to the day (UTC) when participants are known by
    SMS: the notification service keeps each SMS's time (its records, the provider's delivery logs),
    so a ballot's exact time would let whoever reads both match a ballot to a number."""
    if consultation["eligibility"] in (Eligibility.SMS.value, Eligibility.SMS_POLL.value):
        day = now.astimezone(UTC)
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return now


class Participation:
    def __init__(
        self,
        box: BallotBox,
        pepper: bytes,
        rules: Rules = DEFAULT_RULES,
        clock: Clock = installed_clock,
        numbers: NumberCheck | None = None,
    ) -> None:
        self._box = box
        self._pepper = pepper
        self._rules = rules
        self._clock = clock
        self._numbers = numbers

    def answer(
        self,
        consultation_id: str,
        request: AnswersIn,
        source_ip: str,
        *,
        by_sms: Callable[[dict[str, Any], AnswersIn], AnswersIn] | None = None,
    ) -> ParticipationReceipt:
        """`by_sms` marks an answer replied by SMS to a poll (sms_polls.py): it turns the reply into
        the poll's answers once the consultation is read. Only such answers reach an SMS poll."""
        key = ballot_key(self._pepper, consultation_id, request.participant)
        for _ in range(ATTEMPTS):
            now = self._clock()
            consultation, old = self._box.consultation_and_ballot(consultation_id, key)
            if consultation is None:
                raise NotFound(_NOT_FOUND, id=consultation_id)
            lifecycle.require_open(consultation, now)
            if (consultation["eligibility"] == Eligibility.SMS_POLL.value) != (by_sms is not None):
                raise ValidationFailed(errors=[FieldError("path.consultation_id", "sms_poll", _SMS_ONLY)])
            if by_sms is not None:
                request = by_sms(consultation, request)
            questions = [Question.model_validate(question) for question in consultation["questions"]]
            answers, removed = ballots.check(questions, request.answers)
            invitation = self._invitation(consultation, request, old)
            verified = self._verified(consultation, request, old, now)
            item = {
                "answers": answers,
                "region": request.region.value if request.region else None,
                "age_band": request.age_band.value if request.age_band else None,
                "recorded_at": recorded_at(consultation, now).isoformat(),
                "version": int(old["version"]) + 1 if old else 1,
            }
            moves, people = counter_moves(questions, item, old)
            outcome = self._box.cast(
                BallotWrite(
                    consultation_id=consultation_id,
                    ballot_key=key,
                    item=item,
                    previous_version=int(old["version"]) if old else None,
                    tallies=moves,
                    participants=people,
                    day=now.astimezone(QUEBEC).date().isoformat() if old is None else None,
                    now_epoch=epoch_seconds(now),
                    limits=limits(self._pepper, source_ip, now, self._rules),
                    invitation_key=invitation,
                    verified=verified,
                )
            )
            if outcome.result == "changed":
                continue
            self._refuse(outcome.result, consultation, now)
            return ParticipationReceipt(
                receipt_id=key[:20],
                consultation_id=consultation_id,
                recorded_at=recorded_at(consultation, now),
                changed=old is not None,
                removed=removed,
            )
        raise Conflict(_BUSY)

    def _invitation(
        self, consultation: dict[str, Any], request: AnswersIn, old: dict[str, Any] | None
    ) -> str | None:
        """A new participant of an invitation-only consultation spends a code; a returning one
        is known by their secret and spends nothing."""
        if consultation["eligibility"] != Eligibility.INVITATION.value or old is not None:
            return None
        if not request.invitation_code:
            raise ValidationFailed(errors=[FieldError("body.invitation_code", "missing", _CODE_REQUIRED)])
        return invitation_key(self._pepper, consultation["consultation_id"], request.invitation_code)

    def _verified(
        self, consultation: dict[str, Any], request: AnswersIn, old: dict[str, Any] | None, now: datetime
    ) -> Verified | None:
        """A new participant of an SMS-verified consultation spends the number's code; a returning
        one is known by their secret."""
        if consultation["eligibility"] != Eligibility.SMS.value or old is not None:
            return None
        if self._numbers is None:
            raise RuntimeError("SMS verification is not wired")
        return self._numbers.verified(consultation["consultation_id"], request, now)

    def _refuse(self, result: str, consultation: dict[str, Any], now: datetime) -> None:
        if result == "closed":  # the window closed between the read and the write
            lifecycle.require_open({**consultation, "closes_at": now.isoformat()}, now)
        if result in ("client-rate", "consultation-rate"):
            raise rate_refusal(result, now, self._rules)
        if result == "invitation":
            raise ValidationFailed(errors=[FieldError("body.invitation_code", "used", _CODE_USED)])
        refused = self._numbers.refusal(result) if self._numbers else None
        if refused is not None:
            raise refused
