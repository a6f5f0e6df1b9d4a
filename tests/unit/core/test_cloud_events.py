import json
from typing import Any

import pytest

from numeriqc.core.clock import FrozenClock
from numeriqc.core.events import (
    MAX_REQUEST_BYTES,
    EventPublisher,
    EventPublishFailed,
    EventTooLarge,
    batches,
    cloud_event,
    entry_size,
    to_entry,
)


def _event(size: int = 10, org: str = "saaq") -> Any:
    return cloud_event("feedback", "received", org, {"blob": "x" * size}, clock=FrozenClock())


def test_cloud_event_follows_the_platform_conventions() -> None:
    event = _event()
    assert event.type == "ca.qc.numeriqc.feedback.received.v1"
    assert event.source == "numeriqc/feedback"
    assert event.specversion == "1.0"
    assert event.orgid == "saaq"
    assert event.family == "feedback"
    entry = to_entry(event, "bus")
    assert entry["Source"] == "numeriqc.feedback"
    assert entry["DetailType"] == event.type
    assert json.loads(entry["Detail"])["orgid"] == "saaq"


def test_unknown_family_is_refused() -> None:
    with pytest.raises(ValueError, match="family"):
        cloud_event("weather", "changed", "saaq", {})


def test_batches_hold_at_most_ten_entries_and_256_kib() -> None:
    small = [to_entry(_event(), "bus") for _ in range(23)]
    assert [len(batch) for batch in batches(small)] == [10, 10, 3]
    big = [to_entry(_event(100_000), "bus") for _ in range(5)]
    grouped = list(batches(big))
    assert [len(batch) for batch in grouped] == [2, 2, 1]
    assert all(sum(entry_size(entry) for entry in batch) <= MAX_REQUEST_BYTES for batch in grouped)


def test_an_event_larger_than_eventbridge_allows_is_refused_before_sending() -> None:
    with pytest.raises(EventTooLarge):
        list(batches([to_entry(_event(MAX_REQUEST_BYTES), "bus")]))


class FlakyEventBridge:
    """Refuses the first entry of the first call, like a throttled PutEvents answer."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls: list[list[dict[str, str]]] = []

    def put_events(self, Entries: list[dict[str, str]]) -> dict[str, Any]:
        self.calls.append(Entries)
        if self.failures:
            self.failures -= 1
            results = [{"ErrorCode": "ThrottlingException"}] + [{"EventId": "ok"} for _ in Entries[1:]]
            return {"FailedEntryCount": 1, "Entries": results}
        return {"FailedEntryCount": 0, "Entries": [{"EventId": "ok"} for _ in Entries]}


def test_refused_entries_are_retried_alone() -> None:
    bridge = FlakyEventBridge(failures=1)
    calls = EventPublisher(bridge, "bus").publish([_event() for _ in range(3)])
    assert calls == 2
    assert len(bridge.calls[1]) == 1


def test_entries_still_refused_after_retries_raise_so_the_batch_is_retried() -> None:
    with pytest.raises(EventPublishFailed):
        EventPublisher(FlakyEventBridge(failures=10), "bus", retries=2).publish([_event()])
