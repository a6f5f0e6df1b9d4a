"""The analysis queue: one message per consultation awaiting analysis, sent in batches of 10."""

import json
from typing import Any


class SqsAnalysisQueue:
    def __init__(self, client: Any, queue_url: str) -> None:
        self._client = client
        self._url = queue_url

    def request(self, consultation_ids: list[str]) -> None:
        for start in range(0, len(consultation_ids), 10):
            chunk = consultation_ids[start : start + 10]
            entries = [
                {"Id": str(index), "MessageBody": json.dumps({"consultation_id": cid})}
                for index, cid in enumerate(chunk)
            ]
            answer = self._client.send_message_batch(QueueUrl=self._url, Entries=entries)
            if answer.get("Failed"):
                raise RuntimeError(f"{len(answer['Failed'])} analysis requests were refused")
