"""The consumers' queues: one SQS queue per consumer and dataset, made when the grant is made.

Queues are data here (one per grant), not wiring: the API function creates them at run time under
a name prefix its role is limited to (see docs/decisions/0003-exchange-log.md). Each has its own
dead-letter queue (a message a consumer received 5 times without acknowledging lands there) and is
encrypted with the KMS key of the dataset's tier, its data key reused for 24 hours, so that SQS
asks KMS once a day per queue rather than once per message.
"""

import contextlib
import json
from typing import Any

MAX_RECEIVES = 5
RETENTION_SECONDS = 14 * 24 * 3600
VISIBILITY_SECONDS = 300
DATA_KEY_REUSE_SECONDS = 86400
MAX_BATCH_ENTRIES = 10
MAX_BATCH_BYTES = 256 * 1024


class SqsConsumerQueues:
    def __init__(self, sqs: Any, tier_keys: dict[str, str]) -> None:
        self._sqs = sqs
        self._tier_keys = tier_keys

    def _attributes(self, tier: str) -> dict[str, str]:
        return {
            "KmsMasterKeyId": self._tier_keys[tier],
            "KmsDataKeyReusePeriodSeconds": str(DATA_KEY_REUSE_SECONDS),
            "MessageRetentionPeriod": str(RETENTION_SECONDS),
        }

    def create(self, name: str, tier: str) -> str:
        dead = self._sqs.create_queue(QueueName=f"{name}-dlq", Attributes=self._attributes(tier))
        dead_arn = self._sqs.get_queue_attributes(QueueUrl=dead["QueueUrl"], AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
        redrive = json.dumps({"deadLetterTargetArn": dead_arn, "maxReceiveCount": MAX_RECEIVES})
        answer = self._sqs.create_queue(
            QueueName=name,
            Attributes={
                **self._attributes(tier),
                "VisibilityTimeout": str(VISIBILITY_SECONDS),
                "RedrivePolicy": redrive,
            },
        )
        return str(answer["QueueUrl"])

    def delete(self, queue_url: str) -> None:
        for url in (queue_url, f"{queue_url}-dlq"):
            with contextlib.suppress(self._sqs.exceptions.QueueDoesNotExist):
                self._sqs.delete_queue(QueueUrl=url)

    def send(self, queue_url: str, bodies: list[str]) -> None:
        """SendMessageBatch of up to 10 bodies and 256 KB; a refused entry raises (the caller retries)."""
        batch: list[str] = []
        size = 0
        for body in bodies:
            length = len(body.encode())
            if batch and (len(batch) == MAX_BATCH_ENTRIES or size + length > MAX_BATCH_BYTES):
                self._send_batch(queue_url, batch)
                batch, size = [], 0
            batch.append(body)
            size += length
        if batch:
            self._send_batch(queue_url, batch)

    def _send_batch(self, queue_url: str, bodies: list[str]) -> None:
        entries = [{"Id": str(index), "MessageBody": body} for index, body in enumerate(bodies)]
        answer = self._sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
        if answer.get("Failed"):
            raise RuntimeError(f"{len(answer['Failed'])} messages refused by SQS")

    def receive(self, queue_url: str, limit: int) -> list[tuple[str, str]]:
        answer = self._sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=limit, WaitTimeSeconds=0)
        return [(m["ReceiptHandle"], m["Body"]) for m in answer.get("Messages") or []]

    def acknowledge(self, queue_url: str, handles: list[str]) -> list[int]:
        refused: list[int] = []
        for start in range(0, len(handles), MAX_BATCH_ENTRIES):
            chunk = handles[start : start + MAX_BATCH_ENTRIES]
            entries = [{"Id": str(start + i), "ReceiptHandle": handle} for i, handle in enumerate(chunk)]
            answer = self._sqs.delete_message_batch(QueueUrl=queue_url, Entries=entries)
            refused.extend(int(failure["Id"]) for failure in answer.get("Failed") or [])
        return sorted(refused)
