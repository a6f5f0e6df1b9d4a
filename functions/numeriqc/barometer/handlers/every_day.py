"""Every day: the public site is published again, because statuses move with the calendar alone
(a target's date passes, `future` becomes `not_available` or `not_met`) without any new report.

Publishing is idempotent and writes only the files whose content changed, so a day on which no
status moved costs the reads and nothing else. A failed run raises: the rule's retries apply, and
the function's error alarm reports it.
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
    logger.info("site published", extra={"files": publication.files, "written": len(publication.written)})
    return {"files": publication.files, "written": len(publication.written)}
