"""The developer's local outbox: every email sent through SES (v1 or v2) and every SMS published
through SNS, read from moto's in-process backends.

Each email keeps what a mail client would see: its headers (List-Unsubscribe and
List-Unsubscribe-Post among them), the text and HTML bodies and the raw MIME; each SMS its
encoding and fragment count, computed by the same rule the notifications service plans with.
`/_local/outbox` answers this as JSON for scripts; `/_local/viewer` shows it (dev/outbox_viewer.py).

Nothing is redacted: this is the developer's own machine and their own fake recipients, and seeing
exactly what a citizen would receive is the point. moto is internal API here (its docs present
`ses_backends[...].sent_messages` as the way to inspect sent mail); it only works where moto runs
in this process, which is true for `numeriqc dev` and the pytest fixture.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from ..account import ACCOUNT_ID
from .in_process import regional_backends


@dataclass(frozen=True)
class OutboxMessage:
    kind: str  # "email" or "sms"
    id: str
    to: list[str]
    body: str
    sender: str | None = None
    subject: str | None = None
    cc: list[str] = field(default_factory=list)
    bcc: list[str] = field(default_factory=list)
    template: str | None = None
    template_data: str | None = None
    # what the provider reported (local/aws/provider_receipts.py): SES's event type (Delivery,
    # Bounce, Complaint, Reject) or SNS's SUCCESS / FAILURE, and its detail; None until reported
    receipt: str | None = None
    receipt_detail: str | None = None
    html: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    raw: str | None = None
    unsubscribe_url: str | None = None  # the List-Unsubscribe https/http link, when there is one
    one_click: bool = False  # List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058)
    sms: dict[str, Any] | None = None  # encoding, length, fragments
    status: str = "sent"  # accepted by the provider (moto); `receipt` is what it reported after

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _email(message: Any) -> OutboxMessage:
    destinations = getattr(message, "destinations", {}) or {}
    if hasattr(message, "raw_data"):
        parsed = email.message_from_string(message.raw_data, policy=email.policy.default)
        part = parsed.get_body(preferencelist=("plain", "html"))
        body = part.get_content() if part is not None else ""
        html_part = parsed.get_body(preferencelist=("html",))
        to = list(destinations) if isinstance(destinations, list) else [str(parsed.get("To", ""))]
        return OutboxMessage(
            "email",
            message.id,
            to,
            body,
            message.source,
            str(parsed.get("Subject", "")),
            html=html_part.get_content() if html_part is not None else None,
            headers=[(name, str(value)) for name, value in parsed.items()],
            raw=message.raw_data,
            unsubscribe_url=_unsubscribe_link(str(parsed.get("List-Unsubscribe", ""))),
            one_click="one-click" in str(parsed.get("List-Unsubscribe-Post", "")).lower(),
        )
    if isinstance(destinations, list):  # templated bulk sends list destination objects
        to = [
            addr for item in destinations for addr in (item.get("Destination", {}).get("ToAddresses") or [])
        ]
        cc: list[str] = []
        bcc: list[str] = []
    else:
        to = list(destinations.get("ToAddresses") or [])
        cc = list(destinations.get("CcAddresses") or [])
        bcc = list(destinations.get("BccAddresses") or [])
    return OutboxMessage(
        kind="email",
        id=_email_id(message),
        to=to,
        body=str(getattr(message, "body", "")),
        html=getattr(message, "html_body", None),
        sender=getattr(message, "source", None),
        subject=getattr(message, "subject", None),
        cc=cc,
        bcc=bcc,
        template=getattr(message, "template", None),
        template_data=getattr(message, "template_data", None),
    )


def read_outbox(
    reported: Callable[[str], Any] | None = None, account: str = ACCOUNT_ID
) -> list[OutboxMessage]:
    """Emails first, then SMS, each in sending order, across the account's regions; with the
    receipt `reported(message id)` answers for each (an object with `receipt` and `detail`)."""
    emails, sms = _copied(account)
    messages = [_email(message) for message in emails]
    messages.extend(
        OutboxMessage("sms", message_id, [phone], text, sms=_sms_info(text))
        for message_id, (phone, text) in sms
    )
    if reported is None:
        return messages
    reports = {message.id: reported(message.id) for message in messages}
    return [
        message
        if (report := reports[message.id]) is None
        else replace(message, receipt=report.receipt, receipt_detail=report.detail)
        for message in messages
    ]


def counts(
    messages: list[OutboxMessage], reported: Callable[[str], Any] = lambda _: None, account: str = ACCOUNT_ID
) -> dict[str, dict[str, int]]:
    """Per kind, how many were sent and how many of each receipt came back: what a script checks
    after a bulk of 100,000, without the 100,000 messages themselves. `messages` are those already
    built (restored from a snapshot); the ones in moto are counted by id, never built: building
    them took 140 MB and seconds at 100,000 SMS, on every call of a script waiting for the end."""
    tally: dict[str, dict[str, int]] = {kind: {"sent": 0} for kind in ("email", "sms")}

    def add(kind_name: str, receipt: str | None) -> None:
        kind, said = tally[kind_name], receipt or "none yet"
        kind["sent"] += 1
        kind[said] = kind.get(said, 0) + 1

    emails, sms = _copied(account)
    ids = [("email", _email_id(message)) for message in emails] + [("sms", sms_id) for sms_id, _ in sms]
    for message in messages:
        add(message.kind, message.receipt)
    for kind_name, message_id in ids:
        report = reported(message_id)
        add(kind_name, report.receipt if report is not None else None)
    return tally


def _copied(account: str) -> tuple[list[Any], list[tuple[str, tuple[str, str]]]]:
    """moto's sent emails and its (id, (phone, text)) SMS, copied under the emulator's lock (moto's
    server threads append meanwhile). Only the copies: building messages there (an SMS's length
    analysis each) held every request 1.3 s at 36,000 SMS."""
    from moto.ses.models import ses_backends
    from moto.sns.models import sns_backends

    from .serialized import EMULATOR_LOCK

    with EMULATOR_LOCK:
        emails = [
            message
            for backend in regional_backends(ses_backends, account)
            for message in list(backend.sent_messages)
        ]
        sms = [
            item
            for backend in regional_backends(sns_backends, account)
            for item in list(backend.sms_messages.items())
        ]
    return emails, sms


def _email_id(message: Any) -> str:
    """A sent email's id (a templated bulk send has several)."""
    return str(getattr(message, "id", "") or ",".join(getattr(message, "ids", [])))


def _unsubscribe_link(header: str) -> str | None:
    """The web link of a List-Unsubscribe header (`<https://...>, <mailto:...>`), if any."""
    for candidate in header.split(","):
        link = candidate.strip().strip("<>")
        if link.startswith(("https://", "http://")):
            return link
    return None


def _sms_info(text: str) -> dict[str, Any]:
    from numeriqc.notifications.sms_length import analyse

    info = analyse(text)
    return {
        "encoding": str(info.encoding),
        "length": info.length,
        "fragments": info.fragments,
        "unicode_characters": list(info.unicode_characters),
    }
