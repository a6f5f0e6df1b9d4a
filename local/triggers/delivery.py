"""Delivering to a target ARN the way AWS services do: asynchronous Lambda invocations (with their
retries and dead-letter / on-failure destinations), SQS sends and SNS publishes.

Rules, SNS subscriptions and stream-mapping failure destinations all deliver through here, so the
retry rules of asynchronous invocation exist once: up to 1 + MaximumRetryAttempts attempts (2
retries by default), then the function's on-failure destination or dead-letter queue, else a
logged loss - exactly what AWS would do, without the back-off delays.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from ..account import Clients
from ..functions.invoker import Invoker
from ..template import naming
from ..template.wiring import FunctionDef, RuleDef, Wiring
from .target_input import target_input

log = logging.getLogger("numeriqc_local")


class Delivery:
    def __init__(self, wiring: Wiring, clients: Clients, invoker: Invoker) -> None:
        self.wiring = wiring
        self.clients = clients
        self.invoker = invoker
        self.lost: list[dict[str, Any]] = []

    def send(self, arn: str, text: str, *, group_id: str | None = None, dedup_id: str | None = None) -> None:
        """Deliver `text` to a Lambda function, SQS queue or SNS topic; raises if the target refuses."""
        service = arn.split(":")[2]
        if service == "lambda":
            self.invoke_async(self.wiring.function(arn).logical_id, _json_or_text(text))
        elif service == "sqs":
            args: dict[str, Any] = {
                "QueueUrl": naming.queue_url(arn.rsplit(":", maxsplit=1)[-1]),
                "MessageBody": text,
            }
            if arn.endswith(".fifo"):
                args["MessageGroupId"] = group_id or "default"
                args["MessageDeduplicationId"] = dedup_id or uuid.uuid4().hex
            self.clients("sqs").send_message(**args)
        elif service == "sns":
            publish: dict[str, Any] = {"TopicArn": arn, "Message": text}
            if arn.endswith(".fifo"):
                publish["MessageGroupId"] = group_id or "default"
                publish["MessageDeduplicationId"] = dedup_id or uuid.uuid4().hex
            self.clients("sns").publish(**publish)
        else:
            raise NotImplementedError(f"delivery to {arn} is not emulated locally")

    def invoke_async(self, function_id: str, event: Any) -> bool:
        """An asynchronous invocation: retried, then sent to its destination or DLQ; True if it ran."""
        function = self.wiring.function(function_id)
        request_id = str(uuid.uuid4())
        attempts = 1 + max(0, function.async_retries)
        error: BaseException | None = None
        for attempt in range(1, attempts + 1):
            try:
                self.invoker.invoke(function.logical_id, event, request_id)
                return True
            except Exception as caught:
                error = caught
                log.warning("%s failed (attempt %d/%d): %r", function.logical_id, attempt, attempts, caught)
        assert error is not None
        self._exhausted(function, event, request_id, error, attempts)
        return False

    def _exhausted(
        self, function: FunctionDef, event: Any, request_id: str, error: BaseException, attempts: int
    ) -> None:
        if function.on_failure_arn:
            record = {
                "version": "1.0",
                "timestamp": datetime.now(UTC).isoformat(),
                "requestContext": {
                    "requestId": request_id,
                    "functionArn": f"{function.arn}:$LATEST",
                    "condition": "RetriesExhausted",
                    "approximateInvokeCount": attempts,
                },
                "requestPayload": event,
                "responseContext": {
                    "statusCode": 200,
                    "executedVersion": "$LATEST",
                    "functionError": "Unhandled",
                },
                "responsePayload": _error_payload(error),
            }
            self.send(function.on_failure_arn, json.dumps(record))
        elif function.dead_letter_arn:
            self._to_dead_letter(function.dead_letter_arn, event, request_id, error)
        else:
            log.error(
                "%s: event dropped after %d attempts (no DLQ, no on-failure destination)",
                function.logical_id,
                attempts,
            )
            self.lost.append({"function": function.logical_id, "event": event, "error": repr(error)})

    def _to_dead_letter(self, arn: str, event: Any, request_id: str, error: BaseException) -> None:
        attributes = {
            "RequestID": {"DataType": "String", "StringValue": request_id},
            "ErrorCode": {"DataType": "Number", "StringValue": "200"},
            "ErrorMessage": {"DataType": "String", "StringValue": str(error)[:256] or type(error).__name__},
        }
        body = json.dumps(event)
        if arn.split(":")[2] == "sqs":
            self.clients("sqs").send_message(
                QueueUrl=naming.queue_url(arn.rsplit(":", maxsplit=1)[-1]),
                MessageBody=body,
                MessageAttributes=attributes,
            )
        else:
            self.clients("sns").publish(TopicArn=arn, Message=body, MessageAttributes=attributes)

    def rule_events(self, rule: RuleDef, events: Sequence[Mapping[str, Any]]) -> None:
        """Deliver matched events to every target of `rule`, with the target's transformation.

        To a topic or a queue they go up to ten a call (`send_all`): one call per event made the
        rule shim the slowest consumer of a bulk, 35,000 events behind at 62,000 SMS. An event
        a target refuses goes to the target's dead-letter queue; without one, the first such error
        is raised once the other events were delivered."""
        refused: BaseException | None = None
        for target in rule.targets:
            texts = [
                target_input(
                    event,
                    input=target.input,
                    input_path=target.input_path,
                    input_paths_map=target.input_paths_map,
                    input_template=target.input_template,
                    rule_name=rule.name,
                    rule_arn=rule.arn,
                )
                for event in events
            ]
            errors = self.send_all(
                target.arn,
                texts,
                group_id=target.message_group_id,
                dedup_ids=[str(event.get("id")) for event in events],
            )
            for event, error in zip(events, errors, strict=True):
                if error is None:
                    continue
                log.warning("rule %s could not deliver to %s: %r", rule.logical_id, target.arn, error)
                if not target.dead_letter_arn:
                    refused = refused or error
                    continue
                self.clients("sqs").send_message(
                    QueueUrl=naming.queue_url(target.dead_letter_arn.split(":")[-1]),
                    MessageBody=json.dumps(dict(event)),
                    MessageAttributes={
                        "RULE_ARN": {"DataType": "String", "StringValue": rule.arn},
                        "TARGET_ARN": {"DataType": "String", "StringValue": target.arn},
                        "ERROR_MESSAGE": {"DataType": "String", "StringValue": str(error)[:256] or "error"},
                    },
                )
        if refused is not None:
            raise refused

    def send_all(
        self, arn: str, texts: Sequence[str], *, group_id: str | None = None, dedup_ids: Sequence[str]
    ) -> list[BaseException | None]:
        """`send` for each text, in batches where the target takes them (SNS `PublishBatch`, SQS
        `SendMessageBatch`); answers each text's error, None where it was delivered."""
        service = arn.split(":")[2]
        if service not in ("sns", "sqs"):
            errors: list[BaseException | None] = []
            for text, dedup_id in zip(texts, dedup_ids, strict=True):
                try:
                    self.send(arn, text, group_id=group_id, dedup_id=dedup_id)
                    errors.append(None)
                except Exception as error:
                    errors.append(error)
            return errors
        errors = [None] * len(texts)
        for batch in _batches(texts):
            entries = [
                _entry(service, arn, i, texts[i], group_id=group_id, dedup_id=dedup_ids[i]) for i in batch
            ]
            try:
                if service == "sns":
                    answer = self.clients("sns").publish_batch(
                        TopicArn=arn, PublishBatchRequestEntries=entries
                    )
                else:
                    queue_url = naming.queue_url(arn.rsplit(":", maxsplit=1)[-1])
                    answer = self.clients("sqs").send_message_batch(QueueUrl=queue_url, Entries=entries)
            except Exception as error:
                for i in batch:
                    errors[i] = error
                continue
            delivered = {entry["Id"] for entry in answer.get("Successful") or []}
            reasons = {
                entry["Id"]: entry.get("Message") or entry.get("Code") for entry in answer.get("Failed") or []
            }
            for i in batch:  # moto leaves out of both lists an entry that failed otherwise
                if str(i) not in delivered:
                    errors[i] = DeliveryRefused(f"{arn}: {reasons.get(str(i)) or 'not delivered'}")
        return errors


class DeliveryRefused(Exception):
    """A batch's answer listed the entry as failed, or did not list it as delivered."""


BATCH_ENTRIES = 10  # SNS PublishBatch's and SQS SendMessageBatch's limit
BATCH_BYTES = 256 * 1024  # both services' limit on a batch's messages together


def _batches(texts: Sequence[str]) -> list[list[int]]:
    """The texts' indexes in order, cut at BATCH_ENTRIES entries or BATCH_BYTES."""
    batches: list[list[int]] = []
    size = 0
    for i, text in enumerate(texts):
        length = len(text.encode())
        if not batches or len(batches[-1]) == BATCH_ENTRIES or size + length > BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(i)
        size += length
    return batches


def _entry(
    service: str, arn: str, i: int, text: str, *, group_id: str | None, dedup_id: str
) -> dict[str, Any]:
    entry: dict[str, Any] = {"Id": str(i), "Message" if service == "sns" else "MessageBody": text}
    if arn.endswith(".fifo"):
        entry["MessageGroupId"] = group_id or "default"
        entry["MessageDeduplicationId"] = dedup_id or uuid.uuid4().hex
    return entry


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _error_payload(error: BaseException) -> dict[str, Any]:
    return {
        "errorMessage": str(error),
        "errorType": type(error).__name__,
        "stackTrace": traceback.format_exception(error)[-5:],
        "timestamp": time.time(),
    }
