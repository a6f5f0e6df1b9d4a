"""`notifications.status.v1` events (the notifications topic -> a queue) -> Notify-style callbacks.

One record, one event, one POST (status_callbacks.py): a receiver that fails after the retries
fails its record alone, SQS retries it, and the dead-letter queue (with its alarm) keeps it when
the receives run out. A notification no longer readable (erased) has nothing to announce: dropped.
"""

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import batch, clock
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.core.problems import NotFound
from numeriqc.notifications import deps


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    callbacks = deps.status_callbacks()

    def deliver(record: SQSRecord) -> None:
        cloud_event = batch.sns_message(record.body)
        org_id, notification_id = str(cloud_event["orgid"]), str(cloud_event["data"]["id"])
        try:
            sent = callbacks.deliver(org_id, notification_id, clock.now())
        except NotFound:
            logger.info("callback skipped: notification gone", extra={"notification_id": notification_id})
            return
        if sent:
            logger.info("callback delivered", extra={"org_id": org_id, "notification_id": notification_id})

    return batch.consume(event, lambda_context, deliver)
