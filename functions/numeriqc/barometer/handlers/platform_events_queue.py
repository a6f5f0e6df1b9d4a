"""The platform measures itself: the services' events (SNS family topics -> this queue) become the
automatic indicators' figures (platform_figures.FIGURES). No service calls the barometer.

Each record is one CloudEvent, counted once (its id is claimed in the figures' transaction). A
batch is counted in one transaction (`platform_figures.count_together`): a bulk's statuses all move
the same three periods, so one write per period instead of one per event. When that transaction
cannot be (a record unreadable, an event already counted, a conflict), the batch is counted record
by record as before, each failure reported on its own. When a batch changed figures, one
`barometer.figures.recorded.v1` names the indicators, published when the invocation returns: it is
what regenerates the public site (debounced by the site's queue).
"""

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.barometer import deps, platform_figures
from numeriqc.barometer.ports import Figure, FigureRecords
from numeriqc.barometer.strategy import PLATFORM_OWNER
from numeriqc.core import batch, clock, events
from numeriqc.core.events import CloudEvent, cloud_event, publishes_events
from numeriqc.core.observability import logger, metrics, tracer


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    changed: set[str] = set()
    store = deps.store()

    def count(record: SQSRecord) -> None:
        received = CloudEvent.model_validate(batch.sns_message(record.body))
        figures = platform_figures.count_event(store, received, int(clock.now().timestamp()))
        changed.update(figure.indicator_id for figure in figures)

    together = _count_together(store, event)
    if together is not None:
        changed.update(figure.indicator_id for figure in together)
        answer: dict[str, Any] = {"batchItemFailures": []}
    else:
        answer = batch.consume(event, context, count)
    if changed:
        logger.info("figures recorded", extra={"indicators": len(changed)})
        now = clock.now()
        data = {"indicator_ids": sorted(changed)}
        events.current().emit(
            cloud_event("barometer", "figures.recorded", PLATFORM_OWNER, data, clock=lambda: now)
        )
    return answer


def _count_together(store: FigureRecords, event: dict[str, Any]) -> list[Figure] | None:
    """The batch's figures in one transaction, or None to count it record by record."""
    try:
        received = [CloudEvent.model_validate(batch.sns_message(SQSRecord(r).body)) for r in event["Records"]]
        return platform_figures.count_together(store, received, int(clock.now().timestamp()))
    except Exception as error:
        logger.info("batch counted record by record", extra={"error_type": type(error).__name__})
        return None
