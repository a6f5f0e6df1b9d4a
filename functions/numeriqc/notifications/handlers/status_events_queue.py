"""`notifications.status.v1` events (the notifications topic -> a queue) -> Notify-style callbacks.

One record, one event, one POST (status_callbacks.py). Each record ends one way, with its reason
logged, and never fails the others of its batch:
- posted;
- skipped: the event names no organization or notification (`malformed event: ...`), the
  organization has no callback, or the notification is no longer readable (erased): retrying
  could never announce it;
- failed: the receiver failed after the retries (`CallbackFailed`) or a stored record could not be
  read (`Unannounceable`): SQS retries it and the dead-letter queue (with its alarm) keeps it when
  the receives run out, for a redrive.
"""

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import batch, clock
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.core.problems import NotFound
from numeriqc.notifications import deps
from numeriqc.notifications.ports import CallbackFailed
from numeriqc.notifications.status_callbacks import Unannounceable, target_of


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    callbacks = deps.status_callbacks()

    def deliver(record: SQSRecord) -> None:
        target = target_of(batch.sns_message(record.body))
        if isinstance(target, str):
            logger.warning("callback skipped", extra={"message_id": record.message_id, "reason": target})
            return
        ids = {"org_id": target.org_id, "notification_id": target.notification_id}
        try:
            sent = callbacks.deliver(target.org_id, target.notification_id, clock.now())
        except NotFound:
            logger.info("callback skipped", extra={**ids, "reason": "notification gone"})
            return
        except (CallbackFailed, Unannounceable) as error:
            logger.warning("callback failed", extra={**ids, "reason": str(error)})
            raise
        if sent:
            logger.info("callback delivered", extra=ids)

    return batch.consume(event, lambda_context, deliver)
