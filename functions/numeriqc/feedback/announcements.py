"""What organizations hear about new feedback: CloudEvents built from the table's stream, and how
they are grouped for publishing. Pure logic.

`feedback.received.v1` carries the rating, drivers, channel and language, never the comment or a
contact (a subscriber's endpoint is outside our retention rules). `feedback.low-rating.v1` follows
for ratings at or under the threshold: organizations that want alerts subscribe to that type only.
Event ids derive from the submission, so a record delivered twice gives events a subscriber can
recognise as the same.

Records are grouped so that each group's events fit one PutEvents request of at most 10 entries: a
group is published, or fails, as a whole, and the stream retries exactly the records of the groups
that failed.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from numeriqc.core.dynamo import from_item
from numeriqc.core.events import MAX_ENTRIES_PER_REQUEST, CloudEvent, cloud_event

# One record's events, by the record's stream sequence number.
Announcement = tuple[str, list[CloudEvent]]


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


def new_image(raw: dict[str, Any]) -> dict[str, Any] | None:
    """The submission a stream record inserted, or None for anything else (counters, triage, ...)."""
    image = (raw.get("dynamodb") or {}).get("NewImage")
    if raw.get("eventName") != "INSERT" or not image:
        return None
    item = from_item(image)
    return item if item.get("kind") == "feedback" else None


@dataclass(frozen=True)
class Unreadable:
    """A record that claims to insert a submission but cannot be announced: named, never quoted."""

    sequence: str
    event_name: str
    error_type: str


def announce(
    records: list[dict[str, Any]], low_rating_max: int
) -> tuple[list[list[Announcement]], list[Unreadable]]:
    """The events of `records` in order, grouped so that no group holds more than 10 events, and the
    records that could not be read.

    A record is read on its own: one that does not parse (a missing attribute, a rating that is not
    a number, a shape no writer of this table produces) is set aside and the others are announced.
    Retrying it would fail the same way, and would hold every later record of the shard behind it.
    """
    found: list[list[Announcement]] = []
    unreadable: list[Unreadable] = []
    group: list[Announcement] = []
    for raw in records:
        try:
            item = new_image(raw)
            if item is None:
                continue
            announcement = (str(raw["dynamodb"]["SequenceNumber"]), events_for(item, low_rating_max))
        except Exception as error:  # the record's content is never part of what is kept
            unreadable.append(Unreadable(_sequence(raw), str(raw.get("eventName")), type(error).__name__))
            continue
        events = announcement[1]
        if group and sum(len(queued) for _, queued in group) + len(events) > MAX_ENTRIES_PER_REQUEST:
            found.append(group)
            group = []
        group.append(announcement)
    if group:
        found.append(group)
    return found, unreadable


def _sequence(raw: Any) -> str:
    try:
        return str(raw["dynamodb"]["SequenceNumber"])
    except (KeyError, TypeError):
        return "unknown"
