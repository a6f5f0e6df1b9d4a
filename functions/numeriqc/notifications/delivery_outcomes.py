"""What providers report after a send (SES events, SNS SMS delivery-status logs) -> final statuses.

The batch's status changes are written together (transactions of 100), each announced by a status
event. The transition is conditional on `sending`, so a redelivered receipt changes nothing and
emits nothing twice. A spam complaint withdraws the organization's consent for that address.
"""

from collections import defaultdict
from datetime import datetime
from typing import Any

from numeriqc.notifications import consent
from numeriqc.notifications.adapters.table import notification_key, org_of
from numeriqc.notifications.models import Status
from numeriqc.notifications.ports import EventSink, Table
from numeriqc.notifications.records import status_event

# (organization, notification id, status, failure reason or "complaint")
Outcome = tuple[str, str, Status, str | None]


def apply(table: Table, events: EventSink, outcomes: list[Outcome], now: datetime) -> None:
    groups: dict[tuple[Status, str | None], list[tuple[str, str]]] = defaultdict(list)
    complaints = []
    for org, notification, status, reason in outcomes:
        if reason == "complaint":
            complaints.append((org, notification))
            continue
        groups[(status, reason)].append(notification_key(org, notification))
    for (status, reason), keys in groups.items():
        values: dict[str, Any] = {
            "status": status.value,
            "updated_at": now.isoformat(),
            "completed_at": now.isoformat(),
        }
        if reason:
            values["failure_reason"] = reason
        moved = table.transition(keys, [Status.SENDING.value], values)
        if not moved:
            continue
        items = table.get_many(sorted(moved))
        jobs: dict[tuple[str, str], int] = defaultdict(int)
        for item in items.values():
            org = org_of(item["pk"])
            events.emit(status_event({**item, "org": org}, now))
            if item.get("job_id"):
                jobs[(org, item["job_id"])] += 1
        for (org, job), count in jobs.items():
            table.count_in_job(org, job, {"sending": -count, status.value: count})
    if complaints:  # a spam complaint withdraws the organization's consent for that address
        items = table.get_many([notification_key(org, nid) for org, nid in complaints])
        for item in items.values():
            if item.get("rh"):
                consent.withdraw(table, org_of(item["pk"]), "email", item["rh"], by="complaint", now=now)
