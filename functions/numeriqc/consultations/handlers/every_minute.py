"""Every minute (EventBridge rate rule): record the windows that opened or closed and announce them,
and send the consultations with new votes to the analysis queue (window_schedule.py)."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.consultations import deps, window_schedule
from numeriqc.core import clock, events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, int]:
    done = window_schedule.run(deps.store(), deps.analysis_queue(), events.current(), clock.now())
    logger.info("consultations schedule run", extra=done)
    return done
