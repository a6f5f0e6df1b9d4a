"""SQS: many bodies per SendMessageBatch call, resending what SQS refused."""

import json
from typing import Any

from numeriqc.notifications.adapters import chunks


class Queues:
    """The channel lanes and the planning queue; `client` is a boto3 SQS client."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def send(self, url: str, bodies: list[str]) -> int:
        """SendMessageBatch by 10, resending entries SQS refused; answers the calls made."""
        calls = 0
        for batch in chunks(bodies, 10):
            entries = [{"Id": str(index), "MessageBody": body} for index, body in enumerate(batch)]
            for _ in range(5):
                answer = self._client.send_message_batch(QueueUrl=url, Entries=entries)
                calls += 1
                failed = {item["Id"] for item in answer.get("Failed", [])}
                entries = [entry for entry in entries if entry["Id"] in failed]
                if not entries:
                    break
            else:
                raise RuntimeError(f"SQS refused {len(entries)} message(s) five times")
        return calls


class AnswerQueues:
    """Each asking service's SMS answer queue, by sender (`SMS_ANSWER_QUEUES`): a sender without
    one cannot have asked a question, so its answer is a configuration bug and raises (retried,
    then kept in the inbound queue's dead-letter queue, which alarms)."""

    def __init__(self, client: Any, urls: dict[str, str]) -> None:
        self._client = client
        self._urls = urls

    def send_answer(self, sender: str, message: dict[str, Any]) -> None:
        self._client.send_message(QueueUrl=self._urls[sender], MessageBody=json.dumps(message))
