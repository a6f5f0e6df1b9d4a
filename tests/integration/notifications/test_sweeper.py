"""The sweeper: a sender that dies between the provider call and the result write leaves its claim
`sending` without a provider id; the scheduler's run closes it as technical-failure after 15 minutes,
with a status event, and never sends again. A claim whose result was written is left alone."""

from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.core import aws
from tests.support.notifications import SMS_TEMPLATE, consent, create_template, listen, received, send_sms
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal: outside SMS quiet hours
RESULT_WRITE = "before-call.dynamodb.TransactWriteItems"


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)


class _SenderDies:
    """Kills the sender's first result write (the transaction recording a provider id), as a crash
    of its invocation after SNS accepted the SMS would: a botocore hook on the shared client."""

    def __init__(self) -> None:
        self.killed = 0

    def __call__(self, params: dict[str, Any], **_: Any) -> None:
        if self.killed == 0 and "provider_id" in str(params.get("body", "")):
            self.killed += 1
            raise RuntimeError("the sender's invocation died")


def _read(platform: Any, key: str, notification_id: str) -> dict[str, Any]:
    answer: dict[str, Any] = platform.http(
        "GET", f"/v1/notifications/{notification_id}", headers=bearer(key)
    ).json()
    return answer


def _table_item(platform: Any, notification_id: str) -> dict[str, Any]:
    item: dict[str, Any] = aws.client("dynamodb").get_item(
        TableName=platform.names["NotificationsTable"],
        Key={"pk": {"S": "ORG#saaq"}, "sk": {"S": f"N#{notification_id}"}},
    )["Item"]
    return item


def test_a_claim_left_sending_by_a_dead_sender_becomes_technical_failure_once(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    events = listen(platform, key)
    template = create_template(platform, key, SMS_TEMPLATE)
    for number in ("514 234 5678", "514 234 5679"):
        consent(platform, key, "sms", number)

    dies = _SenderDies()
    client = aws.client("dynamodb")
    client.meta.events.register(RESULT_WRITE, dies)
    try:
        stuck = send_sms(platform, key, template["template_id"], "514 234 5678").json()["id"]
        platform.drain()  # the sender dies; SQS brings the message back; the claim stops a resend
    finally:
        client.meta.events.unregister(RESULT_WRITE, dies)
    assert dies.killed == 1
    platform.clock.advance(60)
    fine = send_sms(platform, key, template["template_id"], "514 234 5679").json()["id"]
    platform.drain()
    assert len([m for m in platform.outbox() if m.kind == "sms"]) == 2
    assert _read(platform, key, stuck)["status"] == "sending"
    assert "provider_id" not in _table_item(platform, stuck)
    assert "provider_id" in _table_item(platform, fine)
    assert {"cs", "ca"} & set(_table_item(platform, fine)) == set()  # a written result leaves the index

    platform.clock.advance(13 * 60)  # 14 minutes after the dead claim: not yet
    platform.tick()
    platform.drain()
    assert _read(platform, key, stuck)["status"] == "sending"
    assert received(events) == []

    platform.clock.advance(2 * 60)  # 16 minutes: no invocation can still write its result
    platform.tick()
    platform.drain()
    read = _read(platform, key, stuck)
    assert (read["status"], read["failure_reason"]) == ("technical-failure", "sender-interrupted")
    assert read["completed_at"] is not None
    [event] = received(events)
    assert event["type"] == "ca.qc.numeriqc.notifications.status.v1"
    assert (event["data"]["id"], event["data"]["status"]) == (stuck, "technical-failure")
    assert _read(platform, key, fine)["status"] == "sending"  # its receipt will come from SNS

    platform.clock.advance(60 * 60)
    platform.tick()
    platform.drain()
    assert received(events) == []  # closed once
    assert _read(platform, key, fine)["status"] == "sending"
    assert len([m for m in platform.outbox() if m.kind == "sms"]) == 2  # never sent again


def test_a_result_written_after_the_index_was_read_wins(platform: Any, new_key: NewKey) -> None:
    """The index is eventually consistent: a claim it still lists but that got its provider id is
    not closed (the move is conditional on no provider id)."""
    from numeriqc.core.events import EventBuffer
    from numeriqc.notifications import deps, sweeper

    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    notification_id = send_sms(platform, key, template["template_id"], "514 234 5678").json()["id"]
    platform.drain()
    # As the index may still show it: claim marks back on an item that has its provider id.
    aws.client("dynamodb").update_item(
        TableName=platform.names["NotificationsTable"],
        Key={"pk": {"S": "ORG#saaq"}, "sk": {"S": f"N#{notification_id}"}},
        UpdateExpression="SET cs = :cs, ca = :ca",
        ExpressionAttributeValues={":cs": {"S": "CLAIM#0"}, ":ca": {"S": MORNING.isoformat()}},
    )
    with platform.environment("NotificationsScheduler"):
        assert sweeper.run(deps.table(), EventBuffer(), platform.clock.advance(3600)) == 0
    assert _read(platform, key, notification_id)["status"] == "sending"
