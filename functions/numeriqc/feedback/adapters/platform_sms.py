"""The notification service's platform SMS queue: a rating request is one message, which that
service plans and sends through its own pipeline (notifications/platform_sms.py) and whose replies
it routes back (notifications/sms_questions.py). The only place the message's shape is written."""

import json
from typing import Any

from numeriqc.feedback.ports import RatingQuestion


class PlatformSmsQueue:
    def __init__(self, client: Any, queue_url: str) -> None:
        self._client = client
        self._queue_url = queue_url

    def ask_rating(self, number: str, question: RatingQuestion) -> None:
        message = {
            "sender": "feedback",
            "template": "sms-question",
            "phone_number": number,
            "personalisation": {"question": question.text},
            "language": question.language,
            "question": {"ref": question.ref, "low": 1, "high": 5, "closes_at": question.closes_at},
            "org_id": question.org_id,
            "key_kind": question.key_kind,
        }
        self._client.send_message(QueueUrl=self._queue_url, MessageBody=json.dumps(message))
