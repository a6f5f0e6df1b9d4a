"""SNS SMS delivery-status logs (CloudWatch Logs subscription filters, invoked asynchronously) ->
statuses and status events. The lines hold phone numbers: no line is ever logged, only counts."""

from typing import Any

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import clock, events
from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import deps, sms_receipts
from numeriqc.notifications.sms_receipts import Receipt, Unreadable


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, int]:
    found: list[Receipt] = []
    unreadable = 0
    for line in sms_receipts.log_lines(event):
        try:
            found.append(sms_receipts.receipt(line))
        except Unreadable:
            unreadable += 1  # the line itself is never logged: it holds a phone number
    known = 0
    if found:
        outcomes = sms_receipts.known_outcomes(deps.table(), found)
        deps.delivery_outcomes().apply(events.current(), outcomes, clock.now())
        known = len(outcomes)
    metrics.add_metric(name="SmsReceipts", unit=MetricUnit.Count, value=len(found))
    if unreadable:
        metrics.add_metric(name="SmsReceiptsUnreadable", unit=MetricUnit.Count, value=unreadable)
    logger.info("sms receipts", extra={"receipts": len(found), "known": known, "unreadable": unreadable})
    return {"receipts": len(found), "known": known, "unreadable": unreadable}
