"""Every SQS consumer's shape: Powertools BatchProcessor with partial batch failures.

Each record is processed on its own; a failed record is reported back (ReportBatchItemFailures),
retried by SQS, and after the queue's maximum receives moved to its dead-letter queue, while the
rest of its batch completes. Each record collects its events apart: a failed record's events are
dropped with it, a succeeded record's join the invocation's buffer (`core.events`). Logs carry
ids and error types, never a recipient or content.

A record whose handler raises `Postponed` fails the same way, but first its visibility is set to
the time it asked for (at most SQS's 12 hours), so SQS gives it back then rather than after the
queue's visibility timeout; it costs one receive of the queue's maximum, once per postponement.

A batch whose every record failed is answered the same way (every record listed as failed) rather
than by raising: SQS retries exactly the same messages either way, and the invocation still
returns, so events a handler emitted at the invocation's level (facts already written, such as a
sender's final outcomes before a throttled remainder) are published by `publishes_events`.
"""

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import aws, events
from numeriqc.core.observability import logger
from numeriqc.core.postponement import Postponed

MAX_VISIBILITY_SECONDS = 43_200  # SQS's limit: 12 hours


def consume(
    event: dict[str, Any], context: LambdaContext, handle: Callable[[SQSRecord], None]
) -> dict[str, Any]:
    """Run `handle` on every SQS record of `event`; answers the partial batch response."""
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)

    def record_handler(record: SQSRecord) -> None:
        try:
            with events.collected():
                handle(record)
        except Postponed as error:
            _postpone(record, error.seconds)
            logger.info(
                "record postponed", extra={"message_id": record.message_id, "seconds": int(error.seconds)}
            )
            raise
        except Exception as error:
            # Type and message id only: an exception's text may quote a recipient.
            logger.warning(
                "record failed", extra={"message_id": record.message_id, "error_type": type(error).__name__}
            )
            raise

    result: dict[str, Any] = process_partial_response(  # type: ignore[assignment]
        event=event, record_handler=record_handler, processor=processor, context=context
    )
    return result


def _postpone(record: SQSRecord, seconds: float) -> None:
    """The record comes back in `seconds` (12 hours at most; it then postpones itself again)."""
    aws.client("sqs").change_message_visibility(
        QueueUrl=queue_url(record.event_source_arn),
        ReceiptHandle=record.receipt_handle,
        VisibilityTimeout=max(0, min(MAX_VISIBILITY_SECONDS, int(seconds))),
    )


@cache
def queue_url(arn: str) -> str:
    """The URL of the queue `arn` names, as the endpoint in use spells it (once per container)."""
    _, _, _, _, account, name = arn.split(":", 5)
    url: str = aws.client("sqs").get_queue_url(QueueName=name, QueueOwnerAWSAccountId=account)["QueueUrl"]
    return url


def forget_queue_urls() -> None:
    """Tests that start a fresh moto call this (local/pytest_plugin.py's kernel resets)."""
    queue_url.cache_clear()


def sns_message(body: str) -> dict[str, Any]:
    """The JSON payload of an SQS body, whether SNS delivered it raw or inside its envelope."""
    payload: dict[str, Any] = json.loads(body)
    if payload.get("Type") == "Notification" and "Message" in payload:
        payload = json.loads(payload["Message"])
    return payload
