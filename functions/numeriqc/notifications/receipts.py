"""Delivery receipts: SES events (configuration set -> SNS -> SQS) -> statuses and status events.

Each record is parsed on its own (a malformed one fails alone and ends in the DLQ); the batch's
status changes are then written together (transactions of 100, PutEvents by 10). The transition
is conditional on `sending`, so a redelivered receipt changes nothing and emits nothing twice.
"""

import json
from collections import defaultdict
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import consent, timing
from numeriqc.notifications.context import Context, context
from numeriqc.notifications.models import Status
from numeriqc.notifications.records import status_event
from numeriqc.notifications.store import org_pk


def outcome(event: dict[str, Any]) -> tuple[str, str, Status, str | None] | None:
    """(org, notification id, status, reason) of an SES event, or None for events we do not track."""
    kind = event.get("eventType") or event.get("notificationType")
    tags = event.get("mail", {}).get("tags", {})
    org, notification = (tags.get("org") or [None])[0], (tags.get("notification") or [None])[0]
    if not org or not notification:
        return None
    if kind == "Delivery":
        return org, notification, Status.DELIVERED, None
    if kind == "Bounce":
        bounce = event.get("bounce", {}).get("bounceType")
        status = Status.PERMANENT_FAILURE if bounce == "Permanent" else Status.TEMPORARY_FAILURE
        return org, notification, status, f"bounce-{str(bounce).lower()}"
    if kind == "Complaint":
        return org, notification, Status.DELIVERED, "complaint"
    if kind in ("Reject", "Rendering Failure", "RenderingFailure"):
        return org, notification, Status.TECHNICAL_FAILURE, str(kind).lower()
    return None


def ses_event(body: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(body)
    if payload.get("Type") == "Notification" and "Message" in payload:
        payload = json.loads(payload["Message"])
    return payload


def apply(ctx: Context, outcomes: list[tuple[str, str, Status, str | None]]) -> None:
    now = timing.now()
    groups: dict[tuple[Status, str | None], list[tuple[str, str]]] = defaultdict(list)
    complaints = []
    for org, notification, status, reason in outcomes:
        if reason == "complaint":
            complaints.append((org, notification))
            continue
        groups[(status, reason)].append((org_pk(org), f"N#{notification}"))
    for (status, reason), keys in groups.items():
        values: dict[str, Any] = {
            "status": status.value,
            "updated_at": now.isoformat(),
            "completed_at": now.isoformat(),
        }
        if reason:
            values["failure_reason"] = reason
        moved = ctx.store.transition(keys, [Status.SENDING.value], values)
        if not moved:
            continue
        items = ctx.store.get_many(sorted(moved))
        jobs: dict[tuple[str, str], int] = defaultdict(int)
        for item in items.values():
            org = item["pk"].removeprefix("ORG#")
            ctx.emit(status_event({**item, "org": org}, now))
            if item.get("job_id"):
                jobs[(org, item["job_id"])] += 1
        for (org, job), count in jobs.items():
            ctx.store.update(org_pk(org), f"JOB#{job}", add={"n_sending": -count, f"n_{status.value}": count})
    if complaints:  # a spam complaint withdraws the organization's consent for that address
        items = ctx.store.get_many([(org_pk(org), f"N#{nid}") for org, nid in complaints])
        for item in items.values():
            if item.get("rh"):
                consent.withdraw(
                    ctx.store, item["pk"].removeprefix("ORG#"), "email", item["rh"], by="complaint", now=now
                )
    ctx.flush()


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    outcomes: list[tuple[str, str, Status, str | None]] = []

    def parse(record: SQSRecord) -> None:
        found = outcome(ses_event(record.body))
        if found:
            outcomes.append(found)

    result: dict[str, Any] = process_partial_response(  # type: ignore[assignment]
        event=event,
        record_handler=parse,
        processor=BatchProcessor(event_type=EventType.SQS),
        context=lambda_context,
    )
    apply(context(), outcomes)  # all-or-nothing for the parsed records: raising retries them (idempotent)
    return result
