"""Exactly once, nothing lost: duplicate SQS deliveries, poison messages, provider throttling."""

from datetime import UTC, datetime
from typing import Any, ClassVar

import pytest

from numeriqc.core import aws
from tests.support.notifications import EMAIL_TEMPLATE, consent, create_template, send_email
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)


@pytest.fixture
def ready(platform: Any, new_key: NewKey) -> tuple[str, str]:
    key = new_key("saaq")
    template = create_template(platform, key, EMAIL_TEMPLATE)
    for name in ("a", "b", "c"):
        consent(platform, key, "email", f"{name}@example.com")
    return key, template["template_id"]


def _take_all(url: str) -> list[str]:
    sqs = aws.client("sqs")
    bodies = []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            bodies.append(message["Body"])
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return bodies


def _emails(platform: Any) -> list[str]:
    return sorted(
        address for message in platform.outbox() if message.kind == "email" for address in message.to
    )


def test_every_message_delivered_twice_is_sent_once(platform: Any, ready: tuple[str, str]) -> None:
    key, template_id = ready
    for name in ("a", "b"):
        assert send_email(platform, key, template_id, f"{name}@example.com").status == 201
    url = platform.names["EmailPriorityQueue"]
    bodies = _take_all(url)
    assert len(bodies) == 2
    aws.client("sqs").send_message_batch(
        QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": body} for i, body in enumerate(bodies * 2)]
    )
    platform.drain()
    assert _emails(platform) == ["a@example.com", "b@example.com"]


def test_a_poison_message_ends_in_the_dead_letter_queue_and_the_rest_of_its_batch_is_sent(
    platform: Any, ready: tuple[str, str]
) -> None:
    key, template_id = ready
    url = platform.names["EmailPriorityQueue"]
    aws.client("sqs").send_message(QueueUrl=url, MessageBody='{"channel": "email", "entries": "not a list"}')
    assert send_email(platform, key, template_id, "a@example.com").status == 201
    platform.drain()
    assert _emails(platform) == ["a@example.com"]
    dead = _take_all(platform.names["EmailPriorityQueueDeadLetters"])
    assert dead == ['{"channel": "email", "entries": "not a list"}']


class _Throttle:
    """Answers SES SendEmail with TooManyRequests for the next `count` calls (a botocore hook)."""

    def __init__(self, count: int) -> None:
        self.left = count
        self.calls = 0

    def __call__(self, **_: Any) -> Any:
        self.calls += 1
        if self.left <= 0:
            return None
        self.left -= 1

        class Http:
            status_code = 400
            headers: ClassVar[dict[str, str]] = {}

        error = {"Error": {"Code": "TooManyRequestsException", "Message": "Maximum sending rate exceeded."}}
        return Http(), {**error, "ResponseMetadata": {"HTTPStatusCode": 400}}


@pytest.mark.parametrize("throttled", [2, 7])
def test_throttling_still_sends_everything_exactly_once(
    platform: Any, ready: tuple[str, str], throttled: int
) -> None:
    """2: retried with backoff inside one invocation. 7: more than one invocation's retries, so the
    unsent recipients go back to `queued` and SQS brings the message back."""
    key, template_id = ready
    throttle = _Throttle(throttled)
    aws.client("sesv2").meta.events.register("before-call.sesv2.SendEmail", throttle)
    ids = [
        send_email(platform, key, template_id, f"{name}@example.com").json()["id"] for name in ("a", "b", "c")
    ]
    platform.drain()
    assert _emails(platform) == ["a@example.com", "b@example.com", "c@example.com"]
    assert throttle.calls == 3 + throttled
    statuses = {
        platform.http("GET", f"/v1/notifications/{nid}", headers=bearer(key)).json()["status"] for nid in ids
    }
    assert statuses == {"sending"}
    assert _take_all(platform.names["EmailPriorityQueueDeadLetters"]) == []


def test_a_withdrawal_after_acceptance_stops_the_send(platform: Any, ready: tuple[str, str]) -> None:
    key, template_id = ready
    created = send_email(platform, key, template_id, "a@example.com").json()
    response = platform.http(
        "POST",
        "/v1/consents/withdraw",
        headers=bearer(key),
        json={"channel": "email", "recipient": "A@example.com"},
    )
    assert response.status == 200 and response.json()["status"] == "withdrawn"
    platform.drain()
    assert _emails(platform) == []
    read = platform.http("GET", f"/v1/notifications/{created['id']}", headers=bearer(key)).json()
    assert (read["status"], read["failure_reason"]) == ("opted-out", "withdrawn")


def test_a_malformed_bulk_sms_message_ends_in_its_dead_letter_queue(platform: Any) -> None:
    aws.client("sqs").send_message(QueueUrl=platform.names["SmsBulkQueue"], MessageBody="{")
    platform.drain()
    assert _take_all(platform.names["SmsBulkQueueDeadLetters"]) == ["{"]
