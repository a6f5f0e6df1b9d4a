"""Events belong to the invocation that emitted them: published once when it succeeds, never otherwise.

The defect these tests pin down: events kept on an object that lives as long as the container
survived an invocation that failed after emitting, and the next invocation published them.
"""

from typing import Any

import pytest

from numeriqc.core import events
from numeriqc.core.clock import FrozenClock
from numeriqc.core.events import CloudEvent, EventBuffer, NoInvocation, cloud_event, publishes_events


class RecordingPublisher:
    """Stands in for `EventPublisher`: remembers each `publish` call's events, sends nothing."""

    def __init__(self) -> None:
        self.calls: list[list[CloudEvent]] = []

    def publish(self, published: Any) -> int:
        self.calls.append(list(published))
        return 1


class PublisherFactory:
    """The `publisher` argument of `publishes_events`: counts how often a publisher is built."""

    def __init__(self) -> None:
        self.publisher = RecordingPublisher()
        self.built = 0

    def __call__(self) -> Any:
        self.built += 1
        return self.publisher

    @property
    def calls(self) -> list[list[CloudEvent]]:
        return self.publisher.calls


def _event(name: str) -> CloudEvent:
    return cloud_event("feedback", name, "saaq", {}, clock=FrozenClock())


def _names(published: list[CloudEvent]) -> list[str]:
    return [event.type.split(".")[-2] for event in published]


@pytest.fixture
def factory() -> PublisherFactory:
    return PublisherFactory()


def test_an_invocation_that_raises_publishes_nothing_and_the_next_publishes_only_its_own(
    factory: PublisherFactory,
) -> None:
    @publishes_events(factory)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        events.current().emit(_event(event["name"]))
        if event.get("fail"):
            raise RuntimeError("the work failed after emitting")
        return {"statusCode": 200}

    with pytest.raises(RuntimeError):
        handler({"name": "lost", "fail": True}, None)
    assert factory.calls == []

    handler({"name": "kept"}, None)
    assert [_names(call) for call in factory.calls] == [["kept"]]


def test_an_http_refusal_publishes_nothing(factory: PublisherFactory) -> None:
    @publishes_events(factory)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        events.current().emit(_event("received"))
        return {"statusCode": event["status"], "body": "{}"}

    for status in (400, 404, 409, 500):
        assert handler({"status": status}, None)["statusCode"] == status
    assert factory.calls == []
    assert factory.built == 0


@pytest.mark.parametrize(
    "answer", [{"statusCode": 201}, {"statusCode": 204}, {"batchItemFailures": []}, None]
)
def test_a_success_publishes_every_event_once_in_one_call(factory: PublisherFactory, answer: Any) -> None:
    @publishes_events(factory)
    def handler(event: dict[str, Any], context: Any) -> Any:
        events.current().emit(_event("first"))
        events.current().emit(_event("second"), _event("third"))
        return answer

    assert handler({}, None) == answer
    assert [_names(call) for call in factory.calls] == [["first", "second", "third"]]

    handler({}, None)  # a second invocation publishes its own events, not the first one's again
    assert len(factory.calls) == 2
    assert _names(factory.calls[1]) == ["first", "second", "third"]


def test_a_handler_that_emits_nothing_never_builds_a_publisher(factory: PublisherFactory) -> None:
    @publishes_events(factory)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {"statusCode": 200}

    handler({}, None)
    assert factory.built == 0
    assert factory.calls == []


def test_a_failing_inner_unit_is_dropped_and_a_succeeding_one_joins_the_outer(
    factory: PublisherFactory,
) -> None:
    @publishes_events(factory)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        events.current().emit(_event("outer"))
        with pytest.raises(ValueError), events.collected() as inner:
            events.current().emit(_event("failed"))
            assert events.current() is inner
            raise ValueError("this unit of work did not complete")
        with events.collected():
            events.current().emit(_event("succeeded"))
            with events.collected():  # nested twice: still reaches the invocation's buffer
                events.current().emit(_event("deepest"))
        return {"statusCode": 200}

    handler({}, None)
    assert [_names(call) for call in factory.calls] == [["outer", "succeeded", "deepest"]]


def test_collected_outside_any_handler_keeps_its_events_to_itself() -> None:
    with events.collected() as buffer:
        events.current().emit(_event("alone"))
    assert _names(buffer.take()) == ["alone"]
    with pytest.raises(NoInvocation):
        events.current()


def test_current_outside_a_handler_raises() -> None:
    with pytest.raises(NoInvocation):
        events.current()


def test_current_is_gone_once_the_handler_has_returned_or_raised(factory: PublisherFactory) -> None:
    @publishes_events(factory)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        events.current().emit(_event("received"))
        if event.get("fail"):
            raise RuntimeError("failed")
        return {"statusCode": 200}

    handler({}, None)
    with pytest.raises(NoInvocation):
        events.current()
    with pytest.raises(RuntimeError):
        handler({"fail": True}, None)
    with pytest.raises(NoInvocation):
        events.current()


def test_a_buffer_hands_over_its_events_once() -> None:
    buffer = EventBuffer()
    buffer.emit(_event("a"), _event("b"))
    assert len(buffer) == 2
    assert _names(buffer.take()) == ["a", "b"]
    assert len(buffer) == 0
    assert buffer.take() == []
