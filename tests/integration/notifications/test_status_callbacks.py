"""Notify-style delivery-status callbacks through the real wiring: status event -> topic -> queue ->
POST to the organization's receiver (here a plain-HTTP loopback server: the local runtime allows it)."""

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.core.events import EventPublisher, cloud_event
from tests.support.notifications import SMS_TEMPLATE, consent, consented_sms_rows, create_template, post_bulk
from tests.support.notify import notify_headers, notify_key
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)
DELIVERED_NUMBER = "+1 514 555 0100"  # simulated: delivered
TOKEN = "jeton-de-rappel-1234567890"


class Receiver:
    def __init__(self) -> None:
        self.calls: list[tuple[dict[str, str], dict[str, Any]]] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                receiver.calls.append((dict(self.headers), json.loads(self.rfile.read(length))))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/statuts"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    yield found
    found.close()


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    platform.clock.set(MORNING)


def _send(platform: Any, key: str, receiver: Receiver) -> str:
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", DELIVERED_NUMBER)
    registered = platform.http(
        "PUT", "/v1/notify/callback", headers=bearer(key), json={"url": receiver.url, "bearer_token": TOKEN}
    )
    assert registered.status == 200, registered.text
    assert TOKEN not in registered.text
    api_key = notify_key(platform, "saaq")
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = 0
    for char in template["template_id"]:
        value = value * 32 + alphabet.index(char)
    sent = platform.http(
        "POST",
        "/v2/notifications/sms",
        headers=notify_headers(api_key, platform.clock.now()),
        json={
            "phone_number": DELIVERED_NUMBER,
            "template_id": str(uuid.UUID(int=value)),
            "reference": "ref-7",
            "personalisation": {"prénom": "Zoé", "date": "1er mars"},
        },
    )
    assert sent.status == 201, sent.text
    return str(sent.json()["id"])


def test_each_status_change_is_posted_with_notify_payload_and_bearer(
    platform: Any, new_key: NewKey, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    notification_id = _send(platform, new_key("saaq"), receiver)
    platform.drain()
    assert len(receiver.calls) == 1
    headers, payload = receiver.calls[0]
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert set(payload) == {
        "id",
        "reference",
        "to",
        "status",
        "created_at",
        "completed_at",
        "sent_at",
        "notification_type",
        "template_id",
        "template_version",
    }
    assert (payload["id"], payload["status"], payload["reference"]) == (notification_id, "delivered", "ref-7")
    assert (payload["to"], payload["notification_type"]) == ("+15145550100", "sms")
    assert TOKEN not in caplog.text


def test_a_failing_receiver_is_retried_then_the_event_lands_in_the_dead_letter_queue(
    platform: Any, new_key: NewKey, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    receiver.status = 503
    _send(platform, new_key("saaq"), receiver)
    platform.drain()
    # Three attempts with backoff per receive, five receives, then the dead-letter queue.
    assert len(receiver.calls) == 15
    sqs = aws.client("sqs")
    dead = sqs.receive_message(
        QueueUrl=platform.names["StatusCallbacksQueueDeadLetters"], MaxNumberOfMessages=10
    )
    assert len(dead.get("Messages", [])) == 1
    assert TOKEN not in caplog.text


def test_plain_http_beyond_loopback_and_inside_addresses_are_refused(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    inside = (
        "https://10.0.0.1/statuts",
        "https://169.254.169.254/latest",
        "https://[::1]/x",
        "https://0x7f.1/x",
    )
    for url in ("http://exemple.quebec/statuts", "ftp://exemple.quebec/x", "pas une url", *inside):
        answer = platform.http(
            "PUT", "/v1/notify/callback", headers=bearer(key), json={"url": url, "bearer_token": TOKEN}
        )
        assert answer.status == 422, url
        assert answer.json()["errors"][0]["field"] == "body.url"


def _dead_letters(platform: Any) -> list[dict[str, Any]]:
    answer = aws.client("sqs").receive_message(
        QueueUrl=platform.names["StatusCallbacksQueueDeadLetters"], MaxNumberOfMessages=10
    )
    return list(answer.get("Messages", []))


def _reasons(caplog: pytest.LogCaptureFixture, message: str) -> list[str]:
    return [str(getattr(r, "reason", "")) for r in caplog.records if r.getMessage() == message]


def test_events_that_name_no_notification_are_skipped_with_a_reason_not_retried(
    platform: Any, new_key: NewKey, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    """Every shape of status event the queue can carry: a real one is posted; one that names no
    notification (the barometer bench published such events and StatusCallbacks failed them with
    KeyError, five receives each, then the dead-letter queue) is skipped with its reason; one naming
    a notification that does not exist, or for an organization without a callback, is skipped."""
    _send(platform, new_key("saaq"), receiver)
    publisher = EventPublisher(aws.client("events"), platform.names["EventBus"])
    delivered = {"status": "delivered", "channel": "email"}
    publisher.publish(
        [
            cloud_event("notifications", "status", "saaq", delivered, clock=lambda: MORNING),
            cloud_event("notifications", "status", "saaq", {**delivered, "id": ""}, clock=lambda: MORNING),
            cloud_event("notifications", "status", "saaq", {**delivered, "id": 7}, clock=lambda: MORNING),
            cloud_event(
                "notifications", "status", "saaq", {**delivered, "id": "pas-un-ulid"}, clock=lambda: MORNING
            ),
            cloud_event(
                "notifications",
                "status",
                "saaq",
                {**delivered, "id": "01JB0000000000000000000000"},
                clock=lambda: MORNING,
            ),
            cloud_event("notifications", "status", "mtq", delivered, clock=lambda: MORNING),
        ]
    )
    platform.drain()
    assert [payload["status"] for _, payload in receiver.calls] == ["delivered"]  # the real one only
    assert _dead_letters(platform) == []
    malformed = _reasons(caplog, "callback skipped")
    assert malformed.count("malformed event: data.id") == 4  # none (saaq, mtq), empty, not a string
    assert malformed.count("notification gone") == 2  # not a ULID; a ULID never issued
    assert not [r for r in caplog.records if r.getMessage() == "record failed"]


def test_a_stored_notification_that_cannot_be_read_is_kept_in_the_dead_letter_queue_with_its_reason(
    platform: Any, new_key: NewKey, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    _send(platform, new_key("saaq"), receiver)
    platform.drain()
    assert len(receiver.calls) == 1
    table, dynamodb = platform.names["NotificationsTable"], aws.client("dynamodb")
    items = dynamodb.query(
        TableName=table,
        KeyConditionExpression="pk = :pk AND begins_with(sk, :n)",
        ExpressionAttributeValues={":pk": {"S": "ORG#saaq"}, ":n": {"S": "N#"}},
    )["Items"]
    assert len(items) == 1
    item = items[0]
    dynamodb.update_item(  # a record this code cannot read (a field every notification has, lost)
        TableName=table, Key={"pk": item["pk"], "sk": item["sk"]}, UpdateExpression="REMOVE template_id"
    )
    data = {"id": item["id"]["S"], "status": "delivered", "channel": "sms"}
    EventPublisher(aws.client("events"), platform.names["EventBus"]).publish(
        [cloud_event("notifications", "status", "saaq", data, clock=lambda: MORNING)]
    )
    platform.drain()
    assert len(receiver.calls) == 1  # nothing posted for it
    assert len(_dead_letters(platform)) == 1
    assert set(_reasons(caplog, "callback failed")) == {"notification unreadable (KeyError)"}


def test_a_bulk_posts_one_callback_per_recipient_with_its_final_status(
    platform: Any, new_key: NewKey, receiver: Receiver
) -> None:
    """A bulk, its provider receipts and the callbacks in one flow: every recipient's final status
    reaches the receiver once, a failure's too (none were exercised while a bulk was sending)."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    registered = platform.http(
        "PUT", "/v1/notify/callback", headers=bearer(key), json={"url": receiver.url, "bearer_token": TOKEN}
    )
    assert registered.status == 200, registered.text
    numbers = [f"+1514234{5600 + i}" for i in range(24)] + ["+15145550112"]  # the last: invalid-number
    rows = consented_sms_rows(platform, key, numbers)
    platform.receipts.enabled = True  # SNS's delivery-status logs, as `numeriqc dev` writes them
    job = post_bulk(platform, key, template["template_id"], rows)
    assert job.status == 201, job.text

    platform.drain()

    assert len(receiver.calls) == len(numbers) == len({payload["id"] for _, payload in receiver.calls})
    posted = sorted(payload["status"] for _, payload in receiver.calls)
    assert posted == ["delivered"] * 24 + ["permanent-failure"]
    # A bulk row holds no id: each notification names its row, so the organization finds which failed.
    listed = platform.http(
        "GET", f"/v1/notifications?job_id={job.json()['job_id']}&limit=200", headers=bearer(key)
    ).json()["items"]
    rows = {item["job_row"]: item["status"] for item in listed}
    assert rows == {**{row: "delivered" for row in range(1, 25)}, 25: "permanent-failure"}
