"""The exchange's work queue (implements `ports.WorkQueue`): push jobs and large uploads.

A push job that must wait is held back by changing its own visibility (`defer`): SQS gives it
again after the delay, with its receive count as the attempt number.
"""

from typing import Any

from numeriqc.exchange.adapters.queues import SqsConsumerQueues


class SqsWorkQueue:
    def __init__(self, sqs: Any, queue_url: str) -> None:
        self._sqs = sqs
        self._url = queue_url

    def send(self, bodies: list[str]) -> None:
        """In batches of 10 and 256 KB, as the consumers' queues (a refused entry raises)."""
        SqsConsumerQueues(self._sqs, {}).send(self._url, bodies)

    def defer(self, receipt_handle: str, seconds: int) -> None:
        self._sqs.change_message_visibility(
            QueueUrl=self._url, ReceiptHandle=receipt_handle, VisibilityTimeout=seconds
        )
