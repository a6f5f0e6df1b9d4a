"""Bulk lane (the planning queue, one message per slice of a job): the slice -> notifications and
channel messages. A failed slice is retried by SQS alone, its events dropped with it."""

import json
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import batch, clock, events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import deps


def plan(record: SQSRecord) -> None:
    slice_plan = json.loads(record.body)
    if not deps.slice_planner().plan_slice(slice_plan, clock.now(), events.current()):
        logger.info(
            "nothing to plan", extra={"job_id": slice_plan.get("job"), "slice": slice_plan.get("slice")}
        )


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    return batch.consume(event, lambda_context, plan)
