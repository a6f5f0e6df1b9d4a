"""Every minute (EventBridge rate rule): queue what has come due (see due.py)."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import due, timing
from numeriqc.notifications.context import context


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    queued = due.run(context(), timing.now())
    logger.info("scheduler run", extra={"queued": queued})
    return {"queued": queued}
