"""What organizations hear about their consultations: CloudEvents, built from records. Pure logic.

`consultations.opened.v1`, `closed.v1`, `results.published.v1` and `statement.submitted.v1`.
Events carry ids, status and dates (closed.v1 also the number of participants, which the
barometer counts), never free text nor anything about a participant (a
subscriber's endpoint is outside our retention rules, and a ballot is secret). Event ids derive
from the consultation and the transition, so a schedule run twice announces the same event.
"""

from datetime import datetime
from typing import Any

from numeriqc.core.events import CloudEvent, cloud_event

FAMILY = "consultations"


def announcement(
    name: str, item: dict[str, Any], when: datetime, participants: int | None = None
) -> CloudEvent:
    data = {
        "consultation_id": item["consultation_id"],
        "status": item["status"],
        "opens_at": item.get("opens_at"),
        "closes_at": item.get("closes_at"),
    }
    if participants is not None:  # closed.v1: how many took part, a count only (the ballot is secret)
        data["participants"] = participants
    event = cloud_event(FAMILY, name, item["org_id"], data, clock=lambda: when)
    return event.model_copy(update={"id": f"{item['consultation_id']}.{name}"})


def statement_submitted(org_id: str, consultation_id: str, statement_id: str, when: datetime) -> CloudEvent:
    """A citizen's statement awaits moderation (the text stays in the service, redacted)."""
    data = {"consultation_id": consultation_id, "statement_id": statement_id, "status": "pending"}
    event = cloud_event(FAMILY, "statement.submitted", org_id, data, clock=lambda: when)
    return event.model_copy(update={"id": f"{consultation_id}.{statement_id}.submitted"})
