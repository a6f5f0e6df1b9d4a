"""On faults, nothing accepted is lost and nothing is sent twice (docs/notifications.md, "On faults").

A 5-recipient bulk job becomes one channel message in the email bulk lane, sent through the real
wiring (planner, queue, sender, table in moto). A fault is injected at one position of the message:
a provider error, a lost answer (the provider sent it), the provider unreachable, the sender's
invocation dying right after a provider call, a claim whose answer is lost. Afterwards every
accepted recipient is either sent exactly once or `technical-failure` with a reason (only the one
whose call was in flight), none is left `queued` or `sending` unsent, and the job counts them all.
"""

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.notifications.records import derived_id
from tests.support.notifications import (
    EMAIL_TEMPLATE,
    SMS_TEMPLATE,
    consent,
    create_template,
    listen,
    received,
)
from tests.support.platform import NewKey, bearer
from tests.support.send_faults import LambdaDied, LostAnswer, ProviderFaults, redeliver

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)
RECIPIENTS = [f"citoyen{i}@example.com" for i in range(5)]
UNCERTAIN = {"provider-error", "provider-timeout", "sender-interrupted"}


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)


class Job:
    def __init__(self, platform: Any, key: str) -> None:
        self.platform = platform
        self.key = key
        self.events = listen(platform, key)
        self.template = create_template(platform, key, EMAIL_TEMPLATE)["template_id"]
        for address in RECIPIENTS:
            consent(platform, key, "email", address)
        self.id = ""

    def accept(self) -> None:
        rows = [
            {"email_address": address, "prénom": f"P{i}", "document": "permis"}
            for i, address in enumerate(RECIPIENTS)
        ]
        answer = self.platform.http(
            "POST",
            "/v1/notifications/bulk",
            headers=bearer(self.key),
            json={"template_id": self.template, "rows": rows},
        )
        assert answer.status == 201, answer.text
        self.id = answer.json()["job_id"]

    def notifications(self) -> dict[str, dict[str, Any]]:
        """Each accepted recipient's notification, by address (read through the API)."""
        listed = self.platform.http(
            "GET", "/v1/notifications", headers=bearer(self.key), query={"job_id": self.id}
        ).json()["items"]
        # Bulk content lives in S3, not in the notification: a row's id is derived from its number.
        numbers = {derived_id(self.id, number): number for number in range(len(RECIPIENTS) + 2)}
        first = min(numbers[item["id"]] for item in listed)
        return {RECIPIENTS[numbers[item["id"]] - first]: item for item in listed}

    def counts(self) -> dict[str, int]:
        job = self.platform.http("GET", f"/v1/jobs/{self.id}", headers=bearer(self.key)).json()
        counts: dict[str, int] = job["counts"]
        return counts

    def table_item(self, notification_id: str) -> dict[str, Any]:
        item: dict[str, Any] = aws.client("dynamodb").get_item(
            TableName=self.platform.names["NotificationsTable"],
            Key={"pk": {"S": "ORG#saaq"}, "sk": {"S": f"N#{notification_id}"}},
            ConsistentRead=True,
        )["Item"]
        return item


@pytest.fixture
def job(platform: Any, new_key: NewKey) -> Job:
    return Job(platform, new_key("saaq"))


def _sent(platform: Any) -> Counter[str]:
    emails = [message for message in platform.outbox() if message.kind == "email"]
    return Counter(address for message in emails for address in message.to)


def assert_accounted(job: Job, faults: ProviderFaults, uncertain: set[str]) -> None:
    """accepted = sent once + failed with a reason; only `uncertain` failed; none sent twice."""
    notifications = job.notifications()
    assert set(notifications) == set(RECIPIENTS)  # nothing lost
    sent = _sent(job.platform)
    assert max(sent.values(), default=0) <= 1, sent  # none sent twice...
    assert max(faults.requests.values(), default=0) <= 1, faults.requests  # ...not even by a botocore retry
    for address, notification in notifications.items():
        item = job.table_item(notification["id"])
        assert not {"cs", "ca"} & set(item), (address, item)  # no claim left in flight
        if address in uncertain:
            assert notification["status"] == "technical-failure", (address, notification)
            assert notification["failure_reason"] in UNCERTAIN
            assert "provider_id" not in item
        else:
            assert notification["status"] == "sending", (address, notification)
            assert sent[address] == 1 and "provider_id" in item
    expected = {"sending": len(RECIPIENTS) - len(uncertain)}
    if uncertain:
        expected["technical-failure"] = len(uncertain)
    assert job.counts() == expected
    statuses = [event["data"] for event in received(job.events) if event["type"].endswith("status.v1")]
    failures = [data["id"] for data in statuses if data["status"] == "technical-failure"]
    assert sorted(failures) == sorted(notifications[address]["id"] for address in uncertain)


@pytest.mark.parametrize("position", range(len(RECIPIENTS)))
def test_a_provider_error_at_any_position_fails_that_recipient_alone(
    platform: Any, job: Job, position: int
) -> None:
    """InternalFailure on one call: that recipient may have been sent (technical-failure, never
    retried); those before it were recorded as sent; those after it go back to the queue and the
    message's retry sends them."""
    with ProviderFaults({position: "error"}).installed() as faults:
        job.accept()
        platform.drain()
    assert_accounted(job, faults, {RECIPIENTS[position]})
    assert faults.calls == Counter({f: 1 for f in faults.calls})  # one call per recipient
    uncertain = job.notifications()[RECIPIENTS[position]]
    assert uncertain["failure_reason"] == "provider-error"


@pytest.mark.parametrize("position", [0, 2, 4])
def test_a_lost_answer_is_uncertain_and_never_resent(platform: Any, job: Job, position: int) -> None:
    """The provider sent it and the answer was lost (read timeout): botocore must not resend it, and
    the sender records it as technical-failure (provider-timeout) rather than guess."""
    with ProviderFaults({position: "timeout"}).installed() as faults:
        job.accept()
        platform.drain()
    assert_accounted(job, faults, {RECIPIENTS[position]})
    assert _sent(platform)[RECIPIENTS[position]] == 1  # it did reach the citizen, once
    assert job.notifications()[RECIPIENTS[position]]["failure_reason"] == "provider-timeout"


@pytest.mark.parametrize("position", [0, 3])
def test_an_unreachable_provider_sends_nothing_and_everything_later(
    platform: Any, job: Job, position: int
) -> None:
    """No connection: nothing was sent, so that recipient goes back to `queued` with the rest."""
    with ProviderFaults({position: "unavailable"}).installed() as faults:
        job.accept()
        platform.drain()
    assert_accounted(job, faults, set())
    assert faults.calls[job.notifications()[RECIPIENTS[position]]["id"]] == 2


@pytest.mark.parametrize("position", [0, 2, 4])
def test_a_sender_dying_after_a_call_leaves_only_that_recipient_uncertain(
    platform: Any, job: Job, position: int
) -> None:
    """The invocation dies between a provider call and its write (nothing of it runs any more): the
    recipients sent before were recorded one by one, the ones after were never claimed. SQS brings
    the message back after its visibility timeout and the retry sends those; the sweeper closes the
    one in flight (sent, in fact) as technical-failure, sender-interrupted."""
    with ProviderFaults({position: "crash"}).installed() as faults:
        job.accept()
        with pytest.raises(LambdaDied):
            platform.drain()
        assert redeliver(platform, "EmailBulkQueue") == 1
        platform.clock.advance(12 * 60)  # the queue's visibility timeout
        platform.drain()
    notifications = job.notifications()
    stuck = notifications[RECIPIENTS[position]]
    assert stuck["status"] == "sending" and "provider_id" not in job.table_item(stuck["id"])
    platform.clock.advance(4 * 60)  # 16 minutes after the claim: the sweeper's turn
    platform.tick()
    platform.drain()
    assert_accounted(job, faults, {RECIPIENTS[position]})
    assert _sent(platform)[RECIPIENTS[position]] == 1
    assert job.notifications()[RECIPIENTS[position]]["failure_reason"] == "sender-interrupted"


@pytest.mark.parametrize("claim", [0, 2])
def test_a_claim_whose_answer_is_lost_is_read_back_not_skipped(platform: Any, job: Job, claim: int) -> None:
    """The claim transaction succeeds, its answer is lost, botocore retries it and the retry's
    condition fails (the item is already `sending`): the sender reads the item, finds its own
    token, and sends; nothing is left claimed for the sweeper."""
    lost = LostAnswer("dynamodb", "TransactWriteItems", '"ca"', number=claim)
    with lost.installed(), ProviderFaults({}).installed() as faults:
        job.accept()
        platform.drain()
    assert lost.lost == 1
    assert_accounted(job, faults, set())


def test_an_sms_whose_answer_is_lost_is_not_published_again(platform: Any, new_key: NewKey) -> None:
    """SNS Publish: the SMS went out and the answer was lost. botocore would publish it again (a
    read timeout is a transient error to it); the sender's hook stops that, and the recipient is
    technical-failure (provider-timeout) while the others are sent once, with their lookups."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    numbers = [f"+1514234{5600 + i}" for i in range(3)]
    for number in numbers:
        consent(platform, key, "sms", number)
    rows = [{"phone_number": number, "prénom": "Zoé", "date": "lundi"} for number in numbers]
    with ProviderFaults({1: "timeout"}, channel="sms").installed() as faults:
        answer = platform.http(
            "POST",
            "/v1/notifications/bulk",
            headers=bearer(key),
            json={"template_id": template["template_id"], "rows": rows},
        )
        assert answer.status == 201, answer.text
        platform.drain()
    sent = Counter(to for message in platform.outbox() if message.kind == "sms" for to in message.to)
    assert sent == Counter(numbers)  # each once, the uncertain one included
    assert faults.requests == Counter(numbers)  # no botocore retry reached SNS
    job = platform.http("GET", f"/v1/jobs/{answer.json()['job_id']}", headers=bearer(key)).json()
    assert job["counts"] == {"sending": 2, "technical-failure": 1}
    listed = platform.http(
        "GET",
        "/v1/notifications",
        headers=bearer(key),
        query={"job_id": answer.json()["job_id"], "status": "technical-failure"},
    ).json()["items"]
    assert [item["failure_reason"] for item in listed] == ["provider-timeout"]
