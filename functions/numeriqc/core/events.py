"""CloudEvents 1.0 on the platform bus: what organizations receive on their event topics.

Every service publishes through `EventPublisher`: events are sent with EventBridge `PutEvents` in
requests of at most 10 entries and 256 KiB, and an entry EventBridge refuses is retried, then
raised, so the caller's batch fails and at-least-once delivery holds.

Rules never publish: they `emit` into an `EventSink` for the current invocation, and the handler
publishes what was collected once its work has succeeded (`publishes_events`). Events of work that
failed are dropped with it, so an event never describes something that did not happen, and nothing
emitted by one invocation can leak into the next one served by the same container.
"""

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any, Protocol, TypeVar

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


class EventSink(Protocol):
    """What a rule needs to announce what it did: the one port every service's logic emits through."""

    def emit(self, *events: CloudEvent) -> None: ...


class EventBuffer:
    """The events of one unit of work (an invocation, or one record of a batch), not yet published."""

    def __init__(self) -> None:
        self._events: list[CloudEvent] = []

    def emit(self, *events: CloudEvent) -> None:
        self._events.extend(events)

    def take(self) -> list[CloudEvent]:
        """Everything collected so far, leaving the buffer empty."""
        taken, self._events = self._events, []
        return taken

    def __len__(self) -> int:
        return len(self._events)


_current: ContextVar[EventBuffer | None] = ContextVar("numeriqc_events", default=None)


class NoInvocation(RuntimeError):
    """`current()` outside a handler that publishes events: a wiring bug, never a client error."""


def current() -> EventBuffer:
    """The buffer of the unit of work being served (set by `publishes_events` or `collected`)."""
    buffer = _current.get()
    if buffer is None:
        raise NoInvocation("events are emitted only inside a handler decorated with publishes_events")
    return buffer


@contextmanager
def collected() -> Iterator[EventBuffer]:
    """A buffer for one unit of work. On success its events join the enclosing unit's buffer (if
    any); on an exception they are dropped, because the work they describe did not complete."""
    parent = _current.get()
    buffer = EventBuffer()
    token = _current.set(buffer)
    try:
        yield buffer
    finally:
        _current.reset(token)
    if parent is not None:
        parent.emit(*buffer.take())


Handler = TypeVar("Handler", bound=Callable[..., Any])


def publishes_events(publisher: Callable[[], EventPublisher]) -> Callable[[Handler], Handler]:
    """Give each invocation of a handler its own event buffer, published when the handler returns.

    An invocation that raises publishes nothing; an HTTP answer of 400 or more (a refusal the
    resolver turned into a problem) publishes nothing either. `publisher` is called only when there
    is something to publish, so a handler that emits nothing never builds an EventBridge client.
    """

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(event: Any, context: Any) -> Any:
            with collected() as buffer:
                result = handler(event, context)
            if _refused(result):
                return result
            if len(buffer):
                publisher().publish(buffer.take())
            return result

        return run  # type: ignore[return-value]

    return decorate


def _refused(result: Any) -> bool:
    return isinstance(result, dict) and int(result.get("statusCode") or 200) >= 400
