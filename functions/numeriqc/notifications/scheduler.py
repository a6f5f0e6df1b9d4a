"""Every minute (EventBridge rate rule): queue what has come due (due.py), and close the claims a
crashed sender left `sending` without a provider id (sweeper.py). One rule, one function: both are
a few Queries of the service's own table on a timer."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import due, sweeper, timing
from numeriqc.notifications.context import context


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    ctx = context()
    queued = due.run(ctx, timing.now())
    swept = sweeper.run(ctx, timing.now())
    logger.info("scheduler run", extra={"queued": queued, "swept": swept})
    return {"queued": queued, "swept": swept}
