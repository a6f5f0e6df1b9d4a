"""Reading notifications back: one with its content while the retention period lasts, or a page.

Test and live are two worlds (as in GOV.UK Notify): a caller holding a test key sees only what test
keys sent, a live key only what live keys sent; the other world's notification is a 404, like
another organization's. `world` is the caller's key kind (`test` or `live`)."""

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from numeriqc.core import page_tokens
from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid
from numeriqc.core.problems import FieldError, MalformedRequest, NotFound
from numeriqc.notifications import problems
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.models import Channel, Content, Notification, NotificationList
from numeriqc.notifications.ports import Cipher, NotificationRecords, Templates
from numeriqc.notifications.records import Entry, notification_of


def in_world(item: dict[str, Any], world: str) -> bool:
    """Whether a record (a notification, a job) was made by a key of this kind."""
    return str(item.get("key_kind", "live")) == world


def world_filter(world: str) -> dict[str, Any]:
    """The listing filter of a world (/v1's and Notify's /v2 listings both)."""
    return {"key_kind": world}


def stored_status(
    records: NotificationRecords, org_id: str, notification_id: str, world: str
) -> dict[str, Any]:
    """The status item of one of the organization's notifications in the caller's world, or a 404."""
    item = records.notification(org_id, notification_id) if is_ulid(notification_id) else None
    if item is None or not in_world(item, world):
        raise NotFound(problems.NO_NOTIFICATION, notification_id=notification_id)
    return item


BAD_PAGE = Message(
    "Ce jeton de page n'a pas été émis pour cet organisme par cette liste.",
    "This page token was not issued to this organization by this listing.",
)


class Reading:
    def __init__(
        self, records: NotificationRecords, templates: Templates, cipher: Cipher, pepper: Callable[[], bytes]
    ) -> None:
        self._records = records
        self._templates = templates
        self._cipher = cipher
        self._pepper = pepper

    def read(self, org_id: str, notification_id: str, now: datetime, world: str) -> Notification:
        """The notification, with its content while the retention period lasts."""
        item = stored_status(self._records, org_id, notification_id, world)
        stored = self._records.content(org_id, notification_id)
        content = None
        # DynamoDB deletes expired items within days, not at once: expired content is never shown.
        if stored is not None and stored.get("expires_at", 0) > now.timestamp():
            entry = Entry.model_validate(stored["entry"])
            content = self._content(entry, stored["keys"], Channel(item["channel"]))
        return notification_of(item, content)

    def read_in_its_world(self, org_id: str, notification_id: str, now: datetime) -> Notification:
        """For the platform's own consumers (status callbacks), which tell an organization about
        its notifications of both worlds, as Notify calls back for test-key ones too."""
        item = self._records.notification(org_id, notification_id) if is_ulid(notification_id) else None
        world = str(item.get("key_kind", "live")) if item is not None else "live"
        return self.read(org_id, notification_id, now, world)

    def _content(self, entry: Entry, keys: dict[str, str], channel: Channel) -> Content:
        recipient = self._cipher.open(entry.to, keys)
        values = templates.values_of(json.loads(self._cipher.open(entry.p, keys)))
        template = self._templates.version(entry.org, entry.tpl, entry.ver)
        if channel is Channel.EMAIL:
            email = templates.render_email(template.subject or "", template.body, values, entry.lang)
            return Content(recipient=recipient, subject=email.subject, body=email.text)
        return Content(
            recipient=recipient,
            body=templates.render_sms(template.body, values, entry.lang, template.gsm7_safe),
        )

    def listing(
        self,
        org_id: str,
        *,
        world: str,
        status: str | None,
        channel: str | None,
        reference: str | None,
        job_id: str | None,
        limit: int,
        page: str | None,
    ) -> NotificationList:
        filters = {
            name: value
            for name, value in (
                ("status", status),
                ("channel", channel),
                ("reference", reference),
                ("job_id", job_id),
            )
            if value
        }
        filters.update(world_filter(world))
        # Page tokens are sealed for the organization: a token from another one, or edited, is a 400.
        scope = f"notifications/{org_id}/{world}"
        start = None
        if page:
            try:
                start = page_tokens.open_token(page, key=self._pepper(), scope=scope)
            except page_tokens.BadPageToken:
                raise MalformedRequest(
                    errors=[FieldError("query.page", "invalid_page_token", BAD_PAGE)]
                ) from None
        items, last = self._records.notification_page(org_id, limit=limit, start=start, filters=filters)
        token = page_tokens.seal(last, key=self._pepper(), scope=scope) if last else None
        return NotificationList(items=[notification_of(item) for item in items[:limit]], next=token)
