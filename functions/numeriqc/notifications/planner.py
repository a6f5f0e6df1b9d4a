"""Planner (bulk lane): one slice of a bulk job -> notifications and channel messages."""

import json
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import bulk, timing
from numeriqc.notifications.consumers import consume
from numeriqc.notifications.context import context, registry


def handle(record: SQSRecord) -> None:
    plan = json.loads(record.body)
    if not bulk.plan_slice(context(), registry(), plan, timing.now()):
        logger.info("nothing to plan", extra={"job_id": plan.get("job"), "slice": plan.get("slice")})


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    return consume(event, lambda_context, handle)
