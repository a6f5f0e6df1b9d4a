"""What a refused or failed request leaves behind: nothing, and no event for the next request to publish."""

from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.notifications.adapters.queues import Queues
from numeriqc.notifications.adapters.table import NotificationsTable
from tests.support.notifications import SMS_TEMPLATE, consent, create_template, listen, received, send_sms
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal
WARNING = "ca.qc.numeriqc.notifications.daily-limit.warning.v1"


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)


def _items(platform: Any) -> list[dict[str, Any]]:
    """Every item of the notifications table, in a stable order."""
    dynamodb = aws.client("dynamodb")
    items: list[dict[str, Any]] = []
    request: dict[str, Any] = {"TableName": platform.names["NotificationsTable"]}
    while True:
        answer = dynamodb.scan(**request)
        items.extend(answer.get("Items", []))
        if "LastEvaluatedKey" not in answer:
            break
        request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]
    return sorted(items, key=lambda item: (item["pk"]["S"], item["sk"]["S"]))


def test_a_series_with_a_reminder_too_far_ahead_is_refused_whole(platform: Any, new_key: NewKey) -> None:
    """The first reminder is fine, the second is more than 30 days ahead: nothing of the series may
    be stored, queued or counted against the daily limit, and no series item may be written."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    before = _items(platform)
    request = {
        "channel": "sms",
        "template_id": template["template_id"],
        "recipient": "514 234 5678",
        "personalisation": {"prénom": "Zoé", "date": "20 avril"},
        "due_date": "2030-04-20",
        "days_before": [40, 1],  # 2030-03-11 (in 6 days), then 2030-04-19 (in 45 days: too far)
    }
    response = platform.http("POST", "/v1/reminders", headers=bearer(key), json=request)
    assert response.status == 422, response.text
    assert [error["code"] for error in response.json()["errors"]] == ["too_far"]

    assert _items(platform) == before  # no notification, content, due entry, series, nor limit count
    table = NotificationsTable(aws.client("dynamodb"), platform.names["NotificationsTable"])
    assert table.daily_used("saaq", "sms", MORNING.date().isoformat()) == 0
    listed = platform.http("GET", "/v1/notifications", headers=bearer(key)).json()
    assert listed["items"] == []
    platform.drain()
    platform.clock.set(datetime(2030, 3, 11, 13, 0, 30, tzinfo=UTC))  # when the first would be due
    platform.tick()
    platform.drain()
    assert [message for message in platform.outbox() if message.kind == "sms"] == []


def test_events_of_a_failed_request_are_never_published_by_the_next_one(
    platform: Any, new_key: NewKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 4th send of 5 crosses 80 % of the daily limit (an event is emitted), then fails to queue:
    the request fails, so its event is dropped; the next request publishes only its own events."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    numbers = [f"514 234 {5600 + i}" for i in range(5)]
    for number in numbers:
        consent(platform, key, "sms", number)
    events = listen(platform, key)
    platform.wiring.functions["NotificationsApi"].environment["DAILY_LIMIT_SMS"] = "5"
    assert [send_sms(platform, key, template["template_id"], n).status for n in numbers[:3]] == [201] * 3

    real_send = Queues.send

    def refuse(self: Queues, url: str, bodies: list[str]) -> int:
        raise RuntimeError("SQS is down")

    monkeypatch.setattr(Queues, "send", refuse)
    failed = send_sms(platform, key, template["template_id"], numbers[3])
    assert failed.status == 500, failed.text
    monkeypatch.setattr(Queues, "send", real_send)

    assert send_sms(platform, key, template["template_id"], numbers[4]).status == 201
    platform.drain()
    assert [event for event in received(events) if event["type"] == WARNING] == []
