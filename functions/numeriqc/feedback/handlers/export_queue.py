"""Export queue consumer (SQS, one job per message): streams an organization's feedback into S3.

Idempotent per job (a finished job is skipped); a failure aborts the multipart upload and reports
the message failed (`core.batch.consume`), so it is retried and, after the queue's maximum
receives, kept in the dead-letter queue, which alarms.
"""

import json
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import batch
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.feedback import deps


def run_job(record: SQSRecord) -> None:
    job = json.loads(record.body)
    rows = deps.export_jobs().run(str(job["org_id"]), str(job["export_id"]), deps.upload_for)
    logger.info("export", extra={"export_id": job["export_id"], "org_id": job["org_id"], "rows": rows})


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return batch.consume(event, context, run_job)
