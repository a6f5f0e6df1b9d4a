"""Push through the local platform: a consumer registers an endpoint (a receiver on loopback, which
only the local runtime allows), the worker POSTs signed CloudEvents batches, retries, and after the
last attempt leaves the messages pullable with `exchange.delivery.failed.v1`. Faults: a 500 at each
position of a batch of jobs, a timeout, a refused connection, a crash between the POST and the
queue's deletion. Each time: accepted = delivered + failed with a reason, nothing lost."""

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from numeriqc.exchange import deps, push_retries, push_signatures
from numeriqc.exchange.adapters.push_http import HttpsPush
from numeriqc.exchange.pushing import Pushing
from tests.support.exchange import (
    exchange_key,
    grant,
    listen,
    messages,
    publish,
    pull_all,
    received,
    register,
)
from tests.support.platform import NewKey, bearer


class Receiver:
    """An HTTP endpoint on 127.0.0.1 answering `plan(n)` to its n-th request (1-based); it keeps what
    it accepted (2xx) and every request's headers and body."""

    def __init__(self, plan: Any = lambda n: 200) -> None:
        self.plan = plan
        self.released = threading.Event()
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.accepted: list[dict[str, Any]] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status = receiver.plan(len(receiver.requests))
                if status is None:  # hang until the test ends: the pusher's timeout answers first
                    receiver.released.wait()
                    return
                if 200 <= status < 300:
                    receiver.accepted.extend(json.loads(body))
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver()
    yield made
    made.close()


def setup_push(platform: Any, new_key: NewKey, clock: Any, url: str) -> tuple[str, str, str, str]:
    """saaq publishes permis, mtq holds a grant and pushes to `url`.

    Answers saaq's key, mtq's key, the endpoint's secret and the queue of mtq's events."""
    saaq, mtq = exchange_key(new_key, "saaq"), exchange_key(new_key, "mtq")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "mtq", clock.now()).status == 200
    events = listen(platform, mtq, "mtq-events")
    answer = platform.http(
        "PUT", "/v1/exchange/datasets/saaq.permis/push", headers=bearer(mtq), json={"url": url}
    )
    assert answer.status == 201, answer.text
    return saaq, mtq, answer.json()["secret"], events


def test_pushed_batches_are_signed_cloudevents_and_announced(
    platform: Any, new_key: NewKey, service_clock: Any, receiver: Receiver
) -> None:
    saaq, mtq, secret, events = setup_push(platform, new_key, service_clock, receiver.url)
    published = [publish(platform, saaq, "saaq.permis", messages(3, start)).json() for start in (0, 3)]
    platform.drain(max_rounds=200)

    accepted = {ids for batch in published for ids in batch["ids"]}
    assert {event["id"] for event in receiver.accepted} == accepted
    for headers, body in receiver.requests:
        assert headers["content-type"].startswith("application/cloudevents-batch+json")
        assert push_signatures.verify(secret, headers, body, int(headers["webhook-timestamp"]))
        assert not push_signatures.verify(secret, headers, body + b" ", int(headers["webhook-timestamp"]))
    assert pull_all(platform, mtq, "saaq.permis") == []  # pushed, not queued
    delivered = [e for e in received(events) if e["type"].endswith("message.delivered.v1")]
    assert sorted((e["data"]["first_seq"], e["data"]["count"]) for e in delivered) == [(2, 3), (5, 3)]
    shown = platform.http("GET", "/v1/exchange/datasets/saaq.permis/push", headers=bearer(mtq)).json()
    assert shown["url"] == receiver.url and shown["secret"] is None


@pytest.mark.parametrize("position", [1, 2, 3])
def test_a_500_at_any_position_of_a_batch_is_retried_and_nothing_is_lost(
    platform: Any, new_key: NewKey, service_clock: Any, position: int
) -> None:
    receiver = Receiver(lambda n: 500 if n == position else 200)
    try:
        saaq, mtq, _, events = setup_push(platform, new_key, service_clock, receiver.url)
        published = [publish(platform, saaq, "saaq.permis", messages(2, 2 * n)).json() for n in range(3)]
        platform.drain(max_rounds=200)
        accepted = {i for batch in published for i in batch["ids"]}
        assert {event["id"] for event in receiver.accepted} == accepted
        assert len(receiver.requests) == 4  # three jobs, one of them twice
        assert pull_all(platform, mtq, "saaq.permis") == []
        assert not [e for e in received(events) if e["type"].endswith("delivery.failed.v1")]
    finally:
        receiver.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("fault", ["http_500", "timeout", "connection_refused"])
def test_after_the_last_attempt_the_messages_are_pullable_and_the_failure_announced(
    platform: Any, new_key: NewKey, service_clock: Any, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    receiver = Receiver(lambda n: None if fault == "timeout" else 500)
    url = receiver.url if fault != "connection_refused" else f"http://127.0.0.1:{_closed_port()}/hook"
    if fault == "timeout":  # a short timeout, so that the hanging receiver costs a fraction of a second
        monkeypatch.setattr(
            deps, "push_transport", lambda: HttpsPush(deps.resolver(), allow_loopback_http=True, timeout=0.2)
        )
    try:
        saaq, mtq, _, events = setup_push(platform, new_key, service_clock, url)
        published = publish(platform, saaq, "saaq.permis", messages(4)).json()
        platform.drain(max_rounds=400)
        if fault != "connection_refused":
            assert len(receiver.requests) == push_retries.MAX_ATTEMPTS
        pulled = [item["event"]["id"] for item in pull_all(platform, mtq, "saaq.permis")]
        assert sorted(pulled) == sorted(published["ids"])  # accepted = failed-with-a-reason, pullable
        [failed] = [e for e in received(events) if e["type"].endswith("delivery.failed.v1")]
        assert failed["data"]["reason"] == fault and failed["data"]["count"] == 4
        assert failed["data"]["attempts"] == push_retries.MAX_ATTEMPTS
    finally:
        receiver.close()


def test_a_crash_between_the_post_and_the_queue_deletion_pushes_again_with_the_same_id(
    platform: Any, new_key: NewKey, service_clock: Any, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    saaq, _, _, _ = setup_push(platform, new_key, service_clock, receiver.url)
    real, crashes = Pushing.push, []

    def crashing(self: Pushing, job: dict[str, Any], attempt: int, sink: Any) -> int | None:
        wait = real(self, job, attempt, sink)
        if not crashes:
            crashes.append(attempt)
            raise RuntimeError("worker died after the endpoint answered")
        return wait

    monkeypatch.setattr(Pushing, "push", crashing)
    published = publish(platform, saaq, "saaq.permis", messages(3)).json()
    platform.drain(max_rounds=200)
    assert crashes == [1]
    ids = [event["id"] for event in receiver.accepted]
    assert sorted(set(ids)) == sorted(published["ids"]) and len(ids) == 2 * len(published["ids"])
    first, second = (headers["webhook-id"] for headers, _ in receiver.requests)
    assert first == second  # at least once: the consumer drops the second by its id


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example/x",
        "https://127.0.0.1/x",
        "https://10.0.0.8/x",
        "https://169.254.169.254/latest/meta-data",
        "https://[::ffff:10.0.0.1]/x",
        "https://0x7f000001/x",
        "https://100.64.1.1/x",
        "http://10.0.0.8:8080/x",
    ],
)
def test_an_endpoint_inside_a_network_is_refused_in_french_and_english(
    platform: Any, new_key: NewKey, service_clock: Any, url: str
) -> None:
    saaq, mtq = exchange_key(new_key, "saaq"), exchange_key(new_key, "mtq")
    register(platform, saaq, "permis")
    grant(platform, saaq, "saaq.permis", "mtq", service_clock.now())
    for language in ("fr", "en"):
        answer = platform.http(
            "PUT",
            "/v1/exchange/datasets/saaq.permis/push",
            headers={**bearer(mtq), "Accept-Language": language},
            json={"url": url},
        )
        assert answer.status == 422, answer.text
        assert answer.headers["content-language"] == language
        [error] = answer.json()["errors"]
        assert error["field"] == "body.url"
    assert platform.http("GET", "/v1/exchange/datasets/saaq.permis/push", headers=bearer(mtq)).status == 404


def test_only_a_current_grantee_registers_and_a_revocation_ends_the_push(
    platform: Any, new_key: NewKey, service_clock: Any, receiver: Receiver
) -> None:
    saaq, mtq = exchange_key(new_key, "saaq"), exchange_key(new_key, "mtq")
    register(platform, saaq, "permis")
    body = {"url": receiver.url}
    path = "/v1/exchange/datasets/saaq.permis/push"
    assert platform.http("PUT", path, headers=bearer(mtq), json=body).status == 404
    assert platform.http("PUT", path, headers=bearer(saaq), json=body).status == 404  # the owner has no grant
    grant(platform, saaq, "saaq.permis", "mtq", service_clock.now())
    assert platform.http("PUT", path, headers=bearer(mtq), json=body).status == 201
    assert (
        platform.http("DELETE", "/v1/exchange/datasets/saaq.permis/grants/mtq", headers=bearer(saaq)).status
        == 200
    )
    publish(platform, saaq, "saaq.permis", messages(2))
    platform.drain(max_rounds=200)
    assert receiver.requests == []
    assert platform.http("GET", path, headers=bearer(mtq)).status == 404


def test_back_to_pull_after_removing_the_endpoint(
    platform: Any, new_key: NewKey, service_clock: Any, receiver: Receiver
) -> None:
    saaq, mtq, _, _ = setup_push(platform, new_key, service_clock, receiver.url)
    path = "/v1/exchange/datasets/saaq.permis/push"
    assert platform.http("DELETE", path, headers=bearer(mtq)).status == 200
    published = publish(platform, saaq, "saaq.permis", messages(2)).json()
    platform.drain(max_rounds=200)
    assert receiver.requests == []
    assert sorted(i["event"]["id"] for i in pull_all(platform, mtq, "saaq.permis")) == sorted(
        published["ids"]
    )
