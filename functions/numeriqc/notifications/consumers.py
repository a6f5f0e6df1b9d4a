"""Shared shape of the SQS consumers: Powertools BatchProcessor with partial batch failures.

Each record is processed on its own; a failed record is reported back (ReportBatchItemFailures),
retried by SQS, and after MAX_RECEIVE_COUNT receives moved to the dead-letter queue, while the
rest of its batch completes. Logs carry ids and counts, never a recipient or content.
"""

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger


def consume(
    event: dict[str, Any], context: LambdaContext, handle: Callable[[SQSRecord], None]
) -> dict[str, Any]:
    processor = BatchProcessor(event_type=EventType.SQS)

    def record_handler(record: SQSRecord) -> None:
        try:
            handle(record)
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
