"""The notification service's platform SMS queue: a verification code is one message, which that
service plans and sends through its own pipeline (notifications/platform_sms.py). This adapter is
the only place the message's shape is written."""

import json
from typing import Any


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
