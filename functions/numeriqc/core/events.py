"""CloudEvents 1.0 on the platform bus: what organizations receive on their event topics.

Every service publishes through `EventPublisher`: events are sent with EventBridge `PutEvents` in
requests of at most 10 entries and 256 KiB, and an entry EventBridge refuses is retried, then
raised, so the caller's batch fails and at-least-once delivery holds.
"""

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from numeriqc.core.clock import Clock, system_clock
from numeriqc.core.ids import new_ulid

# One SNS topic per family; organizations subscribe to families (infra reads this tuple).
EVENT_FAMILIES: tuple[str, ...] = (
    "feedback",
    "notifications",
    "consultations",
    "exchange",
    "barometer",
    "organizations",
)
TYPE_PREFIX = "ca.qc.numeriqc."
MAX_ENTRIES_PER_REQUEST = 10
MAX_REQUEST_BYTES = 256 * 1024


class CloudEvent(BaseModel):
    """A CloudEvents 1.0 JSON event with the `orgid` extension that subscription filters match on."""

    model_config = ConfigDict(frozen=True)

    specversion: str = "1.0"
    id: str
    source: str
    type: str
    time: datetime
    datacontenttype: str = "application/json"
    orgid: str
    data: dict[str, Any] = Field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.type.removeprefix(TYPE_PREFIX).split(".", 1)[0]


def cloud_event(
    family: str,
    name: str,
    org_id: str,
    data: dict[str, Any],
    *,
    version: int = 1,
    clock: Clock = system_clock,
) -> CloudEvent:
    """`cloud_event("feedback", "received", ...)` -> type `ca.qc.numeriqc.feedback.received.v1`."""
    if family not in EVENT_FAMILIES:
        raise ValueError(f"unknown event family {family!r}")
    return CloudEvent(
        id=new_ulid(clock),
        source=f"numeriqc/{family}",
        type=f"{TYPE_PREFIX}{family}.{name}.v{version}",
        time=clock(),
        orgid=org_id,
        data=data,
    )


class EventTooLarge(ValueError):
    """An event larger than EventBridge accepts: a bug in the publisher's caller, never a client error."""


def to_entry(event: CloudEvent, bus_name: str) -> dict[str, str]:
    return {
        "EventBusName": bus_name,
        "Source": f"numeriqc.{event.family}",
        "DetailType": event.type,
        "Detail": event.model_dump_json(),
    }


def entry_size(entry: dict[str, str]) -> int:
    """EventBridge's own size formula: 14 bytes for Time, plus the UTF-8 size of each text field."""
    return 14 + sum(len(entry[name].encode()) for name in ("Source", "DetailType", "Detail"))


def batches(entries: Iterable[dict[str, str]]) -> Iterator[list[dict[str, str]]]:
    """Group entries into PutEvents requests within EventBridge's count and size limits."""
    batch: list[dict[str, str]] = []
    size = 0
    for entry in entries:
        this = entry_size(entry)
        if this > MAX_REQUEST_BYTES:
            raise EventTooLarge(
                f"event {entry['DetailType']} is {this} bytes; the limit is {MAX_REQUEST_BYTES}"
            )
        if batch and (len(batch) == MAX_ENTRIES_PER_REQUEST or size + this > MAX_REQUEST_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(entry)
        size += this
    if batch:
        yield batch


class EventPublishFailed(RuntimeError):
    """Some entries were still refused after a retry; raising makes the caller's batch retry them."""


class EventPublisher:
    """Adapter to EventBridge. `client` is a boto3 `events` client (injected, created lazily by callers)."""

    def __init__(self, client: Any, bus_name: str, retries: int = 2) -> None:
        self._client = client
        self._bus_name = bus_name
        self._retries = retries

    def publish(self, events: Iterable[CloudEvent]) -> int:
        """Publish every event; returns the number of PutEvents calls made."""
        calls = 0
        for batch in batches(to_entry(event, self._bus_name) for event in events):
            pending = batch
            for _ in range(self._retries + 1):
                calls += 1
                answer = self._client.put_events(Entries=pending)
                if not answer.get("FailedEntryCount"):
                    break
                pending = [
                    entry
                    for entry, result in zip(pending, answer["Entries"], strict=True)
                    if "ErrorCode" in result
                ]
            else:
                raise EventPublishFailed(f"{len(pending)} event(s) refused by EventBridge")
        return calls


def event_json(event: CloudEvent) -> str:
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False)
