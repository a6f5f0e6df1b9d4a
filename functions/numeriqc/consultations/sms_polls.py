"""SMS polls: one question sent by SMS to an organization's consenting numbers, answered by replying
a number. Pure logic over the question sender (the notification service's platform SMS queue) and
`Participation` (the ballot box every answer goes through).

Sending: the poll must be open; each number becomes one platform SMS carrying the question (`ref`
`<consultation>:<question>`, the range of a readable reply, `closes_at`) asked for the organization,
so the notification service applies that organization's consent, STOP, the quiet hours and the test
key, and routes the number's replies back here (notifications/sms_questions.py).

Counting: a reply arrives as `{ref, answer_key, value}`. `answer_key` is a keyed hash of the number
under a purpose of this poll, made by the notification service; it becomes the ballot's
participant secret, so the ballot is stored under a keyed hash OF it (`participation.ballot_key`):
one ballot per number, a new reply replaces it while the poll is open (the counters move by the
difference), a redelivered reply changes nothing. Nothing here sees the number.
"""

from typing import Any

from numeriqc.consultations import lifecycle
from numeriqc.consultations.models import (
    AnswersIn,
    Eligibility,
    Question,
    QuestionType,
    SmsPollSendIn,
    SmsPollSent,
    Text,
)
from numeriqc.consultations.participation import Participation
from numeriqc.consultations.ports import PollQuestion, QuestionSender
from numeriqc.consultations.sms_verification import normalise_phone
from numeriqc.core.clock import Clock
from numeriqc.core.i18n import Language, Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.observability import logger
from numeriqc.core.problems import FieldError, Problem, ValidationFailed

SMS_SOURCE = "sms"  # the rate counters' client for answers by SMS (the notification service)
RETRIED = (409, 429)  # busy or over the rate: worth a later try (SQS), unlike every other refusal

_NOT_POLL = Message(
    "Cette consultation n'est pas un sondage par texto.", "This consultation is not an SMS poll."
)
_BAD_PHONE = Message(
    "Ce numéro de téléphone n'est pas valide (par exemple 514 234 5678).",
    "This phone number is not valid (for example 514 234 5678).",
)
_REPLY_CHOICE = Message("Répondez par le numéro de votre choix.", "Reply with the number of your choice.")
_REPLY_SCALE = Message(
    "Répondez par un nombre de {low} à {high}.", "Reply with a number from {low} to {high}."
)


def reply_range(question: Question) -> tuple[int, int]:
    """What a readable reply may be: 1..n for n options, the scale's own ends for a scale."""
    if question.type == QuestionType.SINGLE:
        return 1, len(question.options)
    return question.scale_min or 0, question.scale_max or 10


def poll_text(consultation: dict[str, Any], question: Question, language: str) -> str:
    """The SMS: title, question, numbered options (or the scale's ends), how to reply."""
    lang: Language = "en" if language == "en" else "fr"
    lines = [Text.model_validate(consultation["title"]).render(lang), question.text.render(lang)]
    low, high = reply_range(question)
    if question.type == QuestionType.SINGLE:
        lines += [
            f"{number} = {option.label.render(lang)}" for number, option in enumerate(question.options, 1)
        ]
        lines.append(_REPLY_CHOICE.render(lang))
    else:
        ends = [
            f"{value} = {label.render(lang)}"
            for value, label in ((low, question.min_label), (high, question.max_label))
            if label is not None
        ]
        lines += ends
        lines.append(_REPLY_SCALE.render(lang, low=low, high=high))
    return "\n".join(lines)


def value_answer(question: Question, value: int) -> str | int | None:
    """A reply's value as the ballot's answer: the n-th option's id, or the scale value itself."""
    low, high = reply_range(question)
    if not low <= value <= high:
        return None
    return question.options[value - 1].id if question.type == QuestionType.SINGLE else value


class SmsPolls:
    def __init__(self, participation: Participation, sender: QuestionSender, clock: Clock) -> None:
        self._participation = participation
        self._sender = sender
        self._clock = clock

    def send(self, consultation: dict[str, Any], request: SmsPollSendIn, *, key_kind: str) -> SmsPollSent:
        """Queue the poll to each number; one invalid number refuses the request whole (422 naming it)."""
        if consultation["eligibility"] != Eligibility.SMS_POLL.value:
            raise ValidationFailed(errors=[FieldError("path.consultation_id", "not_sms_poll", _NOT_POLL)])
        lifecycle.require_open(consultation, self._clock())
        numbers = [normalise_phone(raw) for raw in request.phone_numbers]
        errors = [
            FieldError(f"body.phone_numbers[{index}]", "invalid", _BAD_PHONE)
            for index, number in enumerate(numbers)
            if number is None
        ]
        if errors:
            raise ValidationFailed(errors=errors)
        question = Question.model_validate(consultation["questions"][0])
        low, high = reply_range(question)
        asked = PollQuestion(
            ref=f"{consultation['consultation_id']}:{question.id}",
            low=low,
            high=high,
            closes_at=consultation["closes_at"],
            text=poll_text(consultation, question, request.language),
            language=request.language,
            org_id=consultation["org_id"],
            key_kind=key_kind,
        )
        unique = sorted({number for number in numbers if number is not None})
        self._sender.ask(unique, asked)
        return SmsPollSent(send_id=new_ulid(self._clock), queued=len(unique))

    def count(self, message: dict[str, Any]) -> str:
        """Record one reply as its number's ballot; answers the outcome (the handler logs it).

        A reply the poll cannot take (closed early by its organization, gone, not an SMS poll) is
        dropped with its reason: retrying cannot change it. A rate refusal, or a ballot still busy
        after its retries, raises: SQS delivers the reply again later."""
        consultation_id, _, question_id = str(message["ref"]).partition(":")
        request = AnswersIn(
            participant=str(message["answer_key"]), answers={question_id: int(message["value"])}
        )
        try:
            receipt = self._participation.answer(consultation_id, request, SMS_SOURCE, by_sms=reply_answers)
        except Problem as refused:
            if refused.status in RETRIED:
                raise
            logger.info(
                "SMS answer refused", extra={"consultation_id": consultation_id, "slug": refused.slug}
            )
            return "refused"
        return "changed" if receipt.changed else "counted"


def reply_answers(consultation: dict[str, Any], request: AnswersIn) -> AnswersIn:
    """The reply `{question id: number}` as the poll's answers (the option's id, or the scale value);
    a 422 naming the answer when the poll has no such question or the number is out of its range."""
    question = Question.model_validate(consultation["questions"][0])
    value = request.answers.get(question.id)
    answer = value_answer(question, value) if isinstance(value, int) else None
    if answer is None:
        low, high = reply_range(question)
        field = f"body.answers.{question.id}"
        raise ValidationFailed(errors=[FieldError(field, "reply", _REPLY_SCALE, low=low, high=high)])
    return AnswersIn(participant=request.participant, answers={question.id: answer})
