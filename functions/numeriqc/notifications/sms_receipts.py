"""SMS delivery receipts: which SNS delivery-status log lines (CloudWatch Logs subscription) mean
which status, and which notification each one is about.

SNS writes one JSON line per SMS to `sns/<region>/<account>/DirectPublishToPhoneNumber` (and
`.../Failure`) once the account's SMS attributes name a delivery-status role (docs/notifications.md).
A subscription filter on each group invokes `handlers/sms_status_logs` with the lines, gzip'd and
base64'd. Each line names the SNS message id; the sender stored a lookup from it to (organization,
notification) when SNS accepted the SMS, so one BatchGetItem per 100 lines finds the notifications,
and `DeliveryOutcomes.apply` moves them from `sending` (conditional: a duplicate receipt changes
nothing and emits nothing twice). The lines carry the phone number (`delivery.destination`): it is never read
into a log, a status or an event; logs carry message ids and counts only (`handlers/sms_status_logs`).

A line that cannot be read fails alone (counted and skipped: retrying would not make it readable);
a store or bus failure raises, so Lambda retries the whole event (asynchronous invocation) and then
sends it to the function's on-failure queue, which alarms.
"""

import base64
import gzip
import json
from typing import Any

from numeriqc.notifications.delivery_outcomes import OPTED_OUT, Outcome
from numeriqc.notifications.models import Status
from numeriqc.notifications.ports import SmsLookups

Receipt = tuple[str, Status, str | None]  # SNS message id, status, failure reason

# providerResponse texts of SNS SMS delivery-status logs (lower case, without a final period)
# -> (status, failure reason). Unreachable phones may be reached later; a number that is invalid,
# opted out or blocked will not be; what is about the message or the account is ours to fix.
PROVIDER_RESPONSES: dict[str, tuple[Status, str]] = {
    "phone is currently unreachable/unavailable": (Status.TEMPORARY_FAILURE, "phone-unreachable"),
    "phone carrier is currently unreachable/unavailable": (Status.TEMPORARY_FAILURE, "carrier-unreachable"),
    "phone number is opted out": (Status.PERMANENT_FAILURE, OPTED_OUT),
    "phone is on the opt-out list": (Status.PERMANENT_FAILURE, OPTED_OUT),
    "invalid phone number": (Status.PERMANENT_FAILURE, "invalid-number"),
    "phone has blocked sms": (Status.PERMANENT_FAILURE, "blocked"),
    "phone is on a blocked list": (Status.PERMANENT_FAILURE, "blocked"),
    "destination is on a blocked list": (Status.PERMANENT_FAILURE, "blocked"),
    "phone carrier has blocked this message": (Status.TECHNICAL_FAILURE, "carrier-blocked"),
    "blocked as spam by phone carrier": (Status.TECHNICAL_FAILURE, "carrier-blocked"),
    "message body is invalid": (Status.TECHNICAL_FAILURE, "invalid-body"),
    "this delivery would exceed max price": (Status.TECHNICAL_FAILURE, "price-limit"),
    "no quota left for account": (Status.TECHNICAL_FAILURE, "price-limit"),
    "unknown error attempting to reach phone": (Status.TECHNICAL_FAILURE, "unknown"),
}
UNKNOWN_FAILURE = (Status.TECHNICAL_FAILURE, "unknown")


class Unreadable(ValueError):
    """A log line that is not an SNS delivery-status record."""


def log_lines(event: dict[str, Any]) -> list[str]:
    """The messages of a CloudWatch Logs subscription event (base64, gzip, JSON); none for a
    CONTROL_MESSAGE (CloudWatch Logs checking that the destination is reachable)."""
    data = json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))
    if data.get("messageType") != "DATA_MESSAGE":
        return []
    return [str(line["message"]) for line in data.get("logEvents", [])]


def receipt(line: str) -> Receipt:
    """(SNS message id, status, failure reason) of one delivery-status line; raises Unreadable."""
    try:
        record = json.loads(line)
        message_id = record["notification"]["messageId"]
        outcome = record["status"]
        response = record.get("delivery", {}).get("providerResponse") or ""
    except (ValueError, KeyError, TypeError, AttributeError):
        raise Unreadable("not an SNS delivery-status record") from None
    if not isinstance(message_id, str) or not message_id or outcome not in ("SUCCESS", "FAILURE"):
        raise Unreadable("not an SNS delivery-status record")
    if outcome == "SUCCESS":
        return message_id, Status.DELIVERED, None
    status, reason = status_of(str(response))
    return message_id, status, reason


def status_of(provider_response: str) -> tuple[Status, str]:
    """A failure's status and reason from SNS's providerResponse text (unknown texts: technical)."""
    return PROVIDER_RESPONSES.get(provider_response.strip().rstrip(".").lower(), UNKNOWN_FAILURE)


def known_outcomes(lookups: SmsLookups, found: list[Receipt]) -> list[Outcome]:
    """The outcomes of the receipts whose SMS the platform sent (one BatchGetItem per 100)."""
    sent = lookups.sms_notifications([message_id for message_id, _, _ in found])
    outcomes: list[Outcome] = []
    for message_id, status, reason in found:
        if message_id in sent:
            org_id, notification_id = sent[message_id]
            outcomes.append((org_id, notification_id, status, reason))
    return outcomes
