"""The exchange's work queue: push jobs (pushing.py) and files over 1 MB (file_publishing.py).

A push that must be tried again holds its own message back for the retry's delay (the queue's
visibility), and is reported failed, so SQS gives it again then, its receive count being the attempt
number; the queue's dead-letter queue is only for a worker that keeps crashing on a message.
"""

import json
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import clock, events
from numeriqc.core.batch import consume
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.exchange import deps, push_retries


class PushPending(Exception):
    """The push failed and will be tried again after its delay (not an error of the worker)."""


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    def handle(record: SQSRecord) -> None:
        job = json.loads(record.body)
        if job.get("job") == "push":
            attempt = int(record.attributes.approximate_receive_count or 1)
            wait = deps.pushing().push(job, attempt, events.current())
            if wait is not None:
                sent = int(record.attributes.sent_timestamp) / 1000
                wait = push_retries.capped(wait, clock.now().timestamp() - sent)
                deps.work_queue().defer(record.receipt_handle, wait)
                raise PushPending(f"attempt {attempt}, next in {wait} s")
        elif job.get("job") == "upload":
            report = deps.file_publishing().process(job["org_id"], job["dataset_id"], job["upload_id"])
            status = report.status if report else "settled"
            logger.info("upload processed", extra={"upload_id": job["upload_id"], "status": status})
        else:
            logger.warning("unknown job set aside", extra={"message_id": record.message_id})

    return consume(event, context, handle)
