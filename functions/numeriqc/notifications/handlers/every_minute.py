"""Every minute (EventBridge rate rule): queue what has come due (coming_due.py), and close the
claims a crashed sender left `sending` without a provider id (sweeper.py). One rule, one function:
both are a few Queries of the service's own table on a timer."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import clock, events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import deps, sweeper


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    queued = deps.coming_due().run(clock.now())
    swept = sweeper.run(deps.table(), events.current(), clock.now())
    logger.info("scheduler run", extra={"queued": queued, "swept": swept})
    return {"queued": queued, "swept": swept}
