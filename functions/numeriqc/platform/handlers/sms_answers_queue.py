"""SMS answers queue (SQS): replies the notification service routed to the question that asked them
(`{sender, ref, answer_key, value, language}`, notifications/sms_questions.py), handed to the
asking service's own rule: consultations' SMS polls, feedback's ratings.

One function and one queue for every asking service rather than one each: the CloudFormation stack
is near its 500-resource limit, and a consumer of its own costs about eleven resources (function,
role, policy, log group, alarms, queue, dead-letter queue, policies, mapping). This function is
granted each asking service's table; it never reads a number, only keys made by notifications.
"""

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.consultations import deps as consultations
from numeriqc.core import batch
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.feedback import deps as feedback

COUNTERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "consultations": lambda message: consultations.sms_polls().count(message),
    "feedback": lambda message: feedback.sms_ratings().record(message),
}


def count(record: SQSRecord) -> None:
    message = record.json_body
    sender = str(message.get("sender"))
    outcome = COUNTERS[sender](message)  # an unknown sender is a bug: failed, then dead-lettered
    logger.info("SMS answer", extra={"sender": sender, "outcome": outcome})  # never the key nor the value


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    return batch.consume(event, lambda_context, count)
