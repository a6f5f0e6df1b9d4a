"""A grantee's queue that refuses a block: the other grantees still receive it (again, with the same
ids: at least once), the failure is counted and announced, and after the stream's retries the block
waits in the on-failure queue for an operator: accepted, never silently lost."""

from typing import Any

from numeriqc.core import aws
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


def _exchange_queues() -> set[str]:
    urls = aws.client("sqs").list_queues().get("QueueUrls") or []
    return {url for url in urls if "xchg" in url and not url.endswith("-dlq")}


def test_a_block_a_grantee_cannot_take_is_retried_then_kept(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    exchange_key(new_key, "ramq")  # the consumer whose queue goes missing
    owner_events = listen(platform, saaq, "saaq-events")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    before = _exchange_queues()
    assert grant(platform, saaq, "saaq.permis", "ramq", service_clock.now()).status == 200
    (ramq_queue,) = _exchange_queues() - before
    aws.client("sqs").delete_queue(QueueUrl=ramq_queue)  # lost outside the service

    published = publish(platform, saaq, "saaq.permis", messages(3)).json()
    platform.drain(max_rounds=200)

    ids = [item["event"]["id"] for item in pull_all(platform, rq, "saaq.permis")]
    assert set(ids) == set(published["ids"])  # redelivered on each retry: same ids, at least once
    failed = [e for e in received(owner_events) if e["type"].endswith("delivery.failed.v1")]
    assert failed and all(e["data"]["consumer"] == "ramq" for e in failed)
    day = service_clock.now().date().isoformat()
    stats = platform.http(
        "GET",
        "/v1/exchange/datasets/saaq.permis/stats",
        headers=bearer(saaq),
        query={"since": day, "until": day},
    ).json()["items"][0]
    assert stats["failures"] == len(failed)
    failures_queue = platform.names["ExchangeLogStreamFailures"]  # a queue's Ref is its URL
    kept = aws.client("sqs").receive_message(QueueUrl=failures_queue, MaxNumberOfMessages=10)
    assert len(kept.get("Messages", [])) == 1
