"""Senders (email and SMS functions share this code): channel messages -> SES v2 or SNS, once each."""

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import delivery
from numeriqc.notifications.consumers import consume
from numeriqc.notifications.context import context, registry
from numeriqc.notifications.records import ChannelMessage


def handle(record: SQSRecord) -> None:
    delivery.deliver(context(), registry(), ChannelMessage.model_validate_json(record.body))


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    return consume(event, lambda_context, handle)
