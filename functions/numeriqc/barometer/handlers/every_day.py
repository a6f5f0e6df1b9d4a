"""The site's two rules (site_schedule.py): every day, the public site is published again, because
statuses move with the calendar alone (a target's date passes, `future` becomes `not_available` or
`not_met`) without any new report; every `site_schedule.INTERVAL` (input `{"catch_up": true}`),
what changed since the last publication, if anything did (the changes' queue only marks the site
pending while it was published recently).

Publishing is idempotent and writes only the files whose content changed, so a day on which no
status moved costs the reads and nothing else, and a catch-up with nothing pending one UpdateItem.
A failed run raises: the rule's retries apply, and the function's error alarm reports it.
"""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.barometer import deps
from numeriqc.barometer.site_schedule import CATCH_UP
from numeriqc.core import events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    schedule = deps.site_schedule(events.current())
    publication = schedule.catch_up() if event == CATCH_UP else schedule.daily()
    if publication is None:
        return {"files": 0, "written": 0}
    logger.info("site published", extra={"files": publication.files, "written": len(publication.written)})
    return {"files": publication.files, "written": len(publication.written)}
