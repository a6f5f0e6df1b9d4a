"""The public site's changes: barometer events (the barometer topic -> this queue, filtered to the
events that change figures) publish the site, at most once per `site_schedule.INTERVAL`.

A batch is one change whatever its size: the site publishes at once if it is quiet, or is marked
pending for the catch-up rule (handlers/every_day.py) otherwise. Its records succeed or fail
together: a failed publication fails the batch, which SQS retries (and the site stays pending).
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
    publication = deps.site_schedule(events.current()).changed()
    records = len(event.get("Records") or [])
    if publication is None:
        logger.info("site pending", extra={"records": records})
    else:
        extra = {"records": records, "files": publication.files, "written": len(publication.written)}
        logger.info("site published", extra=extra)
    return {"batchItemFailures": []}
