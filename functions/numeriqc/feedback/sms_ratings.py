""" "How was your service? Reply 1 to 5": a rating asked by SMS after a visit, recorded as a rating
of that service. Pure logic over the question sender (the notification service's platform SMS
queue) and `Intake` (the one way a rating is stored and counted).

Asking: the organization names its service and one number; the question goes out as a platform SMS
asked for the organization (its consent record, STOP, quiet hours, test keys: notifications'
rules), `ref` `<service id>:<request id>`, open for `OPEN_FOR`. Replies come back routed by the
notification service (`{ref, answer_key, value, language}`, notifications/sms_questions.py).

Recording: a reply is a submission of channel `sms` with that rating and nothing else. The first
reply counts; a later one (a changed mind, a redelivery) is a duplicate of it, because the
submission's duplicate marker is the keyed hash of the `answer_key` (one per number and request),
kept 30 days (`intake.ONCE_DAYS`). Feedback keeps submissions, not ballots: replacing one would
rewrite a counted, possibly already triaged, submission, so a rating by SMS is not changeable.
"""

from datetime import timedelta
from typing import Any

from numeriqc.core.clock import Clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.observability import logger
from numeriqc.core.phones import e164_or_none
from numeriqc.core.problems import FieldError, Problem, ValidationFailed
from numeriqc.feedback.catalogue import Catalogue
from numeriqc.feedback.intake import Intake
from numeriqc.feedback.models import Channel, FeedbackIn, RatingRequested, RatingRequestIn
from numeriqc.feedback.ports import RatingQuestion, RatingSender

OPEN_FOR = timedelta(days=7)
SMS_SOURCE = "sms"

QUESTION = Message(
    "{name} : comment s'est passé votre service? Répondez de 1 (très insatisfait) à 5 (très satisfait).",
    "{name}: how was your service? Reply from 1 (very dissatisfied) to 5 (very satisfied).",
)
_BAD_PHONE = Message(
    "Ce numéro de téléphone n'est pas valide (par exemple 514 234 5678).",
    "This phone number is not valid (for example 514 234 5678).",
)


def normalise_phone(raw: str) -> str | None:
    """E.164, or None unless a valid number (core.phones)."""
    return e164_or_none(raw)


class SmsRatings:
    def __init__(self, catalogue: Catalogue, sender: RatingSender, intake: Intake, clock: Clock) -> None:
        self._catalogue = catalogue
        self._sender = sender
        self._intake = intake
        self._clock = clock

    def ask(
        self, org_id: str, service_id: str, request: RatingRequestIn, *, key_kind: str
    ) -> RatingRequested:
        service = self._catalogue.get(org_id, service_id)  # another organization's service is a 404
        number = normalise_phone(request.phone_number)
        if number is None:
            raise ValidationFailed(errors=[FieldError("body.phone_number", "invalid", _BAD_PHONE)])
        now = self._clock()
        request_id = new_ulid(self._clock)
        closes_at = now + OPEN_FOR
        name = service.name_en if request.language == "en" else service.name_fr
        self._sender.ask_rating(
            number,
            RatingQuestion(
                ref=f"{service_id}:{request_id}",
                closes_at=closes_at.isoformat(),
                text=QUESTION.render(request.language, name=name),
                language=request.language,
                org_id=org_id,
                key_kind=key_kind,
            ),
        )
        return RatingRequested(request_id=request_id, closes_at=closes_at)

    def record(self, message: dict[str, Any]) -> str:
        """Store one reply as a rating; answers the outcome. A reply the service cannot take (an
        unknown service) is dropped with its reason; a rate refusal raises, so SQS retries it."""
        service_id, _, _ = str(message["ref"]).rpartition(":")
        language = "en" if message.get("language") == "en" else "fr"
        try:
            request = FeedbackIn(
                service_id=service_id, rating=int(message["value"]), language=language, channel=Channel.SMS
            )
            outcome = self._intake.submit(request, SMS_SOURCE, once_key=str(message["answer_key"]))
        except Problem as refused:
            if refused.status == 429:
                raise
            logger.info("SMS rating refused", extra={"service_id": service_id, "slug": refused.slug})
            return "refused"
        except ValueError:  # pydantic: a rating out of 1..5 or a malformed service id
            logger.info("SMS rating unreadable", extra={"service_id": service_id})
            return "refused"
        return outcome.result
