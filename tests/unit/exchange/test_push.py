"""Push: the signature a consumer verifies, the retry schedule, and what one attempt decides.

Stand-ins for the ports (grants, transport, queues, stats); the HTTP transport itself is exercised
against real sockets in tests/integration/exchange/test_push.py."""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from numeriqc.core.events import EventBuffer
from numeriqc.exchange import push_retries, push_signatures
from numeriqc.exchange.adapters.push_http import HttpsPush
from numeriqc.exchange.ports import PushUnreachable
from numeriqc.exchange.pushing import Pushing, batch_body

NOW = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
SECRET = push_signatures.secret_for(b"pepper", "01KF0000000000000000000000")


# -- signature ----------------------------------------------------------------------------------


def test_a_signed_delivery_verifies_and_any_change_does_not() -> None:
    body = b'[{"id":"1"}]'
    headers = push_signatures.headers(SECRET, "evt.mtq", 1_800_000_000, body)
    assert push_signatures.verify(SECRET, headers, body, 1_800_000_000)
    assert push_signatures.verify(SECRET, {k.upper(): v for k, v in headers.items()}, body, 1_800_000_100)
    assert not push_signatures.verify(SECRET, headers, body + b" ", 1_800_000_000)
    other = push_signatures.secret_for(b"pepper", "01KF0000000000000000000001")
    assert not push_signatures.verify(other, headers, body, 1_800_000_000)
    assert not push_signatures.verify(SECRET, {**headers, "webhook-id": "evt.other"}, body, 1_800_000_000)


def test_a_replayed_or_future_delivery_is_refused_past_the_tolerance() -> None:
    body = b"[]"
    headers = push_signatures.headers(SECRET, "evt.mtq", 1_800_000_000, body)
    late = 1_800_000_000 + push_signatures.TOLERANCE_SECONDS + 1
    early = 1_800_000_000 - push_signatures.TOLERANCE_SECONDS - 1
    assert not push_signatures.verify(SECRET, headers, body, late)
    assert not push_signatures.verify(SECRET, headers, body, early)
    forged = {**headers, "webhook-timestamp": str(late)}  # moving the stamp breaks the signature
    assert not push_signatures.verify(SECRET, forged, body, late)


def test_the_signature_follows_standard_webhooks() -> None:
    """`v1,` + base64(HMAC-SHA256(base64-decoded secret, id.timestamp.body)), a `whsec_` secret."""
    import base64
    import hashlib
    import hmac

    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, b"msg.1700000000.{}", hashlib.sha256).digest()).decode()
    assert SECRET.startswith("whsec_") and len(key) == 32
    assert push_signatures.signature(SECRET, "msg", 1_700_000_000, b"{}") == f"v1,{expected}"
    rotating = {
        "webhook-id": "msg",
        "webhook-timestamp": "1700000000",
        "webhook-signature": f"v1,AAAA v1,{expected}",
    }
    assert push_signatures.verify(SECRET, rotating, b"{}", 1_700_000_000)


# -- retries ------------------------------------------------------------------------------------


def test_retries_grow_with_jitter_and_end() -> None:
    lows = [push_retries.delay_after(n, 0.0) for n in range(1, push_retries.MAX_ATTEMPTS)]
    highs = [push_retries.delay_after(n, 0.999) for n in range(1, push_retries.MAX_ATTEMPTS)]
    assert lows == sorted(lows) and all(low < high for low, high in zip(lows, highs, strict=True))
    assert all(high <= push_retries.MAX_DELAY for high in highs)
    assert lows[0] >= 8 and sum(lows) > 7 * 3600  # an endpoint down for a night still gets them
    assert sum(highs) < push_retries.MAX_WAIT_SECONDS  # within SQS's 12 hours on one message
    assert push_retries.capped(21600, age_seconds=40000) == push_retries.MAX_WAIT_SECONDS - 40000
    assert push_retries.capped(60, age_seconds=100) == 60
    assert push_retries.capped(60, age_seconds=50000) == 0
    assert not push_retries.exhausted(push_retries.MAX_ATTEMPTS - 1)
    assert push_retries.exhausted(push_retries.MAX_ATTEMPTS)


# -- one attempt --------------------------------------------------------------------------------


class Grants:
    def __init__(self, **changes: Any) -> None:
        self.item: dict[str, Any] | None = {
            "dataset_id": "saaq.permis",
            "consumer": "mtq",
            "max_tier": "restricted",
            "expires_at": (NOW + timedelta(days=1)).isoformat(),
            "status": "active",
            "granted_at": NOW.isoformat(),
            "queue_url": "queue://mtq",
            "push_url": "https://mtq.example/hook",
            "push_id": "01KF0000000000000000000000",
            "push_since": NOW.isoformat(),
            **changes,
        }

    def grant(self, dataset_id: str, consumer: str) -> dict[str, Any] | None:
        return self.item


class Transport:
    def __init__(self, failure: str | None = None) -> None:
        self.failure = failure
        self.posts: list[tuple[str, bytes, dict[str, str]]] = []

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        self.posts.append((url, body, headers))
        if self.failure:
            raise PushUnreachable(self.failure)


class Queues:
    def __init__(self) -> None:
        self.sent: list[tuple[str, list[str]]] = []

    def send(self, queue_url: str, bodies: list[str]) -> None:
        self.sent.append((queue_url, bodies))


class Stats:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def record_delivery(
        self, dataset_id: str, day: str, delivered: int, failures: int, latency_ms: int
    ) -> None:
        self.calls.append((delivered, failures))


EVENTS = [
    {"id": f"01KF00000000000000000000{n:02d}", "specversion": "1.0", "data": {"n": n}} for n in range(3)
]
JOB = {
    "job": "push",
    "logged_at": NOW.isoformat(),
    "endpoint_id": "01KF0000000000000000000000",
    "dataset_id": "saaq.permis",
    "consumer": "mtq",
    "count": 3,
    "first_seq": 4,
    "last_seq": 6,
    "events": EVENTS,
}


def attempt(
    grants: Grants, transport: Transport, number: int = 1
) -> tuple[int | None, Queues, Stats, EventBuffer]:
    queues, stats, sink = Queues(), Stats(), EventBuffer()
    pushing = Pushing(grants, transport, queues, stats, lambda _: SECRET, clock=lambda: NOW)  # type: ignore[arg-type]
    return pushing.push(JOB, number, sink), queues, stats, sink


def test_a_2xx_is_delivered_signed_and_announced_to_the_consumer() -> None:
    transport = Transport()
    wait, queues, stats, sink = attempt(Grants(), transport)
    assert wait is None and queues.sent == [] and stats.calls == [(3, 0)]
    [(url, body, headers)] = transport.posts
    assert url == "https://mtq.example/hook" and json.loads(body) == EVENTS and body == batch_body(EVENTS)
    assert headers["webhook-id"] == f"{EVENTS[0]['id']}.mtq"
    assert push_signatures.verify(SECRET, headers, body, int(NOW.timestamp()))
    [event] = sink.take()
    assert event.type.endswith("exchange.message.delivered.v1") and event.orgid == "mtq"
    assert event.data["first_seq"] == 4 and event.data["count"] == 3


@pytest.mark.parametrize(
    "reason", ["http_500", "http_404", "http_302", "timeout", "connection_refused", "tls"]
)
def test_every_failure_is_retried_then_goes_to_the_pull_queue_with_a_reason(reason: str) -> None:
    for number in range(1, push_retries.MAX_ATTEMPTS):
        wait, queues, stats, sink = attempt(Grants(), Transport(reason), number)
        assert wait is not None and wait > 0 and queues.sent == [] and sink.take() == []
    wait, queues, stats, sink = attempt(Grants(), Transport(reason), push_retries.MAX_ATTEMPTS)
    assert wait is None
    [(queue, [bundle])] = queues.sent
    assert queue == "queue://mtq" and json.loads(bundle)["events"] == EVENTS  # pullable, nothing lost
    [event] = sink.take()
    assert event.type.endswith("exchange.delivery.failed.v1") and event.orgid == "mtq"
    assert event.data["reason"] == reason and event.data["attempts"] == push_retries.MAX_ATTEMPTS
    assert stats.calls == [(0, 1)]


def test_a_revoked_grant_drops_the_job_and_a_removed_endpoint_queues_it() -> None:
    transport = Transport()
    wait, queues, _, sink = attempt(Grants(status="revoked"), transport)
    assert wait is None and transport.posts == [] and queues.sent == [] and sink.take() == []
    wait, queues, _, sink = attempt(Grants(push_id="", push_url=""), transport)
    assert wait is None and transport.posts == [] and len(queues.sent) == 1


def test_a_changed_endpoint_gets_the_job_signed_with_its_own_secret() -> None:
    transport = Transport()
    attempt(Grants(push_url="https://new.example/hook", push_id="01KF0000000000000000000009"), transport)
    [(url, _, _)] = transport.posts
    assert url == "https://new.example/hook"


# -- the endpoint policy: the organizations rule, through the port ------------------------------


class Names:
    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers

    def addresses(self, host: str) -> list[str]:
        if host not in self.answers:
            raise LookupError(host)
        return self.answers[host]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://hooks.example/x", "not_https"),
        ("https://127.0.0.1/x", "not_public"),
        ("https://10.1.2.3/x", "not_public"),
        ("https://169.254.169.254/latest", "not_public"),
        ("https://100.64.0.1/x", "not_public"),
        ("https://[::ffff:127.0.0.1]/x", "not_public"),
        ("https://2130706433/x", "numeric_form"),
        ("https://0x7f.1/x", "numeric_form"),
        ("https://１２７.０.０.１/x", "not_public"),
        ("https://rebind.example/x", "not_public"),
        ("https://nowhere.example/x", "unresolvable"),
        ("https://user:pw@hooks.example/x", "credentials"),
        ("http://127.0.0.1:8080/x", "not_https"),  # loopback HTTP only when the local setting says so
        ("https://hooks.example/x", None),
    ],
)
def test_push_endpoints_are_judged_by_the_public_endpoints_rule(url: str, reason: str | None) -> None:
    names = Names({"rebind.example": ["203.0.113.9", "10.0.0.5"], "hooks.example": ["8.8.8.8"]})
    assert HttpsPush(names).refusal(url) == reason


def test_the_local_setting_allows_plain_http_on_loopback_only() -> None:
    policy = HttpsPush(Names({}), allow_loopback_http=True)
    assert policy.refusal("http://127.0.0.1:8080/hook") is None
    assert policy.refusal("http://localhost:8080/hook") is None
    assert policy.refusal("http://10.0.0.1:8080/hook") == "not_https"
    assert policy.refusal("http://user@127.0.0.1:8080/hook") == "not_https"


def test_a_name_that_now_points_inside_a_network_is_not_connected_to() -> None:
    """DNS rebinding: checked again at each POST, before any connection (unit tests block sockets)."""
    names = Names({"hooks.example": ["169.254.169.254"]})
    with pytest.raises(PushUnreachable) as caught:
        HttpsPush(names).post("https://hooks.example/x", b"[]", {})
    assert caught.value.reason == "endpoint_not_public"


def test_the_snippet_in_the_docs_verifies_what_the_pusher_signs() -> None:
    """docs/exchange.md's verification snippet is what consumers copy: it must agree with us."""
    import re
    import time
    from pathlib import Path

    page = (Path(__file__).resolve().parents[3] / "docs" / "exchange.md").read_text()
    [snippet] = [block for block in re.findall(r"```python\n(.*?)```", page, re.S) if "def verify" in block]
    namespace: dict[str, Any] = {}
    exec(snippet, namespace)  # our own documentation
    body = batch_body(EVENTS)
    headers = push_signatures.headers(SECRET, "evt.mtq", int(time.time()), body)
    assert namespace["verify"](SECRET, headers, body)
    assert not namespace["verify"](SECRET, headers, body[:-1] + b" ")
    stale = push_signatures.headers(SECRET, "evt.mtq", int(time.time()) - 3600, body)
    assert not namespace["verify"](SECRET, stale, body)
