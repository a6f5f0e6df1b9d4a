"""The exports queue: an export job is one SQS message, consumed by `handlers.export_queue`."""

import json
from typing import Any


class SqsExportQueue:
    def __init__(self, client: Any, queue_url: str) -> None:
        self._client = client
        self._queue_url = queue_url

    def send(self, message: dict[str, str]) -> None:
        self._client.send_message(QueueUrl=self._queue_url, MessageBody=json.dumps(message))
