"""The developer's local outbox: every email sent through SES (v1 or v2) and every SMS published
through SNS, read from moto's in-process backends.

Nothing is redacted: this is the developer's own machine and their own fake recipients, and seeing
exactly what a citizen would receive is the point. moto is internal API here (its docs present
`ses_backends[...].sent_messages` as the way to inspect sent mail); it only works where moto runs
in this process, which is true for `numeriqc dev` and the pytest fixture.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import asdict, dataclass, field
from typing import Any

from ..account import ACCOUNT_ID


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

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _email(message: Any) -> OutboxMessage:
    destinations = getattr(message, "destinations", {}) or {}
    if hasattr(message, "raw_data"):
        parsed = email.message_from_string(message.raw_data, policy=email.policy.default)
        part = parsed.get_body(preferencelist=("plain", "html"))
        body = part.get_content() if part is not None else ""
        to = list(destinations) if isinstance(destinations, list) else [str(parsed.get("To", ""))]
        return OutboxMessage("email", message.id, to, body, message.source, str(parsed.get("Subject", "")))
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
        id=str(getattr(message, "id", "") or ",".join(getattr(message, "ids", []))),
        to=to,
        body=str(getattr(message, "body", "")),
        sender=getattr(message, "source", None),
        subject=getattr(message, "subject", None),
        cc=cc,
        bcc=bcc,
        template=getattr(message, "template", None),
        template_data=getattr(message, "template_data", None),
    )


def read_outbox(account: str = ACCOUNT_ID) -> list[OutboxMessage]:
    """Emails first, then SMS, each in sending order, across the account's regions."""
    from moto.ses.models import ses_backends
    from moto.sns.models import sns_backends

    from .serialized import EMULATOR_LOCK

    messages: list[OutboxMessage] = []
    with EMULATOR_LOCK:  # moto's server threads append to these meanwhile
        for backend in _regional(ses_backends, account):
            messages.extend(_email(message) for message in list(backend.sent_messages))
        for backend in _regional(sns_backends, account):
            for message_id, (phone, text) in list(backend.sms_messages.items()):
                messages.append(OutboxMessage("sms", message_id, [phone], text))
    return messages


def _regional(backends: Any, account: str) -> list[Any]:
    if account not in backends:
        return []
    regional = backends[account]
    return [regional[region] for region in dict.keys(regional)]
