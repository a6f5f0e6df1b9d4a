"""Feedback events through the real wiring: one per accepted submission, none for a refusal, and a
stream that goes on whatever it meets (tables, streams, topics and queues all in moto)."""

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from numeriqc.core.dynamo import to_item
from tests.support.events import stream_records, subscribe_queue, table_items, take_events
from tests.support.feedback import org_key, register, submit
from tests.support.platform import NewKey

RECEIVED = "ca.qc.numeriqc.feedback.received.v1"
LOW = "ca.qc.numeriqc.feedback.low-rating.v1"
CONTACT = {"consent": True, "name": "Marie Tremblay", "email": "marie@exemple.ca"}


@pytest.fixture
def listening(platform: Any, new_key: NewKey, service_clock: Any) -> str:
    """A registered service `saaq.permis`, a queue subscribed to saaq's feedback events, at :00."""
    key = org_key(new_key)
    register(platform, key)
    service_clock.set(service_clock.now().replace(second=0, microsecond=0))
    return subscribe_queue(platform, key, "feedback")


def _accepted(platform: Any, url: str, body: dict[str, Any], ip: str = "192.0.2.1") -> str:
    """Submit, drain, and check that exactly this submission's events arrived; answers its id."""
    response = submit(platform, body, ip=ip)
    assert response.status == 201, response.text
    platform.drain()
    receipt = response.json()["receipt_id"]
    expected = [RECEIVED] + ([LOW] if body["rating"] <= 2 else [])
    events = take_events(url)
    assert sorted(event["type"] for event in events) == sorted(expected)
    assert {event["data"]["feedback_id"] for event in events} == {receipt}
    return str(receipt)


def _fill_client_rate(platform: Any, url: str) -> None:
    """Ten accepted submissions from 192.0.2.1 this minute: its eleventh is over the limit."""
    for number in range(10):
        body = {"service_id": "saaq.permis", "rating": 5, "comment": f"n{number}"}
        assert submit(platform, body, ip="192.0.2.1").status == 201
    platform.drain()
    assert len(take_events(url)) == 10


def _fill_service_rate(platform: Any, url: str) -> None:
    """Infra tells the API a ceiling of 1 a minute per service (settings follow the environment);
    one accepted submission reaches it."""
    function = platform.wiring.functions["FeedbackApi"]
    environment = {**function.environment, "SERVICE_RATE_PER_MINUTE": "1"}
    platform.wiring.functions["FeedbackApi"] = dataclasses.replace(function, environment=environment)
    _accepted(platform, url, {"service_id": "saaq.permis", "rating": 5})


def _submit_once(platform: Any, url: str) -> None:
    _accepted(platform, url, {"service_id": "saaq.permis", "rating": 4}, ip="192.0.2.1")


@dataclass(frozen=True)
class Refusal:
    body: dict[str, Any]
    status: int
    ip: str = "192.0.2.2"
    setup: Callable[[Any, str], None] | None = None  # accepted first, its events taken


SAAQ = "saaq.permis"
REFUSALS = {
    "unknown service": Refusal({"service_id": "saaq.inconnu", "rating": 4}, 422),
    "unknown service with a contact": Refusal(
        {"service_id": "saaq.inconnu", "rating": 1, "contact": CONTACT}, 422
    ),
    "unknown organization": Refusal({"service_id": "inconnu.permis", "rating": 4}, 422),
    "invalid body": Refusal({"service_id": SAAQ, "rating": 9, "channel": "fax"}, 422),
    "contact without consent": Refusal(
        {"service_id": SAAQ, "rating": 3, "contact": {"email": "a@b.ca"}}, 422
    ),
    "client over its rate": Refusal({"service_id": SAAQ, "rating": 3}, 429, "192.0.2.1", _fill_client_rate),
    "service over its rate": Refusal({"service_id": SAAQ, "rating": 3}, 429, "192.0.2.9", _fill_service_rate),
    # Answered 201 with the first receipt, or like a success for a robot: nothing new either.
    "duplicate within the window": Refusal({"service_id": SAAQ, "rating": 4}, 201, "192.0.2.1", _submit_once),
    "honeypot": Refusal({"service_id": SAAQ, "rating": 5, "website": "http://x.example"}, 201),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_submission_writes_nothing_streams_nothing_and_emits_nothing(
    platform: Any, listening: str, case: str
) -> None:
    refusal = REFUSALS[case]
    if refusal.setup is not None:
        refusal.setup(platform, listening)
    table = platform.names["FeedbackTable"]
    items, records = table_items(table), len(stream_records(platform, table))

    response = submit(platform, refusal.body, ip=refusal.ip)
    assert response.status == refusal.status, response.text
    platform.drain()

    assert table_items(table) == items
    assert len(stream_records(platform, table)) == records
    assert take_events(listening) == []
    # The stream goes on: the next accepted submission is announced, once.
    platform.clock.advance(60)
    _accepted(platform, listening, {"service_id": SAAQ, "rating": 2, "comment": "ensuite"}, ip="192.0.2.3")


def test_a_submission_with_contact_details_is_announced_and_the_triggers_go_on(
    platform: Any, listening: str
) -> None:
    receipt = _accepted(platform, listening, {"service_id": "saaq.permis", "rating": 1, "contact": CONTACT})
    event = json.dumps(take_events(listening))
    assert "marie" not in event.casefold()
    later = _accepted(platform, listening, {"service_id": "saaq.permis", "rating": 4}, ip="192.0.2.4")
    assert later != receipt


def test_an_unreadable_record_is_skipped_named_and_the_stream_goes_on(
    platform: Any, listening: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """An INSERT no writer of ours makes (a broken import, a hand edit) sits between two submissions."""
    first = _accepted(platform, listening, {"service_id": "saaq.permis", "rating": 5})
    broken = {
        "pk": "SVC#saaq.permis",
        "sk": "FB#01KFZZZZZZZZZZZZZZZZZZZZZZ",
        "kind": "feedback",
        "org_id": "saaq",
        "rating": "cinq",
        "comment": "Marie Tremblay, 418-555-0142",
    }
    from numeriqc.core import aws

    aws.client("dynamodb").put_item(TableName=platform.names["FeedbackTable"], Item=to_item(broken))
    capsys.readouterr()
    caplog.clear()
    second = _accepted(platform, listening, {"service_id": "saaq.permis", "rating": 3}, ip="192.0.2.5")

    assert second != first
    skipped = [record for record in caplog.records if record.getMessage().startswith("stream record skipped")]
    assert [(record.__dict__["event_name"], record.levelname) for record in skipped] == [("INSERT", "ERROR")]
    assert skipped[0].__dict__["error_type"] and skipped[0].__dict__["sequence_number"]
    everything = repr([record.__dict__ for record in caplog.records]) + capsys.readouterr().out
    assert "Tremblay" not in everything and "555-0142" not in everything and "cinq" not in everything
    assert '"FeedbackStreamRecordsUnreadable":[1.0]' in everything.replace(" ", "")
