"""The public site's generator: barometer events (the barometer topic -> this queue, filtered to the
events that change figures) regenerate the static site into its bucket.

The queue is the debounce: infra gives it a batching window, so a burst of reports becomes one
publication, and publishing is idempotent (only files whose content changed are written), so
the batch's records are all answered by that one publication: they succeed or fail together.
"""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.barometer import deps
from numeriqc.core import events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    publication = deps.site_publisher().publish(events.current())
    logger.info(
        "site published",
        extra={
            "records": len(event.get("Records") or []),
            "files": publication.files,
            "written": len(publication.written),
        },
    )
    return {"batchItemFailures": []}
