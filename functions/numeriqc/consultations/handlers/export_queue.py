"""Export queue consumer (SQS, one job per message): writes a consultation's answers, votes,
statements or analysis to S3 as open data (export_jobs.py, export_files.py). Idempotent per job (a
finished job is skipped); a failure marks the job failed and reports the message failed
(`core.batch.consume`), so it is retried and, after the queue's maximum receives, kept in the
dead-letter queue, which alarms."""

import json
import secrets
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.consultations import deps
from numeriqc.core import batch
from numeriqc.core.observability import logger, metrics, tracer


def run_job(record: SQSRecord) -> None:
    job = json.loads(record.body)
    consultation_id, export_id = str(job["consultation_id"]), str(job["export_id"])
    # A fresh salt per export, never stored: the vote pseudonyms of two exports cannot be joined.
    rows = deps.export_jobs().run(
        consultation_id, export_id, deps.store(), deps.files(), secrets.token_bytes(32)
    )
    logger.info("export", extra={"consultation_id": consultation_id, "export_id": export_id, "rows": rows})


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return batch.consume(event, context, run_job)
