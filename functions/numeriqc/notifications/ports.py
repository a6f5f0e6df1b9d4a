"""What the notification rules need from the world, as narrow protocols.

Rules receive these (built by `deps`), never boto3 clients nor a lookup object reaching every
adapter: a unit test hands a rule a fake of exactly what it uses. `EventSink` (`core.events`) is
how a rule announces what it did; `Clock` (`core.clock`) is where time comes from.

The record protocols below are all implemented by the one table adapter (`adapters/table.py`), the
only module that knows the table's layout: a rule names a notification by (organization, id), a
consent by (organization, channel, recipient hash), and hands over the attributes it decided;
the adapter builds every key, index mark and item kind from those. Exceptions that are part of a
port's contract are defined here: adapters raise them, rules catch them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from numeriqc.core.clock import Clock
from numeriqc.core.events import EventSink
from numeriqc.notifications.models import Template

__all__ = [
    "AnswerKeys",
    "AnswerQueues",
    "Asked",
    "AskedQuestions",
    "CallbackFailed",
    "CallbackPoster",
    "CallbackRecords",
    "Cipher",
    "ClaimState",
    "Claims",
    "Clock",
    "Conflict",
    "ConsentImports",
    "ConsentRecords",
    "ConsentRef",
    "DailyCounters",
    "EmailProvider",
    "EventSink",
    "HeldRecords",
    "InboundMarkers",
    "JobCounters",
    "JobRecords",
    "NewSend",
    "NotificationRecords",
    "NotificationRef",
    "ProviderRejected",
    "ProviderThrottled",
    "ProviderUnavailable",
    "ProviderUncertain",
    "Queues",
    "RecipientHasher",
    "RecipientRecords",
    "Schedule",
    "SendResult",
    "SendWriter",
    "SmsLookups",
    "SmsProvider",
    "TemplateRecords",
    "Templates",
    "Uploads",
]

# `hasher(addresses.hash_key(channel, recipient))` -> the recipient's keyed hash.
RecipientHasher = Callable[[str], str]
# How rules name a notification: (organization, notification id).
NotificationRef = tuple[str, str]
# How rules name a consent: (organization, channel, recipient keyed hash).
ConsentRef = tuple[str, str, str]


class Conflict(Exception):
    """A conditional write found the item in another state (or already there, or not there)."""


class ProviderThrottled(Exception):
    """The provider asked us to slow down: retry later, never drop."""


class ProviderUnavailable(Exception):
    """The provider did not take the message (no connection, or the request refused as a whole, not
    for this recipient): it was not sent, so it may be sent later."""


class ProviderUncertain(Exception):
    """The send's outcome is unknown (a read timeout, a server error): the provider may have sent it.
    Such a send is never tried again: a second try could reach the citizen twice."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ProviderRejected(Exception):
    """The provider refused this one message for good (bad address, opted out...)."""

    def __init__(self, code: str, opted_out: bool = False) -> None:
        super().__init__(code)
        self.code = code
        self.opted_out = opted_out


@dataclass(frozen=True)
class NewSend:
    """One accepted send as it is written: its status item and sealed content (`records`), and,
    when the scheduler is to queue it, its due entry (what `coming_due` reads back) and due time."""

    org_id: str
    notification_id: str
    status: dict[str, Any]
    content: dict[str, Any]
    due_at: datetime | None = None
    due: dict[str, Any] | None = None


@dataclass(frozen=True)
class SendResult:
    """What a sender writes about one claimed notification; an SMS that SNS accepted also gets a
    lookup by its SNS message id (its delivery receipt names nothing else), kept until `expires_at`."""

    org_id: str
    notification_id: str
    values: dict[str, Any]
    sms_message_id: str | None = None
    expires_at: int | None = None


@dataclass(frozen=True)
class ClaimState:
    """A notification as a sender reads it back: its attributes, the token of the attempt that
    claimed it or decided it (kept with the result that attempt wrote), and whether that claim is
    still in flight (no result written)."""

    item: dict[str, Any]
    token: str | None
    in_flight: bool

    @property
    def status(self) -> str | None:
        return self.item.get("status")


@dataclass(frozen=True)
class HeldRecords:
    """What an organization holds on one recipient, by kind: the channels of their consents, the
    ids of the notifications whose content is still kept, the ids of their notifications."""

    consents: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)
    notifications: list[str] = field(default_factory=list)


class JobCounters(Protocol):
    def count_in_job(self, org_id: str, job_id: str, counts: dict[str, int]) -> None:
        """Add to a bulk job's status counters (`n_<status>`)."""
        ...


class NotificationRecords(JobCounters, Protocol):
    """Notifications as stored: status items, sealed contents, series; read, written, moved.

    `transition` is the conditional move that makes every stage idempotent: it answers the
    notifications it moved, those whose status was one of `from_statuses`."""

    def notification(self, org_id: str, notification_id: str) -> dict[str, Any] | None: ...
    def notifications(self, refs: Sequence[NotificationRef]) -> dict[NotificationRef, dict[str, Any]]: ...
    def content(self, org_id: str, notification_id: str) -> dict[str, Any] | None: ...
    def contents(self, refs: Sequence[NotificationRef]) -> dict[NotificationRef, dict[str, Any]]: ...
    def series(self, org_id: str, series_id: str) -> dict[str, Any] | None: ...
    def notification_page(
        self, org_id: str, *, limit: int, start: dict[str, Any] | None, filters: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]: ...
    def notifications_older_than(
        self, org_id: str, notification_id: str, *, limit: int, filters: dict[str, Any]
    ) -> list[dict[str, Any]]: ...
    def add_notifications(self, org_id: str, items: Sequence[dict[str, Any]]) -> None: ...
    def transition(
        self, refs: Sequence[NotificationRef], from_statuses: Sequence[str], values: dict[str, Any]
    ) -> set[NotificationRef]: ...


class SendWriter(Protocol):
    """Accepted sends: one-offs in batches, a reminder series in one transaction (all or nothing)."""

    def add_sends(self, sends: Sequence[NewSend]) -> None: ...
    def add_series(self, org_id: str, series_id: str, sends: Sequence[NewSend]) -> None: ...
    def mark(self, org_id: str, notification_id: str, values: dict[str, Any]) -> None: ...


class Claims(JobCounters, Protocol):
    """A sender's claims on notifications, and what it writes about them.

    Each attempt at a channel message has a token. `advance` is one atomic write: the results of
    the token's own claim, notifications moved `queued` -> a final status without a provider call
    (`decided`), and the token's next claim (`queued` -> `sending`, marked with the token and the
    claim time, which puts it in the claims in flight). A conditional part that another sender
    moved first is left out; a write whose outcome is unknown is resolved by reading the items,
    never assumed. `release` gives the token's claim back (`sending` -> `queued`). `settle` counts
    an attempt's outcomes in their jobs once per token. `claims_before` finds, per shard, the claims
    made at `upper` or before that are still in flight (a crashed sender's)."""

    def advance(
        self,
        token: str,
        claimed_at: datetime,
        *,
        results: Sequence[SendResult] = (),
        decided: Sequence[SendResult] = (),
        claim: SendResult | None = None,
    ) -> set[NotificationRef]:
        """Answers the notifications of `decided` and `claim` that this token moved."""
        ...

    def release(self, token: str, ref: NotificationRef, values: dict[str, Any]) -> bool:
        """`sending` -> `queued` (with `values`) if the token still holds the claim."""
        ...

    def states(self, refs: Sequence[NotificationRef]) -> dict[NotificationRef, "ClaimState"]:
        """The notifications as they are now (strongly consistent reads)."""
        ...

    def settle(self, token: str, counts: dict[tuple[str, str], dict[str, int]], expires_at: int) -> bool:
        """Add `counts` to the jobs' status counters ({(org, job): {status: n}}) unless this token
        settled before (even with no counts: the attempt's marker); answers whether it did now."""
        ...

    def claim_shards(self) -> int: ...
    def claims_before(self, shard: int, upper: str, limit: int) -> list[NotificationRef]: ...
    def close(
        self,
        refs: Sequence[NotificationRef],
        from_statuses: Sequence[str],
        values: dict[str, Any],
        absent: Sequence[str],
    ) -> dict[NotificationRef, dict[str, Any]]:
        """Move claims in flight holding none of the `absent` attributes; answers the moved items."""
        ...


class JobRecords(JobCounters, Protocol):
    """Bulk jobs, and the marker of each slice being planned (planning a slice twice changes nothing)."""

    def job(self, org_id: str, job_id: str, consistent: bool = False) -> dict[str, Any] | None: ...
    def save_job(self, org_id: str, values: dict[str, Any], *, new: bool = False) -> None:
        """Write a job (`values["job_id"]`); `new` raises Conflict when it exists."""
        ...

    def update_job(self, org_id: str, job_id: str, values: dict[str, Any]) -> None: ...
    def add_to_job(self, org_id: str, job_id: str, amounts: dict[str, int]) -> None: ...
    def start_slice(self, org_id: str, job_id: str, index: int) -> None:
        """Mark a slice as being planned; Conflict when it was marked before."""
        ...

    def slice_state(self, org_id: str, job_id: str, index: int) -> str | None: ...
    def finish_slice(self, org_id: str, job_id: str, index: int) -> None: ...


class Schedule(Protocol):
    """Scheduled sends waiting for their time, in `due_shards()` shards sorted by due time."""

    def due_shards(self) -> int: ...
    def due_entries(self, shard: int, now: datetime, limit: int) -> list[dict[str, Any]]: ...
    def schedule_job(self, moment: datetime, org_id: str, job_id: str, values: dict[str, Any]) -> None: ...
    def remove_due(self, entries: Sequence[dict[str, Any]]) -> None: ...


class ConsentImports(Protocol):
    """Bulk consent imports: their counts and row errors, per organization."""

    def consent_import(self, org_id: str, import_id: str) -> dict[str, Any] | None: ...
    def save_consent_import(self, org_id: str, values: dict[str, Any], *, new: bool = False) -> None:
        """Write an import (`values["import_id"]`); `new` raises Conflict when it exists."""
        ...


class ConsentRecords(Protocol):
    """Consent per (organization, channel, recipient hash), and platform-wide opt-outs per number."""

    def consent_states(
        self, wanted: Sequence[ConsentRef]
    ) -> dict[ConsentRef, tuple[dict[str, Any] | None, dict[str, Any] | None]]:
        """(consent, platform opt-out) of each, read together (BatchGetItem)."""
        ...

    def save_consent(
        self,
        org_id: str,
        channel: str,
        recipient_hash: str,
        values: dict[str, Any],
        *,
        withdrawn_at: str | None = None,
    ) -> None:
        """Write only while the record's withdrawal is still `withdrawn_at` (None: not withdrawn),
        as read before deciding; Conflict when a withdrawal landed meanwhile."""
        ...

    def update_consent(self, org_id: str, channel: str, recipient_hash: str, values: dict[str, Any]) -> None:
        """Conflict when no consent was recorded."""
        ...

    def platform_opt_out(self, channel: str, recipient_hash: str) -> dict[str, Any] | None: ...
    def save_opt_out(self, channel: str, recipient_hash: str, values: dict[str, Any]) -> None: ...
    def remove_opt_out(self, channel: str, recipient_hash: str) -> None: ...


class RecipientRecords(Protocol):
    """Everything an organization holds on one recipient (by keyed hash), for their erasure."""

    def held_on(self, org_id: str, recipient_hash: str) -> HeldRecords: ...
    def delete_held(self, org_id: str, recipient_hash: str, held: HeldRecords) -> None:
        """Delete `held`'s consents and contents (its notifications are not deleted)."""
        ...

    def anonymize(self, org_id: str, notification_id: str, values: dict[str, Any]) -> None:
        """Set `values` on a notification and drop its recipient hash."""
        ...


class DailyCounters(Protocol):
    def reserve_daily(
        self, org_id: str, channel: str, day: str, count: int, *, limit: int, expires_at: int
    ) -> int:
        """Count `count` sends against the day's limit; answers the new total, Conflict when full."""
        ...

    def daily_used(self, org_id: str, channel: str, day: str) -> int: ...

    def release_daily(self, org_id: str, channel: str, day: str, count: int) -> None:
        """Give back `count` sends reserved today whose writing failed."""
        ...


class TemplateRecords(Protocol):
    """Templates: the current version of each (the optimistic lock) and every immutable version."""

    def template(self, org_id: str, template_id: str) -> dict[str, Any] | None: ...
    def templates(self, org_id: str) -> list[dict[str, Any]]: ...
    def template_version(self, org_id: str, template_id: str, version: int) -> dict[str, Any] | None: ...
    def template_versions(
        self, wanted: Sequence[tuple[str, str, int]]
    ) -> dict[tuple[str, str, int], dict[str, Any]]: ...
    def add_template(self, org_id: str, values: dict[str, Any]) -> None:
        """Conflict when the template exists."""
        ...

    def replace_template(self, org_id: str, values: dict[str, Any], previous: int) -> None:
        """Conflict unless the current version is still `previous`."""
        ...

    def save_version(self, org_id: str, values: dict[str, Any]) -> None: ...
    def update_template(self, org_id: str, template_id: str, values: dict[str, Any]) -> None: ...


class InboundMarkers(Protocol):
    def mark_inbound_handled(self, message_id: str, expires_at: int) -> None:
        """Conflict when this inbound message was handled before."""
        ...


class SmsLookups(Protocol):
    def sms_notifications(self, message_ids: Sequence[str]) -> dict[str, NotificationRef]:
        """Which notification each SNS message id is, for those the platform sent."""
        ...


@dataclass(frozen=True)
class Asked:
    """A question a platform SMS asked a number, as registered for routing replies (sms_questions)."""

    sender: str
    ref: str
    low: int
    high: int
    language: str
    asked_at: datetime
    closes_at: datetime


class AskedQuestions(Protocol):
    """The last question each sender asked a number (`ASK#` records)."""

    def ask(self, recipient_hash: str, asked: Asked, *, expires_epoch: int) -> None: ...
    def asked(self, recipient_hash: str) -> list[Asked]: ...
    def count_unreadable(self, recipient_hash: str, sender: str, asked_at: datetime) -> int:
        """Count one unreadable reply to that question; answers the count before it."""
        ...

    def tell_closed(self, recipient_hash: str, sender: str, asked_at: datetime) -> None:
        """Conflict when the number was already told that question is closed."""
        ...


class AnswerQueues(Protocol):
    def send_answer(self, sender: str, message: dict[str, Any]) -> None: ...


AnswerKeys = Callable[[str, str], str]  # (number, purpose) -> keyed hash under the pepper


class Queues(Protocol):
    def send(self, url: str, bodies: list[str]) -> int: ...


class Uploads(Protocol):
    def upload_url(self, key: str, seconds: int) -> str: ...
    def read(self, key: str, byte_range: tuple[int, int] | None = None) -> bytes: ...
    def write(self, key: str, data: bytes) -> None: ...


class Cipher(Protocol):
    """Envelope encryption: sealed values name their data key; `keys` maps kid -> encrypted key."""

    def current_key(self, now: datetime) -> tuple[str, str]: ...
    def seal(self, value: str, now: datetime) -> str: ...
    def open(self, sealed: str, keys: dict[str, str]) -> str: ...


class EmailProvider(Protocol):
    """Raises ProviderThrottled (retry later) or ProviderRejected (refused for good)."""

    def send(
        self, *, to: str, subject: str, text: str, html: str, unsubscribe_url: str, tags: dict[str, str]
    ) -> str: ...


class SmsProvider(Protocol):
    """Raises ProviderThrottled (retry later) or ProviderRejected (refused for good)."""

    def send(self, *, to: str, text: str, tags: dict[str, str]) -> str: ...
    def reply(self, to: str, text: str) -> None: ...
    def opted_out(self) -> set[str]: ...
    def opt_in(self, number: str) -> None: ...


class Templates(Protocol):
    """The template versions a send reads (the registry caches immutable versions per container)."""

    def current(self, org_id: str, template_id: str) -> Template: ...
    def version(self, org_id: str, template_id: str, version: int) -> Template: ...
    def preload(self, wanted: set[tuple[str, str, int]]) -> None: ...


class CallbackRecords(Protocol):
    """An organization's delivery-status callback (Notify's): URL, sealed bearer token, its keys."""

    def callback(self, org_id: str) -> dict[str, Any] | None: ...
    def save_callback(self, org_id: str, values: dict[str, Any]) -> None: ...
    def remove_callback(self, org_id: str) -> None: ...


class CallbackFailed(Exception):
    """The receiver did not answer 2xx (or could not be reached): worth retrying later. The
    message names the status or the error type, never the URL or the token."""


class CallbackPoster(Protocol):
    def post(self, url: str, bearer_token: str, payload: dict[str, Any]) -> None:
        """POST JSON with `Authorization: Bearer`; CallbackFailed unless the answer is 2xx."""
        ...
