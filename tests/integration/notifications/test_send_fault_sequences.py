"""Random fault sequences against the sender (property-based, hypothesis): the real rule and the real
table adapter on moto's DynamoDB, a provider that fails as told, SQS's retries played by a loop.

Each example draws a message (up to 8 recipients, some in a bulk job) and a sequence of faults:
for the provider calls (throttled, rejected, unreachable, an error, the answer lost after the send,
an unexpected exception, the invocation dying before or after the send) and for the table's
transactions (the answer lost after the write, which botocore retries; the invocation dying right
after a write). The message is delivered again until an attempt ends well (an invocation that died
comes back after the queue's visibility timeout), then the sweeper runs. Afterwards:

* nothing lost: every recipient is sent (`sending` with a provider id), or has a final status with
  a reason; none is left `queued`, or `sending` without a provider id;
* none sent twice, and whatever is `sending` was sent;
* at most one recipient `technical-failure` per fault that can leave a send uncertain;
* the job's counters and the status events agree with the statuses, each counted and announced once.
"""

import json
import os
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import moto
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numeriqc.core import aws, clock
from numeriqc.core.events import EventBuffer
from numeriqc.core.ids import new_ulid
from numeriqc.notifications import sweeper
from numeriqc.notifications.adapters.table import NotificationsTable
from numeriqc.notifications.channel_delivery import ChannelDelivery, OutOfTime
from numeriqc.notifications.models import Channel, Status, Template
from numeriqc.notifications.ports import (
    ProviderRejected,
    ProviderThrottled,
    ProviderUnavailable,
    ProviderUncertain,
    SendResult,
)
from numeriqc.notifications.records import ChannelMessage, Entry, status_item
from numeriqc.notifications.settings import NotificationsSettings
from tests.support.send_faults import LambdaDied

START = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)
PROVIDER_FAULTS = [
    "ok",
    "throttle",
    "reject",
    "unavailable",
    "error",
    "timeout",
    "boom",
    "crash",
    "crash-before",
]
TABLE_FAULTS = ["ok", "lost", "die-after"]
# Faults after which a recipient may be left uncertain (technical-failure): at most one each.
UNCERTAIN = {"error", "timeout", "boom", "crash", "crash-before", "die-after"}


class Provider:
    """An email provider failing as `faults[call number]` says; `sent` counts what reached a citizen."""

    def __init__(self, faults: list[str]) -> None:
        self.faults = faults
        self.calls = 0
        self.sent: Counter[str] = Counter()
        self.fired: list[str] = []

    def send(
        self, *, to: str, subject: str, text: str, html: str, unsubscribe_url: str, tags: dict[str, str]
    ) -> str:
        fault = self.faults[self.calls] if self.calls < len(self.faults) else "ok"
        self.calls += 1
        self.fired.append(fault)
        if fault == "throttle":
            raise ProviderThrottled("TooManyRequestsException")
        if fault == "reject":
            raise ProviderRejected("MessageRejected")
        if fault == "unavailable":
            raise ProviderUnavailable("EndpointConnectionError")
        if fault == "error":
            raise ProviderUncertain("provider-error")
        if fault == "crash-before":
            raise LambdaDied("before the call")
        self.sent[to] += 1
        if fault == "timeout":
            raise ProviderUncertain("provider-timeout")
        if fault == "boom":
            raise RuntimeError("an error nobody classified")
        if fault == "crash":
            raise LambdaDied("after the call")
        return f"ses-{tags['notification']}-{self.sent[to]}"

    def opted_out(self) -> set[str]:
        return set()


class TableFaults:
    """botocore hook on the functions' DynamoDB client: `faults[transaction number]`, after moto wrote it."""

    def __init__(self, faults: list[str]) -> None:
        self.faults = faults
        self.count = 0
        self.fired: list[str] = []

    def __call__(self, request: Any, event_name: str, **_: Any) -> None:
        if not event_name.endswith(".TransactWriteItems") or b'"RUN#' in (request.body or b""):
            return
        fault = self.faults[self.count] if self.count < len(self.faults) else "ok"
        self.count += 1
        if fault == "ok":
            return
        self.fired.append(fault)
        if fault == "lost":
            from botocore.exceptions import ReadTimeoutError

            raise ReadTimeoutError(endpoint_url=request.url)
        raise LambdaDied("after a table write")


class Consents:
    def consent_states(self, wanted: Any) -> dict[Any, Any]:
        return {one: ({"status": "active"}, None) for one in wanted}


class Templates:
    def __init__(self) -> None:
        self.template = Template(
            template_id="T",
            version=1,
            channel=Channel.EMAIL,
            name="t",
            subject="Rappel",
            body="Bonjour ((n))",
            gsm7_safe=False,
            placeholders=["n"],
            created_at=START,
            updated_at=START,
        )

    def version(self, org_id: str, template_id: str, version: int) -> Template:
        return self.template

    def preload(self, wanted: set[tuple[str, str, int]]) -> None:
        return None


class Cipher:
    def open(self, sealed: str, keys: dict[str, str]) -> str:
        return sealed


def _create_table(client: Any, name: str) -> NotificationsTable:
    client.create_table(
        TableName=name,
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[
            {"AttributeName": key, "AttributeType": "S"} for key in ("pk", "sk", "cs", "ca")
        ],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[
            {
                "IndexName": "by-claim",
                "KeySchema": [
                    {"AttributeName": "cs", "KeyType": "HASH"},
                    {"AttributeName": "ca", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "KEYS_ONLY"},
            }
        ],
    )
    return NotificationsTable(client, name)


@pytest.fixture
def dynamodb(_aws_environment: None) -> Iterator[Any]:
    """moto for every example of a test, one client (they are slow to build); each example makes
    its own small table (moto copies a whole table on each transaction)."""
    with moto.mock_aws():
        aws.reset_clients()
        try:
            yield aws.client("dynamodb")
        finally:
            aws.reset_clients()


@pytest.fixture
def _aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import botocore.endpoint

    monkeypatch.setattr(botocore.endpoint.time, "sleep", lambda _: None)  # botocore's retry backoff
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "ca-central-1",
        "AWS_DEFAULT_REGION": "ca-central-1",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)


def _message(size: int, in_job: bool, run: int) -> ChannelMessage:
    entries = [
        Entry(
            id=f"N{run:05d}{index:02d}",
            org="org",
            tpl="T",
            ver=1,
            lang="fr",
            to=f"citoyen{index}@example.com",
            p=json.dumps({"n": str(index)}),
            kind="live",
            rh=f"rh{index}",
            job=f"J{run}" if in_job else None,
        )
        for index in range(size)
    ]
    return ChannelMessage(channel=Channel.EMAIL, keys={}, entries=entries)


def _accept(table: NotificationsTable, message: ChannelMessage) -> None:
    items = [
        status_item(
            notification_id=entry.id,
            channel=Channel.EMAIL,
            status=Status.QUEUED,
            template_id="T",
            version=1,
            language="fr",
            key_kind="live",
            recipient_hash=entry.rh,
            now=START,
            job_id=entry.job,
        )
        for entry in message.entries
    ]
    table.add_notifications("org", items)
    job = message.entries[0].job
    if job:
        table.count_in_job("org", job, {"queued": len(items)})


def _deliver_until_done(delivery: ChannelDelivery, message: ChannelMessage, now: Any) -> list[Any]:
    """SQS: the message again until an attempt ends well; answers the events that were published."""
    published: list[Any] = []
    for _ in range(40):
        events = EventBuffer()
        try:
            delivery.deliver(message, events)
        except LambdaDied:
            now.advance(12 * 60)  # the invocation is gone with its buffer; the visibility timeout
            continue
        except Exception:
            published += events.take()  # consume() answers the failure: the invocation's events go out
            continue
        published += events.take()
        return published
    raise AssertionError("the message never got through")


RUN = 0
EXAMPLES = int(os.environ.get("NUMERIQC_FAULT_EXAMPLES", "40"))  # more for a longer search


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    size=st.integers(min_value=1, max_value=8),
    in_job=st.booleans(),
    provider_faults=st.lists(st.sampled_from(PROVIDER_FAULTS), max_size=12),
    table_faults=st.lists(st.sampled_from(TABLE_FAULTS), max_size=12),
)
def test_any_fault_sequence_loses_nothing_and_sends_nothing_twice(
    dynamodb: Any, size: int, in_job: bool, provider_faults: list[str], table_faults: list[str]
) -> None:
    global RUN  # noqa: PLW0603 - each example's own table
    RUN += 1
    table = _create_table(dynamodb, f"faults-{RUN}")
    now = clock.FrozenClock(START + timedelta(days=RUN))
    clock.use(now, now.advance)
    hook = TableFaults(table_faults)
    events = dynamodb.meta.events
    events.register_last("before-send", hook)
    try:
        message = _message(size, in_job, run=RUN)
        _accept(table, message)
        provider = Provider(provider_faults)
        config = NotificationsSettings(notifications_table=f"faults-{RUN}")
        ports: list[Any] = [table, Consents(), Templates(), Cipher(), provider, provider]
        delivery = ChannelDelivery(*ports, lambda: b"pepper", config)
        published = _deliver_until_done(delivery, message, now)
        events.unregister("before-send", hook)
        now.advance(16 * 60)
        swept = EventBuffer()
        sweeper.run(table, swept, now())
        published += swept.take()
        _check(table, message, provider, hook, published)
    finally:
        events.unregister("before-send", hook)
        clock.use(None)


def _check(
    table: NotificationsTable,
    message: ChannelMessage,
    provider: Provider,
    hook: TableFaults,
    published: list[Any],
) -> None:
    items = table.notifications([(entry.org, entry.id) for entry in message.entries])
    assert len(items) == len(message.entries)
    uncertain = 0
    for entry in message.entries:
        item = items[(entry.org, entry.id)]
        sent = provider.sent[entry.to]
        assert sent <= 1, (entry.id, sent)  # never sent twice
        assert not {"cs", "ca"} & set(item), item  # no claim left in flight
        status = item["status"]
        assert status != Status.QUEUED.value, item  # nothing lost
        if status == Status.SENDING.value:
            assert sent == 1 and item["provider_id"].startswith("ses-"), item
        else:
            assert item.get("failure_reason"), item  # failed with a reason
            assert "provider_id" not in item
            if status == Status.TECHNICAL_FAILURE.value:
                uncertain += 1
            else:
                assert (status, item["failure_reason"]) == ("permanent-failure", "MessageRejected")
                assert sent == 0
    fired = [fault for fault in provider.fired + hook.fired if fault in UNCERTAIN]
    assert uncertain <= len(fired), (uncertain, fired)
    finals = Counter(item["status"] for item in items.values() if item["status"] != Status.SENDING.value)
    announced = Counter(event.data["status"] for event in published)
    assert announced == finals  # each final status announced once
    assert len({event.data["id"] for event in published}) == len(published)
    if message.entries[0].job:
        job = table.job("org", message.entries[0].job) or {}
        counts = {key[2:]: int(value) for key, value in job.items() if key.startswith("n_") and int(value)}
        assert counts == dict(Counter(item["status"] for item in items.values())), (counts, hook.fired)


def _setup(
    dynamodb: Any, size: int, in_job: bool = True
) -> tuple[NotificationsTable, ChannelMessage, Provider]:
    global RUN  # noqa: PLW0603 - each test's own table
    RUN += 1
    table = _create_table(dynamodb, f"faults-{RUN}")
    message = _message(size, in_job, run=RUN)
    _accept(table, message)
    return table, message, Provider([])


def _delivery(table: NotificationsTable, provider: Provider) -> ChannelDelivery:
    config = NotificationsSettings(notifications_table=table._table)
    ports: list[Any] = [table, Consents(), Templates(), Cipher(), provider, provider]
    return ChannelDelivery(*ports, lambda: b"pepper", config)


def test_an_invocation_about_to_time_out_stops_and_leaves_the_rest_queued(dynamodb: Any) -> None:
    """The sender is told the invocation's remaining time: it stops before Lambda kills it, gives
    back the claim it holds and leaves the rest `queued`; the retry sends them."""
    now = clock.FrozenClock(START)
    clock.use(now, now.advance)
    try:
        table, message, provider = _setup(dynamodb, 5)
        delivery = _delivery(table, provider)
        left = iter([60_000, 60_000, 5_000])
        with pytest.raises(OutOfTime):
            delivery.deliver(message, EventBuffer(), lambda: next(left, 0))
        items = table.notifications([(e.org, e.id) for e in message.entries])
        assert [items[(e.org, e.id)]["status"] for e in message.entries] == ["sending"] * 2 + ["queued"] * 3
        assert not any(
            {"cs", "ca", "ct"} & set(item) for item in items.values() if item["status"] == "queued"
        )
        delivery.deliver(message, EventBuffer())
        assert sorted(provider.sent.values()) == [1] * 5
        job = table.job("org", message.entries[0].job or "") or {}
        assert (job["n_queued"], job["n_sending"]) == (0, 5)
    finally:
        clock.use(None)


def test_a_claim_held_by_a_live_attempt_is_left_to_it(dynamodb: Any) -> None:
    """A duplicate of the message running at the same time holds a claim: this attempt skips that
    recipient and does not settle for the other attempt (it is alive, it settles its own)."""
    now = clock.FrozenClock(START)
    clock.use(now, now.advance)
    try:
        table, message, provider = _setup(dynamodb, 3)
        held = message.entries[1]
        claim = SendResult(held.org, held.id, {"status": "sending", "updated_at": START.isoformat()})
        assert table.advance(new_ulid(now), now(), claim=claim) == {(held.org, held.id)}
        delivery = _delivery(table, provider)
        delivery.deliver(message, EventBuffer())
        assert held.to not in provider.sent and sorted(provider.sent.values()) == [1, 1]
        state = table.states([(held.org, held.id)])[(held.org, held.id)]
        assert state.in_flight and state.status == "sending"
        job = table.job("org", held.job or "") or {}
        assert (job["n_queued"], job["n_sending"]) == (1, 2)
    finally:
        clock.use(None)
