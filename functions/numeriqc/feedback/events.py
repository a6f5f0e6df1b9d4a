"""What organizations hear about new feedback: CloudEvents built from the table's stream. Pure logic.

`feedback.received.v1` carries the rating, drivers, channel and language, never the comment or a
contact (a subscriber's endpoint is outside our retention rules). `feedback.low-rating.v1` follows
for ratings at or under the threshold: organizations that want alerts subscribe to that type only.
Event ids derive from the submission, so a record delivered twice gives events a subscriber can
recognise as the same.
"""

from datetime import datetime
from typing import Any

from numeriqc.core.events import CloudEvent, cloud_event


def events_for(item: dict[str, Any], low_rating_max: int) -> list[CloudEvent]:
    received_at = datetime.fromisoformat(item["received_at"])
    data = {
        "feedback_id": item["feedback_id"],
        "service_id": item["service_id"],
        "rating": int(item["rating"]),
        "drivers": dict(item.get("drivers") or {}),
        "has_comment": bool(item.get("has_comment")),
        "channel": item.get("channel"),
        "language": item.get("language"),
        "received_at": item["received_at"],
    }
    found = [_event("received", item, data, received_at)]
    if int(item["rating"]) <= low_rating_max:
        found.append(_event("low-rating", item, data, received_at))
    return found


def _event(name: str, item: dict[str, Any], data: dict[str, Any], when: datetime) -> CloudEvent:
    event = cloud_event("feedback", name, item["org_id"], data, clock=lambda: when)
    return event.model_copy(update={"id": f"{item['feedback_id']}.{name}"})
