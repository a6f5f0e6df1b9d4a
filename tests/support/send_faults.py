"""Faults injected into the send pipeline through botocore hooks on the functions' own clients.

* `ProviderFaults`: SES SendEmail (or SNS Publish) calls numbered in the order the sender makes
  them; the call of a given number fails in one of these ways:
  - "error": the provider answers 500 InternalFailure without sending (a `before-call` answer);
  - "timeout": the provider sends and the answer is lost (a read timeout after moto's handler);
  - "unavailable": the connection never opens (nothing sent; botocore retries it, then gives up);
  - "throttle": the provider answers TooManyRequests;
  - "crash": the provider sends, then the sender's invocation dies (`LambdaDied`, not an Exception:
    no handler code runs after it, as when Lambda kills an invocation).
  Every API call and every request that reached moto is counted per notification (SES tags).
* `lost_answer`: a DynamoDB request is made, then its answer is lost (botocore retries it).
* `redeliver`: messages received by an invocation that died become visible again, as SQS makes them
  after their visibility timeout.
"""

import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar
from urllib.parse import parse_qs

from numeriqc.core import aws


class LambdaDied(BaseException):
    """The invocation is killed (timeout, out of memory): nothing in it runs any more."""


class _Http:
    headers: ClassVar[dict[str, str]] = {}

    def __init__(self, status: int) -> None:
        self.status_code = status


def _answer(status: int, code: str) -> tuple[_Http, dict[str, Any]]:
    error = {"Error": {"Code": code, "Message": code}, "ResponseMetadata": {"HTTPStatusCode": status}}
    return _Http(status), error


def _notification_of(body: Any) -> str:
    """The notification a provider request is for: SES's `notification` tag, or the SMS's number."""
    if isinstance(body, bytes):
        body = body.decode()
    if isinstance(body, dict):  # SNS (query protocol): the request's parameters
        return str(body.get("PhoneNumber", "?"))
    try:
        tags = json.loads(body or "{}").get("EmailTags", [])
    except ValueError:
        return str(parse_qs(body).get("PhoneNumber", ["?"])[0])
    return next((tag["Value"] for tag in tags if tag["Name"] == "notification"), "?")


class ProviderFaults:
    """`faults[call number] = kind` on the email (SES) or SMS (SNS) provider of the senders."""

    def __init__(self, faults: dict[int, str], channel: str = "email") -> None:
        self.faults = dict(faults)
        self.service, self.operation = ("sesv2", "SendEmail") if channel == "email" else ("sns", "Publish")
        self.calls: Counter[str] = Counter()  # API calls the sender made, per notification
        self.requests: Counter[str] = Counter()  # requests that reached the provider (retries too)
        self.numbered = 0
        self._current: str | None = None

    @property
    def client(self) -> Any:
        return aws.client(self.service)

    @contextmanager
    def installed(self) -> Iterator["ProviderFaults"]:
        events = self.client.meta.events
        hooks: list[tuple[str, Callable[..., Any]]] = [
            (f"before-call.{self.service}.{self.operation}", self._before_call),
            (f"after-call.{self.service}.{self.operation}", self._after_call),
        ]
        for name, hook in hooks:
            events.register(name, hook)
        events.register_last("before-send", self._after_moto)
        try:
            yield self
        finally:
            for name, hook in hooks:
                events.unregister(name, hook)
            events.unregister("before-send", self._after_moto)

    def _before_call(self, params: dict[str, Any], **_: Any) -> Any:
        number = self.numbered
        self.numbered += 1
        notification = _notification_of(params.get("body"))
        self.calls[notification] += 1
        self._current = self.faults.get(number)
        if self._current == "error":
            return _answer(500, "InternalFailure")
        if self._current == "throttle":
            code = "TooManyRequestsException" if self.service == "sesv2" else "Throttling"
            return _answer(400, code)
        if self._current == "unavailable":
            from botocore.exceptions import EndpointConnectionError

            raise EndpointConnectionError(endpoint_url="https://email.ca-central-1.amazonaws.com")
        return None

    def _after_moto(self, request: Any, event_name: str, **_: Any) -> Any:
        """Runs after moto's own `before-send` handler has answered (the message was sent)."""
        if not event_name.endswith(f".{self.operation}"):
            return None
        self.requests[_notification_of(request.body)] += 1
        if self._current == "timeout":
            self._current = None  # botocore's retry, if any, goes through
            from botocore.exceptions import ReadTimeoutError

            raise ReadTimeoutError(endpoint_url=request.url)
        return None

    def _after_call(self, **_: Any) -> None:
        if self._current == "crash":
            self._current = None
            raise LambdaDied("the sender's invocation died after the provider call")


class LostAnswer:
    """The `number`-th request of `operation` on `service` whose body contains `marker` is made
    (moto answers it), then its answer is lost: a read timeout, which botocore retries."""

    def __init__(self, service: str, operation: str, marker: str, number: int = 0) -> None:
        self.service, self.operation, self.marker = service, operation, marker
        self.number = number
        self.seen = 0
        self.lost = 0

    @contextmanager
    def installed(self) -> Iterator["LostAnswer"]:
        events = aws.client(self.service).meta.events
        events.register_last("before-send", self._after_moto)
        try:
            yield self
        finally:
            events.unregister("before-send", self._after_moto)

    def _after_moto(self, request: Any, event_name: str, **_: Any) -> None:
        if not event_name.endswith(f".{self.operation}"):
            return
        body = request.body.decode() if isinstance(request.body, bytes) else str(request.body)
        if self.marker not in body:
            return
        self.seen += 1
        if self.seen - 1 == self.number:
            self.lost += 1
            from botocore.exceptions import ReadTimeoutError

            raise ReadTimeoutError(endpoint_url=request.url)


def redeliver(platform: Any, logical_id: str) -> int:
    """Make the messages in flight on a queue visible again (their invocation died); answers how many."""
    from moto.sqs.models import sqs_backends

    name = platform.names[logical_id].rsplit("/", 1)[-1]
    count = 0
    for regional in sqs_backends.values():
        for backend in (regional[region] for region in dict.keys(regional)):
            queue = backend.queues.get(name)
            for message in queue._messages if queue else []:
                if not message.visible:
                    message.change_visibility(0)
                    count += 1
    return count
