"""SMS polls' rules: what a poll may ask, its text, what a reply counts as, the ballot's day-only
time, and the verification code budget (sms_polls.py, questionnaire.py, participation.py,
sms_verification.py)."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from numeriqc.consultations import questionnaire
from numeriqc.consultations.models import AnswersIn, ConsultationIn, Question, VerificationIn
from numeriqc.consultations.participation import DEFAULT_RULES, recorded_at
from numeriqc.consultations.ports import PollQuestion
from numeriqc.consultations.sms_polls import SmsPolls, poll_text, reply_answers, reply_range
from numeriqc.consultations.sms_verification import SmsVerification
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, NotFound, TooManyRequests, ValidationFailed

NOW = datetime(2026, 11, 30, 18, 42, 7, tzinfo=UTC)
SINGLE = {
    "id": "q",
    "type": "single",
    "text": {"fr": "Quel jour?", "en": "Which day?"},
    "options": [{"id": d, "label": {"fr": d.upper(), "en": d}} for d in ("lun", "mar", "mer")],
}
SCALE = {
    "id": "s",
    "type": "scale",
    "text": {"fr": "Satisfaction?"},
    "scale_min": 0,
    "scale_max": 10,
    "min_label": {"fr": "nulle"},
}


def _poll(question: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "consultation_id": "C1",
        "org_id": "ville",
        "title": {"fr": "Parc", "en": "Park"},
        "eligibility": "sms-poll",
        "questions": [question],
        "opens_at": (NOW - timedelta(hours=1)).isoformat(),
        "closes_at": (NOW + timedelta(days=1)).isoformat(),
        "status": "open",
        **extra,
    }


@pytest.mark.parametrize(
    ("questions", "field", "code"),
    [
        ([SINGLE, {**SINGLE, "id": "q2"}], "body.questions", "sms_poll_one_question"),
        ([{**SINGLE, "type": "multiple"}], "body.questions[0].type", "sms_poll_kind"),
        ([{"id": "t", "type": "short_text", "text": {"fr": "?"}}], "body.questions[0].type", "sms_poll_kind"),
        (
            [{**SINGLE, "options": [{"id": f"o{n}", "label": {"fr": str(n)}} for n in range(11)]}],
            "body.questions[0].type",
            "sms_poll_kind",
        ),
    ],
)
def test_a_poll_asks_one_question_a_single_number_answers(
    questions: list[dict[str, Any]], field: str, code: str
) -> None:
    poll = ConsultationIn.model_validate(
        {"title": {"fr": "P"}, "eligibility": "sms-poll", "questions": questions}
    )
    assert [(e.field, e.code) for e in questionnaire.problems(poll)] == [(field, code)]
    ordinary = ConsultationIn.model_validate({"title": {"fr": "P"}, "questions": questions})
    assert not [e for e in questionnaire.problems(ordinary) if e.code.startswith("sms_poll")]


def test_reply_ranges_and_texts_follow_the_question() -> None:
    single, scale = Question.model_validate(SINGLE), Question.model_validate(SCALE)
    assert reply_range(single) == (1, 3) and reply_range(scale) == (0, 10)
    assert poll_text(_poll(SINGLE), single, "en") == "Park\nWhich day?\n1 = lun\n2 = mar\n3 = mer\n" + (
        "Reply with the number of your choice."
    )
    assert poll_text(_poll(SCALE), scale, "fr").endswith("0 = nulle\nRépondez par un nombre de 0 à 10.")


@pytest.mark.parametrize(
    ("question", "value", "expected"),
    [(SINGLE, 1, "lun"), (SINGLE, 3, "mer"), (SCALE, 0, 0), (SCALE, 10, 10)],
)
def test_a_reply_becomes_the_polls_answer(question: dict[str, Any], value: int, expected: object) -> None:
    request = AnswersIn(participant="k" * 64, answers={question["id"]: value})
    assert reply_answers(_poll(question), request).answers == {question["id"]: expected}


@pytest.mark.parametrize(("question", "value"), [(SINGLE, 0), (SINGLE, 4), (SCALE, 11)])
def test_a_reply_out_of_range_is_refused_naming_the_answer(question: dict[str, Any], value: int) -> None:
    request = AnswersIn(participant="k" * 64, answers={question["id"]: value})
    with pytest.raises(ValidationFailed) as refused:
        reply_answers(_poll(question), request)
    assert [e.field for e in refused.value.errors] == [f"body.answers.{question['id']}"]


def test_ballots_of_consultations_known_by_sms_keep_the_day_only() -> None:
    for eligibility in ("sms", "sms-poll"):
        assert recorded_at({"eligibility": eligibility}, NOW) == datetime(2026, 11, 30, tzinfo=UTC)
    assert recorded_at({"eligibility": "open"}, NOW) == NOW


class Sender:
    def __init__(self) -> None:
        self.asked: list[tuple[list[str], PollQuestion]] = []
        self.codes: list[str] = []

    def ask(self, numbers: list[str], question: PollQuestion) -> None:
        self.asked.append((numbers, question))

    def send_code(self, phone_number: str, code: str, language: str) -> None:
        self.codes.append(phone_number)


def test_sending_asks_each_distinct_number_once_with_the_polls_range_and_window() -> None:
    sender = Sender()
    polls = SmsPolls(participation=None, sender=sender, clock=lambda: NOW)  # type: ignore[arg-type]
    sent = polls.send(
        _poll(SINGLE), _send(["514 234 5678", "+1 514-234-5678", "418 266 1234"]), key_kind="test"
    )
    assert sent.queued == 2
    ((numbers, question),) = sender.asked
    assert numbers == ["+14182661234", "+15142345678"]
    assert (question.ref, question.low, question.high, question.key_kind, question.org_id) == (
        "C1:q",
        1,
        3,
        "test",
        "ville",
    )
    closed = _poll(SINGLE, closes_at=(NOW - timedelta(seconds=1)).isoformat())
    with pytest.raises(ValidationFailed):
        polls.send(closed, _send(["514 234 5678"]), key_kind="live")
    assert len(sender.asked) == 1


def _send(numbers: list[str]) -> Any:
    from numeriqc.consultations.models import SmsPollSendIn

    return SmsPollSendIn(phone_numbers=numbers)


class Codes:
    """PhoneCodes in memory, with the budget's condition."""

    def __init__(self) -> None:
        self.sent = 0
        self.refunded = 0
        self.result = "stored"

    def phone_used(self, consultation_id: str, phone_key: str) -> bool:
        return False

    def spend_code_budget(self, consultation_id: str, budget: int) -> int | None:
        if self.sent >= budget:
            return None
        self.sent += 1
        return self.sent

    def refund_code_budget(self, consultation_id: str) -> None:
        self.sent -= 1
        self.refunded += 1

    def start_code(self, consultation_id: str, phone_key: str, code_key: str, **_: Any) -> str:
        return self.result


def test_the_code_budget_refuses_with_429_once_spent_and_a_refused_code_costs_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alerts: list[int | None] = []
    monkeypatch.setattr(
        "numeriqc.consultations.sms_verification.budget_alert",
        lambda consultation_id, spent, budget: alerts.append(spent),
    )
    codes, sender = Codes(), Sender()
    verification = SmsVerification(codes, sender, b"p" * 32, DEFAULT_RULES, lambda: NOW)  # type: ignore[arg-type]
    consultation = {**_poll(SINGLE), "eligibility": "sms", "sms_code_budget": 2}
    for phone in ("514 234 5678", "418 266 1234"):
        verification.send(consultation, VerificationIn(phone_number=phone), "203.0.113.1")
    with pytest.raises(TooManyRequests) as refused:
        verification.send(consultation, VerificationIn(phone_number="819 555 2345"), "203.0.113.1")
    assert [(e.field, e.code) for e in refused.value.errors] == [("path.consultation_id", "sms_code_budget")]
    assert len(sender.codes) == 2 and alerts == [1, 2, None]
    # A code the number may not have (its 4th) is refused after counting: the count is given back.
    codes.sent, codes.result = 0, "sends"
    with pytest.raises(TooManyRequests):
        verification.send(consultation, VerificationIn(phone_number="819 555 2345"), "203.0.113.1")
    assert (codes.sent, codes.refunded, len(sender.codes)) == (0, 1, 2)


class Refusing:
    """A Participation whose answer raises the given problem."""

    def __init__(self, problem: Exception) -> None:
        self.problem = problem

    def answer(self, *args: Any, **kwargs: Any) -> Any:
        raise self.problem


@pytest.mark.parametrize(
    ("problem", "retried"),
    [
        (TooManyRequests(Message("x", "x")), True),
        (Conflict(Message("x", "x")), True),  # the ballot still busy after its own retries
        (ValidationFailed(errors=[]), False),  # closed early, out of range: a retry cannot change it
        (NotFound(Message("x", "x")), False),
    ],
)
def test_a_reply_is_retried_only_when_a_later_try_can_count_it(problem: Exception, retried: bool) -> None:
    polls = SmsPolls(Refusing(problem), Sender(), lambda: NOW)  # type: ignore[arg-type]
    message = {"ref": "C1:q", "answer_key": "k" * 64, "value": 2}
    if retried:
        with pytest.raises(type(problem)):
            polls.count(message)
    else:
        assert polls.count(message) == "refused"
