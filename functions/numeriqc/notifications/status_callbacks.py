"""Delivery-status callbacks the way GOV.UK Notify sends them: register, then POST each status change.

An organization registers one HTTPS URL and a bearer token (`PUT /v1/notify/callback`). The token
is sealed with the platform key (envelope encryption, `Cipher`) and never logged or shown again.
Every `notifications.status.v1` event (the notifications topic, the same events subscribers get)
reaches `handlers/status_events_queue.py`, which calls `deliver`: the notification is read (its
recipient while retained, as Notify's `to`), Notify's callback payload is POSTed with
`Authorization: Bearer <token>`, retried here with backoff (`ATTEMPTS`), then by SQS; after the
queue's receives run out the event lands in its dead-letter queue, which alarms.

Every record ends one of three ways, never as a crash of its batch (`handlers/status_events_queue.py`):
posted; skipped with a logged reason when there is nothing to announce (an event that names no
organization or notification, an organization without a callback, a notification no longer
readable); or failed with a logged reason (`Unannounceable`, `CallbackFailed`), which SQS retries and
the dead-letter queue keeps. A stored record this code cannot read is our defect, not the event's:
it fails (and is kept for a redrive once fixed) rather than being skipped.

The URL must be a public HTTPS endpoint, judged by the same rule as event subscriptions and
exchange pushes (organizations' `public_endpoints`: no loopback, private, link-local or metadata
address, no odd numeric form, no name resolving to one), at registration and again before every
POST, since a name can be re-pointed after it was registered. Plain HTTP is refused except to a
loopback address when the local runtime runs the function (a test's receiver).
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, ValidationFailed
from numeriqc.notifications import notify_shapes
from numeriqc.notifications.models import Notification
from numeriqc.notifications.ports import CallbackFailed, CallbackPoster, CallbackRecords, Cipher
from numeriqc.organizations import public_endpoints

BACKOFF_SECONDS = (1.0, 4.0)  # between the attempts of one delivery; then SQS's own retries
ATTEMPTS = len(BACKOFF_SECONDS) + 1
NOT_HTTPS = Message("L'adresse de rappel doit être en HTTPS.", "The callback URL must use HTTPS.")
NOT_PUBLIC = Message(
    "L'adresse de rappel doit être une adresse HTTPS publique ({reason}).",
    "The callback URL must be a public HTTPS address ({reason}).",
)
EndpointRefusal = Callable[[str], str | None]  # why a URL is not a public HTTPS endpoint, or None


class Unannounceable(Exception):
    """A stored record (the callback's registration, the notification) could not be read into
    Notify's payload. The message names the record and the error type, never a value."""


class StatusTarget(BaseModel):
    """What a callback needs from a `notifications.status.v1` event: whose notification, which."""

    org_id: str = Field(min_length=1)
    notification_id: str = Field(min_length=1)


EVENT_FIELD = {"org_id": "orgid", "notification_id": "data.id"}  # where the event carries each


def target_of(message: dict[str, Any]) -> StatusTarget | str:
    """The event's organization and notification, or why it names none (a reason to log: such an
    event can never be announced, so retrying it would only fill the dead-letter queue)."""
    data = message.get("data")
    try:
        return StatusTarget(
            org_id=message.get("orgid"),
            notification_id=data.get("id") if isinstance(data, dict) else None,
        )
    except ValidationError as error:
        fields = sorted({EVENT_FIELD[str(e["loc"][0])] for e in error.errors()})
        return "malformed event: " + ", ".join(fields)


class CallbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(max_length=2048, examples=["https://exemple.quebec/notify/statuts"])
    bearer_token: str = Field(
        min_length=10,
        max_length=1000,
        description="Envoyé dans Authorization: Bearer / sent as a bearer token",
    )


class CallbackOut(BaseModel):
    url: str | None
    configured_at: datetime | None = None


def url_errors(url: str, allow_loopback_http: bool, refusal: EndpointRefusal) -> list[FieldError]:
    if allow_loopback_http and public_endpoints.is_loopback_http(url):
        return []
    reason = refusal(url)
    if reason is None:
        return []
    if reason == "not_https":
        return [FieldError("body.url", "https_required", NOT_HTTPS)]
    return [FieldError("body.url", reason, NOT_PUBLIC, reason=reason)]


def payload(notification: Notification) -> dict[str, Any]:
    """Notify's callback message: its fields, its status names, ids as UUIDs."""
    return {
        "id": notify_shapes.to_uuid(notification.id),
        "reference": notification.reference,
        "to": notification.content.recipient if notification.content else None,
        "status": notify_shapes.NOTIFY_STATUS[notification.status],
        "created_at": notify_shapes.timestamp(notification.created_at),
        "completed_at": notify_shapes.timestamp(notification.completed_at),
        "sent_at": notify_shapes.timestamp(notification.sent_at),
        "notification_type": notification.channel.value,
        "template_id": notify_shapes.to_uuid(notification.template_id),
        "template_version": notification.template_version,
    }


class StatusCallbacks:
    def __init__(
        self,
        records: CallbackRecords,
        cipher: Cipher,
        poster: CallbackPoster,
        read: Callable[[str, str, datetime], Notification],
        *,
        sleep: Callable[[float], None],
        allow_loopback_http: bool,
        endpoint_refusal: EndpointRefusal,
    ) -> None:
        self._records = records
        self._cipher = cipher
        self._poster = poster
        self._read = read
        self._sleep = sleep
        self._allow_loopback_http = allow_loopback_http
        self._refusal = endpoint_refusal
        # Each organization's registration as this instance first read it. The consumer builds one
        # instance per batch, and a batch is mostly one organization's bulk: one read per batch,
        # not one per event (the consumer fell 9,740 events behind during a 100,000-SMS bulk).
        self._registrations: dict[str, dict[str, Any] | None] = {}

    def register(self, org_id: str, request: CallbackIn, now: datetime) -> CallbackOut:
        errors = url_errors(request.url, self._allow_loopback_http, self._refusal)
        if errors:
            raise ValidationFailed(errors=errors)
        kid, encrypted = self._cipher.current_key(now)
        self._registrations.pop(org_id, None)
        self._records.save_callback(
            org_id,
            {
                "url": request.url,
                "token": self._cipher.seal(request.bearer_token, now),
                "keys": {kid: encrypted},
                "configured_at": now.isoformat(),
            },
        )
        return CallbackOut(url=request.url, configured_at=now)

    def current(self, org_id: str) -> CallbackOut:
        stored = self._records.callback(org_id)
        if stored is None:
            return CallbackOut(url=None)
        return CallbackOut(url=stored["url"], configured_at=stored["configured_at"])

    def remove(self, org_id: str) -> CallbackOut:
        self._registrations.pop(org_id, None)
        self._records.remove_callback(org_id)
        return CallbackOut(url=None)

    def deliver(self, org_id: str, notification_id: str, now: datetime) -> bool:
        """POST the notification's current status to the organization's callback; False when it
        has none. Raises CallbackFailed once every attempt failed (the queue retries the event)."""
        if org_id not in self._registrations:
            self._registrations[org_id] = self._records.callback(org_id)
        stored = self._registrations[org_id]
        if stored is None:
            return False
        try:
            url, sealed, keys = stored["url"], stored["token"], stored["keys"]
        except KeyError as error:
            raise Unannounceable(f"callback registration lacks {error}") from error
        refused = url_errors(url, self._allow_loopback_http, self._refusal)
        if refused:  # re-pointed to an inside address since it was registered: never POSTed there
            raise CallbackFailed(f"endpoint {refused[0].code}")
        token = self._cipher.open(sealed, keys)
        try:  # NotFound (erased, another world's, never existed) passes: nothing to announce
            body = payload(self._read(org_id, notification_id, now))
        except (KeyError, TypeError, ValueError) as error:
            raise Unannounceable(f"notification unreadable ({type(error).__name__})") from error
        for attempt in range(ATTEMPTS):
            try:
                self._poster.post(url, token, body)
                return True
            except CallbackFailed:
                if attempt == ATTEMPTS - 1:
                    raise
                self._sleep(BACKOFF_SECONDS[attempt])
        return True  # unreachable: the loop returns or raises
