"""SES events (configuration set -> SNS -> SQS) -> statuses and status events.

Each record is parsed on its own (a malformed one fails alone and ends in the DLQ); the batch's
status changes are then written together (transactions of 100). Writing them is all-or-nothing for
the parsed records: raising retries them, which is harmless (the transitions are conditional).
"""

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import batch, clock, events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import deps, email_receipts
from numeriqc.notifications.delivery_outcomes import Outcome


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    outcomes: list[Outcome] = []

    def parse(record: SQSRecord) -> None:
        found = email_receipts.outcome(batch.sns_message(record.body))
        if found:
            outcomes.append(found)

    result = batch.consume(event, lambda_context, parse)
    deps.delivery_outcomes().apply(events.current(), outcomes, clock.now())
    return result
