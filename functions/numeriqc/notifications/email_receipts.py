"""Email delivery receipts: which SES events (configuration set -> SNS -> SQS) mean which status.

Only the tags the sender put on the message (organization, notification) identify it: an SES event
names no address we read. `DeliveryOutcomes.apply` writes what this decides.
"""

from typing import Any

from numeriqc.notifications.delivery_outcomes import Outcome
from numeriqc.notifications.models import Status


def outcome(event: dict[str, Any]) -> Outcome | None:
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
