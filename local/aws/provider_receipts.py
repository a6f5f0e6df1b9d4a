"""The local providers' delivery receipts: what SES and SNS report after a send, which moto does not.

Deployed, an email SES accepted comes back as an SES event through the configuration set's SNS
destination, and an SMS SNS accepted as a line of its delivery-status log, which a subscription
filter hands to a function. moto does neither, so locally every send would stay `sending`. This
module closes the loop through the template's own wiring: it hears each `SendEmail` (SES v2) and
each `Publish` to a phone number (SNS) the functions make (a botocore `after-call` hook on the
kernel's session, which every function's client is built from), and on the next round of triggers:

* an email: publishes the SES event (`Delivery`, `Bounce`, `Complaint`, `Reject`) carrying the
  message's own tags to the SNS topic the configuration set's event destination names;
* an SMS: invokes the function the template subscribes to the success (or failure) delivery-status
  log group with the line SNS would write, asynchronously (retries, then its failure destination).

What the receipt says is chosen by the recipient, like GOV.UK Notify's simulated recipients, but
through the provider path, so `queued -> sending -> <final>` and each status callback happen as
deployed. The platform's own reserved recipients (numeriqc.notifications.addresses) never reach a
provider; these do, and only locally are they special: deployed, a real provider answers.
"""

from __future__ import annotations

import base64
import functools
import gzip
import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..account import ACCOUNT_ID, REGION
from ..template.wiring import Wiring
from ..triggers.delivery import Delivery

log = logging.getLogger("numeriqc_local")

RECEIPTS_DOMAIN = "recus.simulation.numeriqc.quebec"
# email local part -> (SES event type, details): anything else is delivered
EMAIL_OUTCOMES: dict[str, tuple[str, dict[str, Any]]] = {
    "rebond-permanent": ("Bounce", {"bounce": {"bounceType": "Permanent", "bounceSubType": "General"}}),
    "rebond-temporaire": ("Bounce", {"bounce": {"bounceType": "Transient", "bounceSubType": "MailboxFull"}}),
    "plainte": ("Complaint", {"complaint": {"complaintFeedbackType": "abuse"}}),
    "rejet": ("Reject", {"reject": {"reason": "Bad content"}}),
}
# phone number -> SNS providerResponse of a FAILURE line: anything else is a SUCCESS
SMS_FAILURES: dict[str, str] = {
    "+15145550111": "Phone is currently unreachable/unavailable",
    "+15145550112": "Invalid phone number",
    "+15145550113": "Phone number is opted out",
    "+15145550114": "Phone carrier has blocked this message",
    "+15145550115": "Unknown error attempting to reach phone",
}
SMS_SUCCESS = "Message has been accepted by phone carrier"
SUCCESS_LOGS = f"sns/{REGION}/{ACCOUNT_ID}/DirectPublishToPhoneNumber"
FAILURE_LOGS = f"{SUCCESS_LOGS}/Failure"
# CloudWatch Logs batches a subscription's events (an async invocation takes up to 256 KB: ~1,500 of
# these lines, gzip'd); 100 keeps each retry small.
LOG_EVENTS_PER_DELIVERY = 100
_HOOK_ID = "numeriqc-local-provider-receipts"


@dataclass(frozen=True)
class Sent:
    """One message a provider accepted, as the provider knows it."""

    channel: str  # "email" or "sms"
    message_id: str
    to: str
    tags: dict[str, str] = field(default_factory=dict)
    configuration_set: str | None = None


@dataclass(frozen=True)
class Reported:
    """What the local provider reported for one message (shown in the outbox)."""

    receipt: str  # the SES event type, or SNS's SUCCESS / FAILURE
    detail: str | None  # the bounce type, or SNS's providerResponse


_sent: list[Sent] = []
_reported: dict[str, Reported] = {}
_lock = threading.Lock()


def _heard(http_response: Any, parsed: dict[str, Any], model: Any, context: dict[str, Any], **_: Any) -> None:
    """botocore `after-call`: remember what the provider accepted (its params were kept in `context`)."""
    params = context.get(_HOOK_ID) or {}
    message_id = parsed.get("MessageId")
    if not message_id or (http_response is not None and http_response.status_code >= 300):
        return
    if model.name == "SendEmail":
        to = _email_recipient(params)
        tags = {tag["Name"]: tag["Value"] for tag in params.get("EmailTags") or []}
        sent = Sent("email", str(message_id), to, tags, params.get("ConfigurationSetName"))
    elif params.get("PhoneNumber"):
        sent = Sent("sms", str(message_id), str(params["PhoneNumber"]))
    else:
        return  # a Publish to a topic: not a message to a citizen
    with _lock:
        _sent.append(sent)


def _keep_params(params: dict[str, Any], context: dict[str, Any], **_: Any) -> None:
    context[_HOOK_ID] = params


def _email_recipient(params: dict[str, Any]) -> str:
    destination = (params.get("Destination") or {}).get("ToAddresses") or []
    if destination:
        return str(destination[0])
    raw = ((params.get("Content") or {}).get("Raw") or {}).get("Data") or b""
    import email

    parsed = email.message_from_bytes(raw if isinstance(raw, bytes) else str(raw).encode())
    return str(parsed.get("To", ""))


def listen() -> None:
    """Hear the functions' sends from now on (idempotent: one hook per process, whatever the runtimes).
    Clients copy the session's hooks when built, so this runs before the kernel builds them."""
    from numeriqc.core import aws

    events = aws.session().events
    for operation in ("sesv2.SendEmail", "sns.Publish"):
        events.register(
            f"before-parameter-build.{operation}", _keep_params, unique_id=f"{_HOOK_ID}-params-{operation}"
        )
        events.register(f"after-call.{operation}", _heard, unique_id=f"{_HOOK_ID}-{operation}")


def forget() -> None:
    with _lock:
        _sent.clear()
        _reported.clear()


def reported(message_id: str) -> Reported | None:
    with _lock:
        return _reported.get(message_id)


class ProviderReceipts:
    """A poller: each round, the receipts of what the providers accepted since the last one.

    Off unless `enabled`: `numeriqc dev` turns it on; a test turns it on when it wants the whole
    lifecycle (`platform.receipts.enabled = True`), and otherwise builds the receipts it needs."""

    name = "provider-receipts"

    def __init__(self, wiring: Wiring, delivery: Delivery, *, enabled: bool = False) -> None:
        self.wiring = wiring
        self.delivery = delivery
        self.enabled = enabled

    def poll(self) -> int:
        with _lock:
            pending = list(_sent)
            _sent.clear()
        if not self.enabled:
            return 0
        lines: dict[str, list[str]] = {}  # SMS delivery-status log group -> its new lines
        for sent in pending:
            report = self._email(sent) if sent.channel == "email" else self._sms(sent, lines)
            with _lock:
                _reported[sent.message_id] = report
        for group, written in lines.items():
            self._deliver_log_lines(group, written)
        return len(pending)

    # -- email ----------------------------------------------------------------------------------------
    def _email(self, sent: Sent) -> Reported:
        local, _, domain = sent.to.lower().rpartition("@")
        reserved = domain == RECEIPTS_DOMAIN and local in EMAIL_OUTCOMES
        kind, details = EMAIL_OUTCOMES[local] if reserved else ("Delivery", {})
        topic = self._email_events_topic(sent.configuration_set)
        if topic is None:
            log.warning("SES message %s: no event destination for its configuration set", sent.message_id)
            return Reported(kind, None)
        now = datetime.now(UTC).isoformat()
        mail = {
            "timestamp": now,
            "messageId": sent.message_id,
            "destination": [sent.to],
            "tags": {name: [value] for name, value in sent.tags.items()},
        }
        events = [{"eventType": kind, "mail": mail, **details}]
        if kind == "Complaint":  # a complaint comes after the delivery, as it does from a mailbox
            events.insert(0, {"eventType": "Delivery", "mail": mail, "delivery": {"timestamp": now}})
        elif kind == "Delivery":
            events[0]["delivery"] = {"timestamp": now, "recipients": [sent.to]}
        for event in events:
            self.delivery.send(topic, json.dumps(event))
        bounce = details.get("bounce", {}).get("bounceType")
        return Reported(kind, bounce)

    @functools.cache  # noqa: B019 - one per runtime, whose template never changes
    def _email_events_topic(self, configuration_set: str | None) -> str | None:
        for resource in self.wiring.template.resources.values():
            if resource.type != "AWS::SES::ConfigurationSetEventDestination":
                continue
            props = self.wiring.resolver.properties(resource)
            if configuration_set and props.get("ConfigurationSetName") != configuration_set:
                continue
            topic = (props.get("EventDestination") or {}).get("SnsDestination", {}).get("TopicARN")
            if topic:
                return str(topic)
        return None

    # -- SMS ------------------------------------------------------------------------------------------
    def _sms(self, sent: Sent, lines: dict[str, list[str]]) -> Reported:
        failure = SMS_FAILURES.get(sent.to)
        group = FAILURE_LOGS if failure else SUCCESS_LOGS
        status = "FAILURE" if failure else "SUCCESS"
        line = status_line(sent.message_id, status, failure or SMS_SUCCESS, sent.to)
        lines.setdefault(group, []).append(line)
        return Reported(status, failure)

    def _deliver_log_lines(self, group: str, lines: list[str]) -> None:
        """As CloudWatch Logs hands a subscription filter's function its log events: in batches
        (one invocation per line made a 1,000-SMS bulk 1,000 invocations of SmsReceipts)."""
        function = self._log_subscriber(group)
        if function is None:
            log.warning("no subscription filter on %s: SMS receipts are not simulated", group)
            return
        for first in range(0, len(lines), LOG_EVENTS_PER_DELIVERY):
            self.delivery.invoke_async(
                function, subscription_event(group, lines[first : first + LOG_EVENTS_PER_DELIVERY])
            )

    @functools.cache  # noqa: B019 - one per runtime, whose template never changes
    def _log_subscriber(self, log_group: str) -> str | None:
        for resource in self.wiring.template.resources.values():
            if resource.type != "AWS::Logs::SubscriptionFilter":
                continue
            props = self.wiring.resolver.properties(resource)
            if props.get("LogGroupName") == log_group:
                return str(self.wiring.function(str(props["DestinationArn"])).logical_id)
        return None


def status_line(message_id: str, status: str, provider_response: str, phone: str) -> str:
    """One line of SNS's SMS delivery-status log, in SNS's shape."""
    now = datetime.now(UTC)
    return json.dumps(
        {
            "notification": {"messageId": message_id, "timestamp": now.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]},
            "delivery": {
                "numberOfMessageParts": 1,
                "destination": phone,
                "priceInUSD": 0.00581,
                "smsType": "Transactional",
                "providerResponse": provider_response,
                "dwellTimeMs": 400,
            },
            "status": status,
        }
    )


def subscription_event(log_group: str, lines: list[str]) -> dict[str, Any]:
    """What CloudWatch Logs hands a subscription filter's function: gzip'd JSON in base64."""
    now = int(datetime.now(UTC).timestamp() * 1000)
    payload = {
        "messageType": "DATA_MESSAGE",
        "owner": ACCOUNT_ID,
        "logGroup": log_group,
        "logStream": "local",
        "subscriptionFilters": ["local"],
        "logEvents": [
            {"id": str(index), "timestamp": now, "message": line} for index, line in enumerate(lines)
        ],
    }
    return {"awslogs": {"data": base64.b64encode(gzip.compress(json.dumps(payload).encode())).decode()}}
