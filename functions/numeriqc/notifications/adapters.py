"""AWS adapters of the notification service: queues, providers (SES v2, SNS), uploads (S3).

Each adapter batches what AWS lets it batch and reports the calls it made, so benchmarks can
check the platform's overhead per message.
"""

import json
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any

from numeriqc.notifications.store import chunks

THROTTLING = frozenset(
    {"Throttling", "ThrottlingException", "TooManyRequestsException", "LimitExceededException"}
)


class ProviderThrottled(Exception):
    """The provider asked us to slow down: retry later, never drop."""


class ProviderRejected(Exception):
    """The provider refused this one message for good (bad address, opted out...)."""

    def __init__(self, code: str, opted_out: bool = False) -> None:
        super().__init__(code)
        self.code = code
        self.opted_out = opted_out


def _error_code(error: Exception) -> str:
    response = getattr(error, "response", None) or {}
    return str(response.get("Error", {}).get("Code", type(error).__name__))


class Queues:
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


class SesEmail:
    """SES v2 SendEmail with a raw MIME message: our own headers (RFC 8058) and both bodies."""

    def __init__(self, client: Any, sender: str, configuration_set: str) -> None:
        self._client = client
        self._sender = sender
        self._configuration_set = configuration_set

    def send(
        self,
        *,
        to: str,
        subject: str,
        text: str,
        html: str,
        unsubscribe_url: str,
        tags: dict[str, str],
    ) -> str:
        message = EmailMessage()
        message["From"] = formataddr(("numériQc", self._sender))
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain=self._sender.split("@")[-1])
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        # Quoted-printable: 7-bit safe through every relay, and readable when inspected.
        message.set_content(text, cte="quoted-printable")
        message.add_alternative(html, subtype="html", cte="quoted-printable")
        request: dict[str, Any] = {
            "FromEmailAddress": self._sender,
            "Content": {"Raw": {"Data": message.as_bytes()}},
            "EmailTags": [{"Name": name, "Value": value} for name, value in tags.items()],
        }
        if self._configuration_set:
            request["ConfigurationSetName"] = self._configuration_set
        try:
            answer = self._client.send_email(**request)
        except Exception as error:
            code = _error_code(error)
            if code in THROTTLING:
                raise ProviderThrottled(code) from error
            if code in {"MessageRejected", "BadRequestException", "InvalidParameterValue"}:
                raise ProviderRejected(code) from error
            raise
        return str(answer["MessageId"])


class SnsSms:
    """SNS Publish to a phone number, transactional (highest delivery priority, no marketing)."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._opted_out: set[str] | None = None

    def opted_out(self) -> set[str]:
        """SNS's own opt-out list, read once per container (paginated) rather than once per message."""
        if self._opted_out is None:
            numbers: set[str] = set()
            request: dict[str, Any] = {}
            while True:
                answer = self._client.list_phone_numbers_opted_out(**request)
                numbers.update(answer.get("phoneNumbers", []))
                if not answer.get("nextToken"):
                    break
                request["nextToken"] = answer["nextToken"]
            self._opted_out = numbers
        return self._opted_out

    def send(self, *, to: str, text: str, tags: dict[str, str]) -> str:
        attributes = {
            "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"},
            "AWS.SNS.SMS.SenderID": {"DataType": "String", "StringValue": "numeriQc"},
        }
        try:
            answer = self._client.publish(PhoneNumber=to, Message=text, MessageAttributes=attributes)
        except Exception as error:
            code = _error_code(error)
            if code in THROTTLING:
                raise ProviderThrottled(code) from error
            if code in {"OptedOut", "OptedOutException"}:
                raise ProviderRejected(code, opted_out=True) from error
            if code in {"InvalidParameter", "InvalidParameterValue"}:
                raise ProviderRejected(code) from error
            raise
        return str(answer["MessageId"])

    def reply(self, to: str, text: str) -> None:
        self.send(to=to, text=text, tags={})


class Uploads:
    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def upload_url(self, key: str, seconds: int) -> str:
        return str(
            self._client.generate_presigned_url(
                "put_object",
                Params={"Bucket": self._bucket, "Key": key, "ContentType": "text/csv"},
                ExpiresIn=seconds,
            )
        )

    def read(self, key: str, byte_range: tuple[int, int] | None = None) -> bytes:
        request: dict[str, Any] = {"Bucket": self._bucket, "Key": key}
        if byte_range:
            request["Range"] = f"bytes={byte_range[0]}-{byte_range[1] - 1}"
        try:
            body: bytes = self._client.get_object(**request)["Body"].read()
        except self._client.exceptions.NoSuchKey:
            raise FileNotFoundError(key) from None
        return body

    def write(self, key: str, data: bytes) -> None:
        self._client.put_object(Bucket=self._bucket, Key=key, Body=data)

    def delete(self, keys: list[str]) -> None:
        for batch in chunks(keys, 1000):
            self._client.delete_objects(
                Bucket=self._bucket, Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True}
            )


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
