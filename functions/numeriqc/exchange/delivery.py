"""Fan-out of a logged block to every current grantee of its dataset, read at delivery time.

The grants are read once per block, so a revoked or expired grant receives nothing from the next
block on, and a consumer whose `max_tier` is below the messages' tier never receives them. Events
travel in bundles of up to `BUNDLE_BYTES` per SQS message (a bundle is acknowledged as one), sent
in batches of 10: SQS calls per message per consumer fall with the size of the messages, not their
count. A send that fails fails the block: the stream retries it, and consumers who already had it
receive it again (same event ids: redelivery is expected, see docs/exchange.md).

A consumer that registered a push endpoint (push_endpoints.py) gets the same bundles as push jobs
on the exchange's work queue instead of its own queue, each with the block's coordinates: the
worker POSTs them (pushing.py), and its success is what `exchange.message.delivered.v1` announces.
"""

import json
from datetime import datetime

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink, cloud_event
from numeriqc.core.observability import logger
from numeriqc.exchange.chain import Entry
from numeriqc.exchange.models import Grant, Tier
from numeriqc.exchange.ports import ConsumerQueues, DeliveryStats, GrantRecords, WorkQueue

BUNDLE_BYTES = 240 * 1024


class DeliveryFailed(RuntimeError):
    """A consumer's queue refused a bundle: the block is retried by the stream."""


def push_job(grant: Grant, logged_at: datetime, summary: dict[str, object], bundle: str) -> str:
    """A bundle as a push job: the bundle's own JSON object with the job's fields in front."""
    job = {"job": "push", "logged_at": logged_at.isoformat(), "endpoint_id": grant.push_id, **summary}
    return json.dumps(job, separators=(",", ":"))[:-1] + "," + bundle[1:]


def bundles(texts: list[str]) -> list[str]:
    """SQS bodies of whole events, each under BUNDLE_BYTES (publishing caps one event at 200 KB)."""
    bodies: list[str] = []
    current: list[str] = []
    size = 0
    for text in texts:
        length = len(text.encode()) + 1
        if current and size + length > BUNDLE_BYTES:
            bodies.append('{"events":[' + ",".join(current) + "]}")
            current, size = [], 0
        current.append(text)
        size += length
    if current:
        bodies.append('{"events":[' + ",".join(current) + "]}")
    return bodies


class Delivery:
    def __init__(
        self,
        grants: GrantRecords,
        queues: ConsumerQueues,
        stats: DeliveryStats,
        work: WorkQueue,
        clock: Clock = installed_clock,
    ) -> None:
        self._grants = grants
        self._queues = queues
        self._stats = stats
        self._work = work
        self._clock = clock

    def deliver(self, dataset_id: str, logged_at: datetime, entries: list[Entry], sink: EventSink) -> int:
        """Deliver the block's messages; answers how many consumers received them."""
        messages = [(entry, json.loads(entry.text)) for entry in entries]
        messages = [(entry, event) for entry, event in messages if "specversion" in event]
        if not messages:
            return 0
        tier = Tier(messages[0][1]["dataclassification"])
        owner = str(messages[0][1]["orgid"])
        texts = [entry.text for entry, _ in messages]
        now = self._clock()
        reached, pushed, failed = 0, 0, 0
        for grant in (Grant.model_validate(item) for item in self._grants.grants(dataset_id)):
            if not grant.current(now) or grant.max_tier.rank < tier.rank:
                continue
            summary = {
                "dataset_id": dataset_id,
                "consumer": grant.consumer,
                "count": len(messages),
                "first_seq": messages[0][0].seq,
                "last_seq": messages[-1][0].seq,
            }
            try:
                if grant.push_id:
                    self._work.send([push_job(grant, logged_at, summary, body) for body in bundles(texts)])
                else:
                    self._queues.send(grant.queue_url, bundles(texts))
            except Exception as error:
                logger.warning(
                    "delivery failed",
                    extra={
                        "dataset_id": dataset_id,
                        "consumer": grant.consumer,
                        "error_type": type(error).__name__,
                    },
                )
                failed += 1
                sink.emit(cloud_event("exchange", "delivery.failed", owner, summary, clock=self._clock))
                continue
            reached += 1
            if grant.push_id:
                pushed += 1  # counted and announced once the endpoint has answered (pushing.py)
                continue
            sink.emit(
                cloud_event("exchange", "message.delivered", grant.consumer, summary, clock=self._clock)
            )
        latency_ms = max(0, int((now - logged_at).total_seconds() * 1000))
        self._stats.record_delivery(
            dataset_id,
            now.date().isoformat(),
            (reached - pushed) * len(messages),
            failed,
            latency_ms * (reached - pushed) * len(messages),
        )
        if failed:
            raise DeliveryFailed(f"{failed} consumers of {dataset_id} not reached")
        return reached
