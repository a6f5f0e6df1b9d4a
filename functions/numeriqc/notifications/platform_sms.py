"""Transactional SMS another platform service asks for (a consultation's verification code).

The narrow entry point into this service's own sending path: a message on the platform SMS queue
(`handlers/platform_sms_queue.py`) names a platform template (`platform_templates.py`), a number,
the values and the language. It is planned and sent exactly like an organization's one-off SMS
(`Acceptance.send_platform`: validation, the platform opt-out, test numbers, the encrypted outbox
record, the SMS priority lane, the sender's claims and receipts), with three differences that
come from the citizen having asked for it on the platform's own page: no organization's consent
record is needed (a STOP / ARRÊT still refuses it), no daily limit (the asking service rate-limits),
and no quiet hours (the citizen is waiting for the code).

A message may carry a `question` asked for an organization (an SMS poll, a rating request): it is
then planned as that organization's send (its consent record is required, the quiet hours apply,
and a test key's send is simulated) and, once accepted, registered for routing the number's replies
back to the sender (`sms_questions.ask`; a test key's question is not: it was never sent).

A refused send (invalid number, the number replied STOP, no consent) is logged by reason and
dropped: retrying cannot change the answer. A message that is not a valid request is a bug of the
asking service and fails, to its dead-letter queue (which alarms).
"""

from datetime import datetime

from numeriqc.core.observability import logger
from numeriqc.core.problems import Problem
from numeriqc.notifications import addresses, sms_questions
from numeriqc.notifications.acceptance import Acceptance
from numeriqc.notifications.models import Channel, PlatformSmsIn
from numeriqc.notifications.ports import AskedQuestions, RecipientHasher


class PlatformSms:
    def __init__(
        self, acceptance: Acceptance, questions: AskedQuestions, hash_recipient: RecipientHasher
    ) -> None:
        self._acceptance = acceptance
        self._questions = questions
        self._hash_recipient = hash_recipient

    def send(self, body: str, now: datetime) -> str | None:
        """The notification id, or None when the send was refused (logged by reason, no number)."""
        request = PlatformSmsIn.model_validate_json(body)
        try:
            notification = self._acceptance.send_platform(request, now)
        except Problem as refused:
            logger.warning(
                "platform SMS refused",
                extra={
                    "sender": request.sender,
                    "template": request.template,
                    "reasons": sorted({error.code for error in refused.errors}) or [refused.slug],
                },
            )
            return None
        if request.question is not None and request.key_kind == "live":
            # A test key's question is simulated, never sent: registering it would let it take the
            # replies meant for a live question the number really received.
            number = addresses.normalise(Channel.SMS, request.phone_number)
            assert isinstance(number, str)  # accepted above, so valid
            rh = self._hash_recipient(addresses.hash_key(Channel.SMS, number))
            sms_questions.ask(
                self._questions, rh, request.sender, request.question, language=request.language, now=now
            )
        logger.info(
            "platform SMS queued",
            extra={"sender": request.sender, "template": request.template, "notification": notification.id},
        )
        return notification.id
