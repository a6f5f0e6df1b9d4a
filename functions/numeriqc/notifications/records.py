"""Notification records: how a notification is stored, queued and reported. Pure logic.

The status item is anonymized by construction (ids, template, statuses, timestamps, the recipient's
keyed hash): it can stay after the retention period. Content and recipient travel sealed, in a
separate item with a TTL (one-off sends), in the job's S3 rows (bulk), and in channel messages.
"""

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel

from numeriqc.core.clock import epoch_seconds
from numeriqc.core.events import CloudEvent, cloud_event
from numeriqc.notifications.models import Channel, Content, Notification, Status


def dumps(value: Any) -> str:
    """Compact JSON as queued and stored (rows, plans, sealed personalisation)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def derived_id(parent_id: str, index: int) -> str:
    """A ULID-shaped id fixed by (parent, index): replaying a bulk slice recreates the same ids."""
    digest = int.from_bytes(hashlib.sha256(f"{parent_id}#{index}".encode()).digest()[:10], "big")
    chars = []
    for _ in range(16):
        digest, rest = divmod(digest, 32)
        chars.append(_CROCKFORD[rest])
    return parent_id[:10] + "".join(chars)


class Entry(BaseModel):
    """One recipient in a channel message (many per SQS message)."""

    id: str
    org: str
    tpl: str
    ver: int
    lang: str
    to: str  # sealed recipient
    p: str  # sealed personalisation (JSON)
    kind: str  # API key kind: test | live
    rh: str
    job: str | None = None
    ref: str | None = None
    pu: str | None = None  # the consent purpose the send requires (None: the default purpose)
    # Any hour: a code the citizen is waiting for goes out even in the SMS quiet hours.
    ah: bool = False


class ChannelMessage(BaseModel):
    channel: Channel
    keys: dict[str, str]  # kid -> encrypted data key
    entries: list[Entry]


def status_item(
    *,
    notification_id: str,
    channel: Channel,
    status: Status,
    template_id: str,
    version: int,
    language: str,
    key_kind: str,
    recipient_hash: str,
    now: datetime,
    reference: str | None = None,
    scheduled_for: datetime | None = None,
    job_id: str | None = None,
    series_id: str | None = None,
    fragments: int | None = None,
    failure_reason: str | None = None,
    job_row: int | None = None,
) -> dict[str, Any]:
    """A notification's status item (the table keys it by organization and `id`)."""
    return {
        "id": notification_id,
        "channel": channel.value,
        "status": status.value,
        "template_id": template_id,
        "template_version": version,
        "language": language,
        "key_kind": key_kind,
        "rh": recipient_hash,
        "reference": reference,
        "scheduled_for": scheduled_for.isoformat() if scheduled_for else None,
        "job_id": job_id,
        "job_row": job_row,
        "series_id": series_id,
        "fragments": fragments,
        "failure_reason": failure_reason,
        "created_at": now.isoformat(),
        "updated_at": now.isoformat(),
        "completed_at": now.isoformat() if status in _DONE else None,
    }


_DONE = {Status.CANCELLED, Status.OPTED_OUT, Status.TECHNICAL_FAILURE}


def content_item(
    *,
    entry: Entry,
    keys: dict[str, str],
    now: datetime,
    retention_days: int,
) -> dict[str, Any]:
    """The sealed content of a one-off send; DynamoDB's TTL deletes it after the retention period."""
    return {
        "rh": entry.rh,
        "entry": entry.model_dump(),
        "keys": keys,
        "expires_at": epoch_seconds(now + timedelta(days=retention_days)),
    }


def notification_of(item: dict[str, Any], content: Content | None = None) -> Notification:
    return Notification(
        id=item["id"],
        channel=Channel(item["channel"]),
        status=Status(item["status"]),
        template_id=item["template_id"],
        template_version=int(item["template_version"]),
        language=item.get("language", "fr"),
        reference=item.get("reference"),
        key_kind=item.get("key_kind", "live"),
        created_at=item["created_at"],
        updated_at=item.get("updated_at", item["created_at"]),
        scheduled_for=item.get("scheduled_for"),
        sent_at=item.get("sent_at"),
        completed_at=item.get("completed_at"),
        job_id=item.get("job_id"),
        job_row=int(item["job_row"]) if item.get("job_row") is not None else None,
        series_id=item.get("series_id"),
        fragments=item.get("fragments"),
        failure_reason=item.get("failure_reason"),
        content=content,
    )


def status_event(item: dict[str, Any], now: datetime) -> CloudEvent:
    """`ca.qc.numeriqc.notifications.status.v1`: the organization's status callback."""
    data = {
        key: item.get(key)
        for key in (
            "id",
            "channel",
            "status",
            "reference",
            "template_id",
            "template_version",
            "job_id",
            "series_id",
            "failure_reason",
            "fragments",
        )
        if item.get(key) is not None
    }
    data["updated_at"] = now.isoformat()
    return cloud_event("notifications", "status", item["org"], data, clock=lambda: now)
