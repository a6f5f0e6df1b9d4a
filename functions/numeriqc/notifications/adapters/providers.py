"""The providers: SES v2 (email, raw MIME with our own headers) and SNS (transactional SMS).

Each raises the exceptions of the provider ports (`ports.py`), so delivery decides on outcomes
without knowing either provider's error codes: `ProviderThrottled` (retry later, never drop),
`ProviderRejected` (this message is refused for good), `ProviderUnavailable` (the request was not
taken: no connection, or refused as a whole; nothing was sent) and `ProviderUncertain` (a timeout
or a server error: it may have been sent).

A send is never re-sent by botocore when its outcome is unknown: standard retries would repeat a
`SendEmail` or a `Publish` after a read timeout or a 5xx, and the citizen could get it twice. A
`needs-retry` hook on the two operations lets botocore retry only what surely was not sent
(throttling, a connection that never opened) and hands every other failure to the sender at once.
"""

from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any

from numeriqc.notifications.ports import (
    ProviderRejected,
    ProviderThrottled,
    ProviderUnavailable,
    ProviderUncertain,
)

THROTTLING = frozenset(
    {"Throttling", "ThrottlingException", "TooManyRequestsException", "LimitExceededException"}
)
# The connection never opened: the request did not reach the provider.
NOT_SENT_ERRORS = ("ConnectTimeoutError", "EndpointConnectionError")
TIMEOUTS = ("ReadTimeoutError", "ConnectionClosedError")


def _error_code(error: Exception) -> str:
    response = getattr(error, "response", None) or {}
    return str(response.get("Error", {}).get("Code", type(error).__name__))


def _status(error: Exception) -> int:
    response = getattr(error, "response", None) or {}
    return int(response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)


def _provider_error(error: Exception) -> Exception:
    """What the sender is told of an error that is neither throttling nor a rejection."""
    name = type(error).__name__
    if name in NOT_SENT_ERRORS:
        return ProviderUnavailable(name)
    if name in TIMEOUTS:
        return ProviderUncertain("provider-timeout")
    status = _status(error)
    if 400 <= status < 500:  # refused as a whole (permissions, a paused account): not sent
        return ProviderUnavailable(_error_code(error))
    return ProviderUncertain("provider-error")


def _no_resend(
    caught_exception: Exception | None = None, response: Any = None, operation: Any = None, **_: Any
) -> None:
    """botocore `needs-retry` hook of a send: lets botocore retry only what surely was not sent."""
    if caught_exception is not None:
        if type(caught_exception).__name__ in NOT_SENT_ERRORS:
            return
        raise caught_exception
    if response is None:
        return
    http, parsed = response
    code = str(parsed.get("Error", {}).get("Code", ""))
    if getattr(http, "status_code", 200) >= 500 or code in {"RequestTimeout", "RequestTimeoutException"}:
        from botocore.exceptions import ClientError

        raise ClientError(parsed, getattr(operation, "name", "send"))


def no_resend(client: Any, operation: str) -> None:
    """Install `_no_resend` on `client`'s `operation` (once per client)."""
    service = client.meta.service_model.service_id.hyphenize()
    client.meta.events.register_first(
        f"needs-retry.{service}.{operation}", _no_resend, unique_id=f"numeriqc-no-resend-{operation}"
    )


class SesEmail:
    """SES v2 SendEmail with a raw MIME message: our own headers (RFC 8058) and both bodies."""

    def __init__(self, client: Any, sender: str, configuration_set: str) -> None:
        no_resend(client, "SendEmail")
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
            raise _provider_error(error) from error
        return str(answer["MessageId"])


class SnsSms:
    """SNS Publish to a phone number, transactional (highest delivery priority, no marketing)."""

    def __init__(self, client: Any) -> None:
        no_resend(client, "Publish")
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
            raise _provider_error(error) from error
        return str(answer["MessageId"])

    def reply(self, to: str, text: str) -> None:
        self.send(to=to, text=text, tags={})

    def opt_in(self, number: str) -> None:
        """Ask SNS to take a number off its own opt-out list (START reply)."""
        self._client.opt_in_phone_number(phoneNumber=number)
