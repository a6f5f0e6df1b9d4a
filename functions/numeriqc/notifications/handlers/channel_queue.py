"""A channel's lanes (priority and bulk queues; the email and SMS functions share this handler):
channel messages -> SES v2 or SNS, at most once per recipient.

Outcomes a message recorded are final even when the attempt stops early and the message fails to
be retried (`channel_delivery.Interrupted`: throttling, a provider error, the invocation running
out of time): their status events go to the invocation's buffer, not the record's, so they are
published although the record fails (nothing would ever announce them again: the retry finds them
already moved). `core.batch.consume` answers even a batch that failed whole, so the invocation
returns and `publishes_events` publishes them. The sender stops before Lambda's timeout (it is
told the invocation's remaining time), leaving what it did not attempt `queued` for the retry.
"""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import batch, events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import deps
from numeriqc.notifications.records import ChannelMessage


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    recorded = events.current()
    delivery = deps.channel_delivery()
    return batch.consume(
        event,
        lambda_context,
        lambda record: delivery.deliver(
            ChannelMessage.model_validate_json(record.body),
            recorded,
            lambda_context.get_remaining_time_in_millis,
        ),
    )
