"""What providers report after a send (SES events, SNS SMS delivery-status logs) -> final statuses.

The batch's status changes are written together (transactions of 100), each announced by a status
event. The transition is conditional on `sending`, so a redelivered receipt changes nothing and
emits nothing twice. A spam complaint withdraws the organization's consent for that address; an
SMS receipt saying the number is opted out (the carrier's or SNS's list) puts the number on the
platform-wide opt-out, as its STOP reply would have: every organization's later sends to it are
refused before they reach a provider, until the citizen's START.
"""

from collections import defaultdict
from datetime import datetime
from typing import Any

from numeriqc.notifications import consent
from numeriqc.notifications.models import Status
from numeriqc.notifications.ports import ConsentRecords, EventSink, NotificationRecords
from numeriqc.notifications.records import status_event

# (organization, notification id, status, failure reason or "complaint")
Outcome = tuple[str, str, Status, str | None]
OPTED_OUT = "opted-out"  # the failure reason of an SMS receipt naming an opted-out number


class DeliveryOutcomes:
    def __init__(self, records: NotificationRecords, consents: ConsentRecords) -> None:
        self._records = records
        self._consents = consents

    def apply(self, events: EventSink, outcomes: list[Outcome], now: datetime) -> None:
        records = self._records
        groups: dict[tuple[Status, str | None], list[tuple[str, str]]] = defaultdict(list)
        complaints = []
        for org, notification, status, reason in outcomes:
            if reason == "complaint":
                complaints.append((org, notification))
                continue
            groups[(status, reason)].append((org, notification))
        for (status, reason), refs in groups.items():
            values: dict[str, Any] = {
                "status": status.value,
                "updated_at": now.isoformat(),
                "completed_at": now.isoformat(),
            }
            if reason:
                values["failure_reason"] = reason
            moved = records.transition(refs, [Status.SENDING.value], values)
            if not moved:
                continue
            items = records.notifications(sorted(moved))
            jobs: dict[tuple[str, str], int] = defaultdict(int)
            for (org, _), item in items.items():
                events.emit(status_event({**item, "org": org}, now))
                if reason == OPTED_OUT and item.get("channel") == "sms" and item.get("rh"):
                    consent.opt_out(self._consents, "sms", item["rh"], now, source="sms-receipt")
                if item.get("job_id"):
                    jobs[(org, item["job_id"])] += 1
            for (org, job), count in jobs.items():
                records.count_in_job(org, job, {"sending": -count, status.value: count})
        if complaints:  # a spam complaint withdraws the organization's consent for that address
            for (org, _), item in records.notifications(complaints).items():
                if item.get("rh"):
                    consent.withdraw(self._consents, org, "email", item["rh"], by="complaint", now=now)
