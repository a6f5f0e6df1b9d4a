"""Platform SMS queue (SQS): transactional SMS other platform services ask for (platform_sms.py)."""

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import batch, clock
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import deps


def send(record: SQSRecord) -> None:
    deps.platform_sms().send(record.body, clock.now())


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    return batch.consume(event, lambda_context, send)
