"""Analysis queue consumer (SQS, one consultation per message): merge the votes changed since into
the consultation's vote matrix file, recompute its opinion groups and store the snapshot
(analysis.py, vote_matrix.py, opinion_groups.py). Idempotent: a message handled
twice stores the same snapshot twice; at most one message a minute per consultation arrives."""

import json
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.consultations import deps
from numeriqc.core import batch
from numeriqc.core.observability import logger, metrics, tracer


def recompute(record: SQSRecord) -> None:
    consultation_id = str(json.loads(record.body)["consultation_id"])
    done = deps.analyses().recompute(consultation_id)
    if done is None:
        # No vote yet, or another run recorded a newer matrix meanwhile (its snapshot stands).
        logger.info("analysis skipped", extra={"consultation_id": consultation_id})
        return
    logger.info(
        "analysis",
        extra={
            "consultation_id": consultation_id,
            "votes_covered": done["votes_covered"],
            "participants": done["participants"],
            "groups": len(done["groups"]),
        },
    )


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return batch.consume(event, context, recompute)
