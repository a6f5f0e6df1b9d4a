"""Replies routed to the question that asked them (SMS polls, feedback's "reply 1 to 5"). Pure logic.

A platform SMS that carries a `question` registers it (`ask`) for the number and the asking
service: one record per (number's keyed hash, sender), so a later question of the same sender
replaces the earlier one (and its unreadable count). A reply that is not a keyword (`keywords`
always win, in `sms_replies.SmsReplies`) goes to the number's most recently asked OPEN question,
whichever service asked it (`route`):

- readable (`sms_answers.answer`): one message `{sender, ref, answer_key, value, language}` on the sender's
  answer queue. `answer_key` is a keyed hash of the number under the purpose `sms-answer:<sender>:<ref>`:
  the asking service keeps one answer per key (a change replaces it, counted once), cannot turn it
  back into a number without the pepper, and cannot join two questions' answers by it;
- unreadable: ONE help message in the question's language (`sms_answers.help_due`), never a loop;
- only closed questions: not counted, and ONE "this question is closed" message (at most once);
- no question at all: nothing (logged as such, no reply: the HELP keyword answers those who ask).

Nothing here stores an answer: the number's hash and the question's ref live on the question
record, the value only in the message to the asking service (the secret ballot).
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from numeriqc.core.i18n import Language, Message
from numeriqc.notifications import sms_answers
from numeriqc.notifications.models import SmsQuestionIn
from numeriqc.notifications.ports import AnswerKeys, AnswerQueues, Asked, AskedQuestions, Conflict

ANSWER_PURPOSE = "sms-answer"
GRACE_DAYS = 7  # a closed question is remembered this long, to say it is closed (then its TTL)

HELP = Message(
    "numériQc : répondez par un seul nombre, de {low} à {high}{yes_no}. "
    "Répondez ARRÊT pour ne plus recevoir de textos.",
    "numériQc: reply with one number, from {low} to {high}{yes_no}. Reply STOP to opt out.",
)
YES_NO = Message(" (ou OUI / NON)", " (or YES / NO)")
CLOSED = Message(
    "numériQc : cette question est fermée; votre réponse n'a pas été comptée.",
    "numériQc: this question is closed; your answer was not counted.",
)


class Outcome(StrEnum):
    ANSWERED = "answered"
    HELPED = "helped"  # unreadable, the help message sent
    UNREADABLE = "unreadable"  # unreadable again: no second help
    CLOSED = "closed"  # the last question is closed: told once
    CLOSED_AGAIN = "closed-again"
    NO_QUESTION = "no-question"


@dataclass(frozen=True)
class Routed:
    outcome: Outcome
    text: str | None = None  # what to reply to the citizen, if anything


def ask(
    questions: AskedQuestions,
    recipient_hash: str,
    sender: str,
    question: SmsQuestionIn,
    *,
    language: str,
    now: datetime,
) -> None:
    """Register the question sent now (replacing the sender's previous one for this number)."""
    questions.ask(
        recipient_hash,
        Asked(sender, question.ref, question.low, question.high, language, now, question.closes_at),
        expires_epoch=int(question.closes_at.timestamp()) + GRACE_DAYS * 86400,
    )


def latest(asked: list[Asked], now: datetime) -> tuple[Asked | None, Asked | None]:
    """The most recently asked open question, and the most recently asked closed one."""
    open_ = [one for one in asked if one.closes_at > now]
    closed = [one for one in asked if one.closes_at <= now]
    newest = max(open_, key=lambda one: one.asked_at, default=None)
    return newest, max(closed, key=lambda one: one.asked_at, default=None)


def _language(asked: Asked) -> Language:
    return "en" if asked.language == "en" else "fr"


class SmsQuestions:
    def __init__(self, questions: AskedQuestions, answers: AnswerQueues, answer_keys: AnswerKeys) -> None:
        self._questions = questions
        self._answers = answers
        self._answer_keys = answer_keys

    def route(self, number: str, recipient_hash: str, body: str, now: datetime) -> Routed:
        current, closed = latest(self._questions.asked(recipient_hash), now)
        if current is None:
            if closed is None:
                return Routed(Outcome.NO_QUESTION)
            try:
                self._questions.tell_closed(recipient_hash, closed.sender, closed.asked_at)
            except Conflict:
                return Routed(Outcome.CLOSED_AGAIN)
            return Routed(Outcome.CLOSED, CLOSED.render(_language(closed)))
        value = sms_answers.answer(body, sms_answers.Question(current.low, current.high))
        if value is None:
            before = self._questions.count_unreadable(recipient_hash, current.sender, current.asked_at)
            if not sms_answers.help_due(before):
                return Routed(Outcome.UNREADABLE)
            yes_no = YES_NO.render(_language(current)) if (current.low, current.high) == (1, 2) else ""
            text = HELP.render(_language(current), low=current.low, high=current.high, yes_no=yes_no)
            return Routed(Outcome.HELPED, text)
        message: dict[str, Any] = {
            "sender": current.sender,
            "ref": current.ref,
            "answer_key": self._answer_keys(number, f"{ANSWER_PURPOSE}:{current.sender}:{current.ref}"),
            "value": value,
            "language": current.language,  # the question's: what the asking service answers in
        }
        self._answers.send_answer(current.sender, message)
        return Routed(Outcome.ANSWERED)
