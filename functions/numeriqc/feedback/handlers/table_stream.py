"""Table stream consumer: new submissions become `feedback.received.v1` (and low-rating) events.

The API's write stays one round trip; events cost a share of a PutEvents of 10. Records are
published in groups of at most 10 events (`announcements.announce`); a group EventBridge refuses
(after the publisher's retries) marks its records failed, and Powertools' BatchProcessor reports
them, so the stream retries from the first of them (bisecting on error) and, when retries run out,
the batch goes to the on-failure queue: nothing accepted is lost. Event ids are stable, so a
retried record's events can be recognised by subscribers.

A record that cannot be read never wedges the stream: it is set aside on its own, logged by
sequence number, event name and error type (never its content: it may hold a comment) and counted
in the `FeedbackStreamRecordsUnreadable` metric; the records around it are announced. Retrying it
would fail the same way while holding every later record of its shard behind it.

Publishing per group, inside the invocation, is the batch-failure contract: nothing is kept for a
later invocation, and a group's success or failure is known before the batch is answered.
"""

from typing import Any

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.events import EventPublisher, EventPublishFailed
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.feedback import deps
from numeriqc.feedback.announcements import Unreadable, announce

processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def publish(records: list[dict[str, Any]], publisher: EventPublisher, low_rating_max: int) -> set[str]:
    """Publish the events of `records` group by group; answers the failed sequence numbers."""
    found, unreadable = announce(records, low_rating_max)
    report_unreadable(unreadable)
    failed: set[str] = set()
    for group in found:
        try:
            publisher.publish([event for _, events in group for event in events])
        except Exception as error:  # refused entries, throttling, a missing bus: these records retry
            logger.warning("event group not published", extra={"error_type": type(error).__name__})
            failed.update(sequence for sequence, _ in group)
    return failed


def report_unreadable(unreadable: list[Unreadable]) -> None:
    for record in unreadable:
        logger.error(
            "stream record skipped: it cannot be announced",
            extra={
                "sequence_number": record.sequence,
                "event_name": record.event_name,
                "error_type": record.error_type,
            },
        )
    if unreadable:
        metrics.add_metric(
            name="FeedbackStreamRecordsUnreadable", unit=MetricUnit.Count, value=len(unreadable)
        )


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    failed = publish(event.get("Records") or [], deps.publisher(), deps.config().low_rating_max)
    if failed:
        logger.warning("events not published", extra={"records": len(failed)})

    def check(record: DynamoDBRecord) -> None:
        if record.dynamodb and record.dynamodb.sequence_number in failed:
            raise EventPublishFailed(f"record {record.dynamodb.sequence_number} not published")

    return dict(
        process_partial_response(event=event, record_handler=check, processor=processor, context=context)
    )
