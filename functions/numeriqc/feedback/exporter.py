"""Export worker (SQS, one job per message): streams an organization's feedback into S3.

Idempotent per job (a finished job is skipped); a failure aborts the multipart upload and reports
the message failed, so it is retried and, after the queue's maximum receives, kept in the
dead-letter queue, which alarms.
"""

import json
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import aws
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.feedback import deps
from numeriqc.feedback.models import ExportFormat
from numeriqc.feedback.uploads import MultipartUpload

processor = BatchProcessor(event_type=EventType.SQS)


def run_job(record: SQSRecord) -> None:
    job = json.loads(record.body)
    bucket = deps.config().exports_bucket

    def upload_for(key: str, export_format: ExportFormat) -> MultipartUpload:
        return MultipartUpload(aws.client("s3"), bucket, key, export_format)

    rows = deps.exports().run(str(job["org_id"]), str(job["export_id"]), upload_for)
    logger.info("export", extra={"export_id": job["export_id"], "org_id": job["org_id"], "rows": rows})


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return dict(
        process_partial_response(event=event, record_handler=run_job, processor=processor, context=context)
    )
