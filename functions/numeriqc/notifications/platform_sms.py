"""Transactional SMS another platform service asks for (a consultation's verification code).

The narrow entry point into this service's own sending path: a message on the platform SMS queue
(`handlers/platform_sms_queue.py`) names a platform template (`platform_templates.py`), a number,
the values and the language. It is planned and sent exactly like an organization's one-off SMS
(`Acceptance.send_platform`: validation, the platform opt-out, test numbers, the encrypted outbox
record, the SMS priority lane, the sender's claims and receipts), with three differences that
come from the citizen having asked for it on the platform's own page: no organization's consent
record is needed (a STOP / ARRÊT still refuses it), no daily limit (the asking service rate-limits),
and no quiet hours (the citizen is waiting for the code).

A refused send (invalid number, the number replied STOP) is logged by reason and dropped: retrying
cannot change the answer. A message that is not a valid request is a bug of the asking service and
fails, to its dead-letter queue (which alarms).
"""

from datetime import datetime

from numeriqc.core.observability import logger
from numeriqc.core.problems import Problem
from numeriqc.notifications.acceptance import Acceptance
from numeriqc.notifications.models import PlatformSmsIn


class PlatformSms:
    def __init__(self, acceptance: Acceptance) -> None:
        self._acceptance = acceptance

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
        logger.info(
            "platform SMS queued",
            extra={"sender": request.sender, "template": request.template, "notification": notification.id},
        )
        return notification.id
