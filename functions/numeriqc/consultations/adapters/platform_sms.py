"""The notification service's platform SMS queue: a verification code is one message, which that
service plans and sends through its own pipeline (notifications/platform_sms.py). This adapter is
the only place the message's shape is written."""

import json
from typing import Any

from numeriqc.consultations.ports import PollQuestion


class PlatformSmsQueue:
    def __init__(self, client: Any, queue_url: str) -> None:
        self._client = client
        self._queue_url = queue_url

    def send_code(self, phone_number: str, code: str, language: str) -> None:
        message = {
            "sender": "consultations",
            "template": "consultation-code",
            "phone_number": phone_number,
            "personalisation": {"code": code},
            "language": language,
        }
        self._client.send_message(QueueUrl=self._queue_url, MessageBody=json.dumps(message))

    def ask(self, numbers: list[str], question: PollQuestion) -> None:
        """One message per number, SendMessageBatch by 10, resending what SQS refused."""
        bodies = [
            json.dumps(
                {
                    "sender": "consultations",
                    "template": "sms-question",
                    "phone_number": number,
                    "personalisation": {"question": question.text},
                    "language": question.language,
                    "question": {
                        "ref": question.ref,
                        "low": question.low,
                        "high": question.high,
                        "closes_at": question.closes_at,
                    },
                    "org_id": question.org_id,
                    "key_kind": question.key_kind,
                }
            )
            for number in numbers
        ]
        for start in range(0, len(bodies), 10):
            entries = [
                {"Id": str(index), "MessageBody": body}
                for index, body in enumerate(bodies[start : start + 10])
            ]
            for _ in range(5):
                answer = self._client.send_message_batch(QueueUrl=self._queue_url, Entries=entries)
                failed = {item["Id"] for item in answer.get("Failed", [])}
                entries = [entry for entry in entries if entry["Id"] in failed]
                if not entries:
                    break
            else:
                raise RuntimeError(f"SQS refused {len(entries)} poll message(s) five times")
