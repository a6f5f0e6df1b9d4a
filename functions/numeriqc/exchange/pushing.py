"""A push job's attempt: POST a bundle to the consumer's endpoint, signed, and decide what follows.

The body is a CloudEvents batch (`application/cloudevents-batch+json`: a JSON array of the events,
as logged), signed with the endpoint's secret (push_signatures.py). Its `webhook-id` is the first
event's id and the consumer's name: the same on every attempt and every redelivery of the block, so
a consumer that processed it once drops the copy.

- 2xx: delivered; `exchange.message.delivered.v1` to the consumer, counted in the owner's figures.
- anything else (an error status, a timeout, a refused connection, a TLS failure, a redirect, an
  endpoint whose name now points inside a network): tried again after `push_retries.delay_after`;
  after the last attempt the bundle goes to the consumer's pull queue (push never loses a message)
  and `exchange.delivery.failed.v1` tells the consumer, with the last reason.
- the grant revoked or expired meanwhile: dropped, as a revocation drops the consumer's queue.
- the consumer changed its endpoint meanwhile: sent to the new one; went back to pull: queued.

A worker that dies between the endpoint's 2xx and the queue's deletion of the job pushes the bundle
again (same `webhook-id`): at least once, like every other delivery.
"""

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink, cloud_event
from numeriqc.core.observability import logger
from numeriqc.exchange import chain, push_retries, push_signatures
from numeriqc.exchange.models import Grant
from numeriqc.exchange.ports import (
    ConsumerQueues,
    DeliveryStats,
    GrantRecords,
    PushTransport,
    PushUnreachable,
)

SUMMARY = ("dataset_id", "consumer", "count", "first_seq", "last_seq")


def batch_body(events: list[dict[str, Any]]) -> bytes:
    """The events as one JSON array, each in the canonical form the log hashed."""
    return ("[" + ",".join(chain.canonical(event) for event in events) + "]").encode()


class Pushing:
    def __init__(
        self,
        grants: GrantRecords,
        transport: PushTransport,
        queues: ConsumerQueues,
        stats: DeliveryStats,
        secret: Callable[[str], str],
        *,
        clock: Clock = installed_clock,
    ) -> None:
        self._grants = grants
        self._transport = transport
        self._queues = queues
        self._stats = stats
        self._secret = secret
        self._clock = clock

    def push(self, job: dict[str, Any], attempt: int, sink: EventSink) -> int | None:
        """Attempt number `attempt` (1-based) of `job`: None when it is settled, otherwise the
        seconds to wait before the next attempt."""
        dataset_id, consumer = str(job["dataset_id"]), str(job["consumer"])
        item = self._grants.grant(dataset_id, consumer)
        grant = Grant.model_validate(item) if item else None
        now = self._clock()
        extra = {"dataset_id": dataset_id, "consumer": consumer, "attempt": attempt}
        if grant is None or not grant.current(now):
            logger.info("push dropped: grant ended", extra=extra)
            return None
        events = list(job["events"])
        summary = {name: job[name] for name in SUMMARY} | {"count": len(events)}  # this bundle's
        if not grant.push_id:
            self._to_pull_queue(grant, events)
            logger.info("push job queued for pull: endpoint removed", extra=extra)
            return None
        body = batch_body(events)
        delivery_id = f"{events[0]['id']}.{consumer}"
        headers = push_signatures.headers(
            self._secret(grant.push_id), delivery_id, int(now.timestamp()), body
        )
        try:
            self._transport.post(grant.push_url, body, headers)
        except PushUnreachable as error:
            logger.warning("push failed", extra={**extra, "reason": error.reason})
            if not push_retries.exhausted(attempt):
                return push_retries.delay_after(attempt)
            self._to_pull_queue(grant, events)
            failed = {**summary, "channel": "push", "reason": error.reason, "attempts": attempt}
            sink.emit(cloud_event("exchange", "delivery.failed", consumer, failed, clock=self._clock))
            self._stats.record_delivery(dataset_id, now.date().isoformat(), 0, 1, 0)
            return None
        sink.emit(cloud_event("exchange", "message.delivered", consumer, summary, clock=self._clock))
        latency_ms = max(0, int((now - datetime.fromisoformat(str(job["logged_at"]))).total_seconds() * 1000))
        day = now.date().isoformat()
        self._stats.record_delivery(dataset_id, day, len(events), 0, latency_ms * len(events))
        logger.info("pushed", extra=extra)
        return None

    def _to_pull_queue(self, grant: Grant, events: list[dict[str, Any]]) -> None:
        bundle = {"events": events}
        self._queues.send(grant.queue_url, [json.dumps(bundle, separators=(",", ":"), ensure_ascii=False)])
