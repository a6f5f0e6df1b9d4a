"""One poller per asynchronous trigger of the template; `poll()` moves what is pending once.

* SQS event source mappings: receive up to BatchSize, invoke, delete what succeeded. With
  ReportBatchItemFailures only the reported messages fail; without it an exception fails the whole
  batch. Failed messages are made visible again at once (ChangeMessageVisibility 0), so moto's
  redrive policy moves them to the DLQ after maxReceiveCount receives - no waiting.
* DynamoDB stream mappings: GetRecords from the shard, invoke; on failure retry from the first
  failed record (MaximumRetryAttempts, -1 = until it succeeds, as in AWS), then skip the batch and
  notify the on-failure destination.
* Rule shims and SNS -> Lambda shims: read the hidden queue and deliver to the real targets.
* Schedules: fire each scheduled rule when the clock passes its next fire time.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from ..account import Clients
from ..aws.resources import Shim
from ..clock import Clock
from ..functions.invoker import Invoker
from ..template.wiring import MappingDef, RuleDef, Wiring
from .delivery import Delivery
from .events import dynamodb_record, scheduled_event, sns_record, sqs_record, stream_failure_record
from .schedule_expressions import Schedule, parse_schedule

log = logging.getLogger("numeriqc_local")

# How long one SQS or shim poller may go on taking batches in a round, while its queue has any.
# One batch per round let a bulk's status events pile up behind a sender whose one batch (500 SMS)
# takes a round of seconds: at 8,000 SMS, 1,450 waited for StatusCallbacks (60 with this budget),
# 1,450 for the barometer, 6,900 in a rule's shim. A slow consumer still takes one batch a round.
POLL_BUDGET_SECONDS = 1.0
# Receipt handles whose visibility a function set itself during its invocation (`core.batch`'s
# `Postponed`: an SMS bulk caught by the quiet hours; the exchange's push retries).
_postponed: set[str] = set()


class Postponements:
    """What the SQS pollers do with a failed record whose function set its visibility.

    Locally a failed record comes back at the next round, where Lambda waits for its visibility:
    a developer sees a push's eight attempts in seconds rather than ten hours (moto's visibility
    runs on the real clock, not the local one). Honored, a postponed record keeps the visibility
    its function set, as in AWS: a test of the SMS quiet hours turns it on. Not honored, a bulk
    still sending when the local clock passes 21:00 comes back every round and, after its queue's
    receives, ends in its dead-letter queue, its rows `queued`: set the clock to the morning first.
    """

    def __init__(self) -> None:
        self.honored = False


def listen_for_postponements() -> None:
    """Hear the functions' ChangeMessageVisibility calls (idempotent; before clients are built)."""
    from numeriqc.core import aws

    aws.session().events.register(
        "before-parameter-build.sqs.ChangeMessageVisibility", _heard, unique_id="numeriqc-local-postponed"
    )


def _heard(params: dict[str, Any], **_: Any) -> None:
    if int(params.get("VisibilityTimeout") or 0) > 0:
        _postponed.add(str(params.get("ReceiptHandle")))


class Poller(Protocol):
    name: str

    def poll(self) -> int: ...


def failed_items(result: Any, ids: Sequence[str]) -> set[str] | None:
    """Reported failures of a ReportBatchItemFailures answer; None means the whole batch failed."""
    if result is None or result == {}:
        return set()
    if not isinstance(result, dict):
        return set()
    failures = result.get("batchItemFailures")
    if failures is None:
        return set()
    reported: set[str] = set()
    for failure in failures:
        identifier = failure.get("itemIdentifier") if isinstance(failure, dict) else None
        if not identifier or identifier not in ids:
            return None  # an invalid answer fails the batch, as in AWS
        reported.add(str(identifier))
    return reported


def matches_any(filters: Sequence[Mapping[str, Any]], record: Mapping[str, Any]) -> bool:
    """Event-source filter criteria (EventBridge pattern syntax; SQS bodies matched as JSON)."""
    if not filters:
        return True
    from moto.events.models import EventPattern

    event: Any = dict(record)
    return any(EventPattern.load(json.dumps(pattern)).matches_event(event) for pattern in filters)


class SqsMappingPoller:
    def __init__(
        self,
        mapping: MappingDef,
        queue_url: str,
        invoker: Invoker,
        clients: Clients,
        postponements: Postponements | None = None,
    ) -> None:
        self.name = f"sqs:{mapping.logical_id}"
        self.mapping = mapping
        self.queue_url = queue_url
        self.invoker = invoker
        self.sqs = clients("sqs")
        self.postponements = postponements or Postponements()

    def poll(self) -> int:
        """Batches until the queue has none, one of them failed (its retry waits for the next round,
        as a retry waits for the visibility timeout in AWS), or POLL_BUDGET_SECONDS are spent."""
        if not self.mapping.enabled:
            return 0
        moved, deadline = 0, time.monotonic() + POLL_BUDGET_SECONDS
        while True:
            taken, failed = self._poll_batch()
            moved += taken
            if not taken or failed or time.monotonic() >= deadline:
                return moved

    def _poll_batch(self) -> tuple[int, int]:
        """One batch: how many messages it took, how many of them failed."""
        messages = self._receive()
        if not messages:
            return 0, 0
        records = [sqs_record(message, self.mapping.source_arn) for message in messages]
        selected = [record for record in records if matches_any(self.mapping.filters, _filterable(record))]
        filtered_out = [record for record in records if record not in selected]
        failed: set[str] = set()
        if selected:
            ids = [record["messageId"] for record in selected]
            try:
                result = self.invoker.invoke(self.mapping.function, {"Records": selected})
                reported = failed_items(result, ids) if self.mapping.report_failures else set()
                failed = set(ids) if reported is None else reported
            except Exception:
                log.exception("%s failed on a batch of %d", self.mapping.function, len(selected))
                failed = set(ids)
        done = [record for record in selected if record["messageId"] not in failed] + filtered_out
        retry = [record for record in selected if record["messageId"] in failed]
        self._delete(done)
        self._release(retry)
        return len(messages), len(retry)

    def _receive(self) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = []
        while len(messages) < self.mapping.batch_size:
            answer = self.sqs.receive_message(
                QueueUrl=self.queue_url,
                MaxNumberOfMessages=min(10, self.mapping.batch_size - len(messages)),
                AttributeNames=["All"],
                MessageAttributeNames=["All"],
                WaitTimeSeconds=0,
            )
            received = answer.get("Messages") or []
            if not received:
                break
            messages.extend(received)
        return messages

    def _delete(self, records: list[dict[str, Any]]) -> None:
        for start in range(0, len(records), 10):
            chunk = records[start : start + 10]
            self.sqs.delete_message_batch(
                QueueUrl=self.queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": r["receiptHandle"]} for i, r in enumerate(chunk)],
            )

    def _release(self, records: list[dict[str, Any]]) -> None:
        postponed = {r["receiptHandle"] for r in records} & _postponed
        _postponed.difference_update(postponed)
        if self.postponements.honored:
            records = [r for r in records if r["receiptHandle"] not in postponed]
        for start in range(0, len(records), 10):
            chunk = records[start : start + 10]
            self.sqs.change_message_visibility_batch(
                QueueUrl=self.queue_url,
                Entries=[
                    {"Id": str(i), "ReceiptHandle": r["receiptHandle"], "VisibilityTimeout": 0}
                    for i, r in enumerate(chunk)
                ],
            )


def _filterable(record: Mapping[str, Any]) -> dict[str, Any]:
    candidate = dict(record)
    with contextlib.suppress(ValueError):
        candidate["body"] = json.loads(record["body"])
    return candidate


class StreamMappingPoller:
    def __init__(
        self, mapping: MappingDef, table_name: str, invoker: Invoker, delivery: Delivery, clients: Clients
    ) -> None:
        self.name = f"stream:{mapping.logical_id}"
        self.mapping = mapping
        self.table_name = table_name
        self.invoker = invoker
        self.delivery = delivery
        self.dynamodb = clients("dynamodb")
        self.streams = clients("dynamodbstreams")
        self.stream_arn = ""
        self.iterators: dict[str, str] = {}
        self.attempts: dict[str, int] = {}

    def prime(self) -> None:
        """Open the shard iterators now: LATEST means 'from when the mapping was created'."""
        table = self.dynamodb.describe_table(TableName=self.table_name)["Table"]
        self.stream_arn = table["LatestStreamArn"]
        position = "TRIM_HORIZON" if self.mapping.starting_position == "TRIM_HORIZON" else "LATEST"
        shards = self.streams.describe_stream(StreamArn=self.stream_arn)["StreamDescription"]["Shards"]
        for shard in shards:
            self.iterators[shard["ShardId"]] = self.streams.get_shard_iterator(
                StreamArn=self.stream_arn, ShardId=shard["ShardId"], ShardIteratorType=position
            )["ShardIterator"]

    def poll(self) -> int:
        if not self.mapping.enabled:
            return 0
        if not self.stream_arn:
            self.prime()
        return sum(self._poll_shard(shard_id) for shard_id in list(self.iterators))

    def _poll_shard(self, shard_id: str) -> int:
        answer = self.streams.get_records(
            ShardIterator=self.iterators[shard_id], Limit=self.mapping.batch_size
        )
        raw = answer.get("Records") or []
        if not raw:
            self.iterators[shard_id] = answer["NextShardIterator"]
            return 0
        records = [dynamodb_record(record, self.stream_arn) for record in raw]
        selected = [record for record in records if matches_any(self.mapping.filters, record)]
        failed_at = self._invoke(selected) if selected else None
        if failed_at is None:
            self.iterators[shard_id] = answer["NextShardIterator"]
            self.attempts.pop(shard_id, None)
            return len(raw)
        attempts = self.attempts.get(shard_id, 0) + 1
        self.attempts[shard_id] = attempts
        if 0 <= self.mapping.max_retries < attempts:
            self._give_up(shard_id, selected)
            self.iterators[shard_id] = answer["NextShardIterator"]
            self.attempts.pop(shard_id, None)
        else:
            self.iterators[shard_id] = self.streams.get_shard_iterator(
                StreamArn=self.stream_arn,
                ShardId=shard_id,
                ShardIteratorType="AT_SEQUENCE_NUMBER",
                SequenceNumber=failed_at,
            )["ShardIterator"]
        return len(raw)

    def _invoke(self, records: list[dict[str, Any]]) -> str | None:
        """Invoke on `records`; answers the sequence number to retry from, or None when all succeeded."""
        sequence = [str(record["dynamodb"]["SequenceNumber"]) for record in records]
        try:
            result = self.invoker.invoke(self.mapping.function, {"Records": records})
        except Exception:
            log.exception("%s failed on %d stream records", self.mapping.function, len(records))
            return sequence[0]
        reported = failed_items(result, sequence) if self.mapping.report_failures else set()
        if reported is None:
            return sequence[0]
        if not reported:
            return None
        return min(reported, key=int)

    def _give_up(self, shard_id: str, records: list[dict[str, Any]]) -> None:
        log.error("%s: retries exhausted, skipping %d stream records", self.mapping.logical_id, len(records))
        if self.mapping.on_failure_arn and records:
            function_arn = self.invoker.wiring.function(self.mapping.function).arn
            record = stream_failure_record(
                function_arn, self.stream_arn, shard_id, records[0], records[-1], len(records)
            )
            self.delivery.send(self.mapping.on_failure_arn, json.dumps(record))


class ShimPoller:
    """Reads a shim queue: rule events go to the rule's targets, SNS envelopes to the function."""

    def __init__(self, shim: Shim, rule: RuleDef | None, delivery: Delivery, clients: Clients) -> None:
        self.name = f"shim:{shim.kind}:{shim.owner}"
        self.shim = shim
        self.rule = rule
        self.delivery = delivery
        self.sqs = clients("sqs")

    def poll(self) -> int:
        """Messages (10 per receive) until the queue has none or POLL_BUDGET_SECONDS are spent."""
        moved, deadline = 0, time.monotonic() + POLL_BUDGET_SECONDS
        while time.monotonic() < deadline:
            answer = self.sqs.receive_message(
                QueueUrl=self.shim.queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0
            )
            messages = answer.get("Messages") or []
            if not messages:
                break
            self._deliver([message["Body"] for message in messages])
            self.sqs.delete_message_batch(
                QueueUrl=self.shim.queue_url,
                Entries=[
                    {"Id": str(i), "ReceiptHandle": message["ReceiptHandle"]}
                    for i, message in enumerate(messages)
                ],
            )
            moved += len(messages)
        return moved

    def _deliver(self, bodies: list[str]) -> None:
        """A rule's events go to its targets together (`Delivery.rule_events` batches them); an SNS
        message is one invocation of its function, as SNS invokes."""
        payloads: list[dict[str, Any]] = []
        for body in bodies:
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
            if isinstance(payload, dict):
                payloads.append(payload)
            else:  # never deliverable: kept, it would come back every round
                log.error("%s could not read a message (not a JSON object); it is dropped", self.name)
        if self.shim.kind == "rule" and self.rule is not None:
            account = self.rule.arn.split(":")[4]
            for payload in payloads:
                payload.setdefault("account", account)
            try:
                self.delivery.rule_events(self.rule, payloads)
            except Exception:
                log.exception(
                    "%s could not deliver every event; those without a dead-letter queue are dropped",
                    self.name,
                )
        elif self.shim.function is not None:
            for payload in payloads:
                event = {"Records": [sns_record(payload, self.shim.subscription_arn or "")]}
                try:
                    self.delivery.invoke_async(self.shim.function, event)
                except Exception:
                    log.exception("%s could not deliver a message; it is dropped", self.name)


class SchedulePoller:
    """Fires scheduled rules when the clock passes their next fire time (missed fires collapse)."""

    name = "schedules"

    def __init__(self, wiring: Wiring, delivery: Delivery, clock: Clock) -> None:
        self.delivery = delivery
        self.clock = clock
        now = clock.now()
        self.rules = [rule for rule in wiring.rules.values() if rule.schedule and rule.enabled]
        self.schedules: dict[str, Schedule] = {}
        self.next_fire: dict[str, Any] = {}
        for rule in self.rules:
            schedule = parse_schedule(str(rule.schedule), anchor=now)
            self.schedules[rule.logical_id] = schedule
            self.next_fire[rule.logical_id] = schedule.next_after(now)
        self._seen = now

    def poll(self) -> int:
        now = self.clock.now()
        if now < self._seen:  # the clock went back (`numeriqc clock reset` after an advance)
            for rule in self.rules:
                self.next_fire[rule.logical_id] = self.schedules[rule.logical_id].next_after(now)
        self._seen = now
        fired = 0
        for rule in self.rules:
            due = self.next_fire[rule.logical_id]
            if due is not None and due <= now:
                self.fire(rule)
                self.next_fire[rule.logical_id] = self.schedules[rule.logical_id].next_after(now)
                fired += 1
        return fired

    def fire(self, rule: RuleDef) -> None:
        try:
            self.delivery.rule_events(rule, [scheduled_event(rule.arn, self.clock.now())])
        except Exception:
            log.exception("scheduled rule %s could not deliver", rule.logical_id)

    def tick(self) -> int:
        """Fire every scheduled rule now, whatever its schedule says."""
        for rule in self.rules:
            self.fire(rule)
        return len(self.rules)
