"""Replies routed to the question that asked them: most recent open question wins, help once,
closed told once, answer keys per sender and question (sms_questions.py)."""

from datetime import UTC, datetime, timedelta
from typing import Any

from numeriqc.notifications.models import SmsQuestionIn
from numeriqc.notifications.ports import Asked, Conflict
from numeriqc.notifications.sms_questions import ANSWER_PURPOSE, Outcome, SmsQuestions, ask

NOW = datetime(2026, 11, 30, 15, tzinfo=UTC)
RH = "rh-1"
NUMBER = "+15142345678"


class Records:
    """The AskedQuestions port in memory, with the adapter's conditions."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], dict[str, Any]] = {}

    def ask(self, recipient_hash: str, asked: Asked, *, expires_epoch: int) -> None:
        self.items[(recipient_hash, asked.sender)] = {"asked": asked, "bad": 0, "told": False}

    def asked(self, recipient_hash: str) -> list[Asked]:
        return [item["asked"] for (rh, _), item in self.items.items() if rh == recipient_hash]

    def count_unreadable(self, recipient_hash: str, sender: str, asked_at: datetime) -> int:
        item = self.items[(recipient_hash, sender)]
        before: int = item["bad"]
        item["bad"] += 1
        return before

    def tell_closed(self, recipient_hash: str, sender: str, asked_at: datetime) -> None:
        item = self.items[(recipient_hash, sender)]
        if item["told"]:
            raise Conflict(sender)
        item["told"] = True


class Answers:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def send_answer(self, sender: str, message: dict[str, Any]) -> None:
        self.sent.append((sender, message))


def keyer(number: str, purpose: str) -> str:
    return f"key({number}|{purpose})"


def question(
    ref: str, low: int = 1, high: int = 4, closes_in: timedelta = timedelta(days=1)
) -> SmsQuestionIn:
    return SmsQuestionIn(ref=ref, low=low, high=high, closes_at=NOW + closes_in)


def routing() -> tuple[Records, Answers, SmsQuestions]:
    records, answers = Records(), Answers()
    return records, answers, SmsQuestions(records, answers, keyer)


def test_a_readable_reply_goes_to_the_asking_service_with_a_key_per_sender_and_question() -> None:
    records, answers, questions = routing()
    ask(records, RH, "consultations", question("c1:q1"), language="fr", now=NOW)
    routed = questions.route(NUMBER, RH, " 3 ", NOW + timedelta(minutes=5))
    assert routed.outcome is Outcome.ANSWERED
    assert routed.text is None  # no confirmation SMS: it would cost a fragment per answer
    assert answers.sent == [
        (
            "consultations",
            {
                "sender": "consultations",
                "ref": "c1:q1",
                "answer_key": keyer(NUMBER, f"{ANSWER_PURPOSE}:consultations:c1:q1"),
                "value": 3,
                "language": "fr",
            },
        )
    ]


def test_the_most_recently_asked_open_question_wins_across_senders() -> None:
    records, answers, questions = routing()
    ask(records, RH, "consultations", question("c1:q1", 0, 10), language="fr", now=NOW)
    ask(records, RH, "feedback", question("s1", 1, 5), language="en", now=NOW + timedelta(minutes=1))
    questions.route(NUMBER, RH, "5", NOW + timedelta(minutes=2))
    assert [sender for sender, _ in answers.sent] == ["feedback"]
    # the feedback question closes: the poll, still open, gets the next reply
    closed = question("s1", 1, 5, timedelta(minutes=-1))
    ask(records, RH, "feedback", closed, language="en", now=NOW + timedelta(minutes=3))
    questions.route(NUMBER, RH, "9", NOW + timedelta(minutes=4))
    assert answers.sent[-1][0] == "consultations"
    assert answers.sent[-1][1]["value"] == 9


def test_an_unreadable_reply_gets_one_help_in_the_questions_language_never_a_loop() -> None:
    records, answers, questions = routing()
    ask(records, RH, "feedback", question("s1", 1, 2), language="en", now=NOW)
    first = questions.route(NUMBER, RH, "maybe", NOW)
    second = questions.route(NUMBER, RH, "what?", NOW)
    assert first.outcome is Outcome.HELPED
    assert first.text is not None
    assert "from 1 to 2" in first.text
    assert "YES / NO" in first.text
    assert (second.outcome, second.text) == (Outcome.UNREADABLE, None)
    assert answers.sent == []
    # a new question starts over: one help for it
    ask(records, RH, "feedback", question("s2", 1, 5), language="fr", now=NOW)
    again = questions.route(NUMBER, RH, "bof", NOW)
    assert again.outcome is Outcome.HELPED
    assert again.text is not None
    assert "de 1 à 5" in again.text


def test_a_reply_after_closing_is_not_counted_and_told_once() -> None:
    records, answers, questions = routing()
    ask(records, RH, "consultations", question("c1:q1", closes_in=timedelta(hours=1)), language="fr", now=NOW)
    late = NOW + timedelta(hours=2)
    first = questions.route(NUMBER, RH, "2", late)
    second = questions.route(NUMBER, RH, "2", late)
    assert first.outcome is Outcome.CLOSED
    assert first.text is not None
    assert "fermée" in first.text
    assert (second.outcome, second.text) == (Outcome.CLOSED_AGAIN, None)
    assert answers.sent == []


def test_no_question_no_reply() -> None:
    _, answers, questions = routing()
    routed = questions.route(NUMBER, RH, "2", NOW)
    assert (routed.outcome, routed.text, answers.sent) == (Outcome.NO_QUESTION, None, [])
