"""What the notification rules need from the world, as narrow protocols.

Rules receive these (built by `deps`), never boto3 clients nor a lookup object reaching every
adapter: a unit test hands a rule a fake of exactly what it uses. `EventSink` (`core.events`) is
how a rule announces what it did; `Clock` (`core.clock`) is where time comes from.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from numeriqc.core.clock import Clock
from numeriqc.core.events import EventSink
from numeriqc.notifications.models import Template

__all__ = [
    "Cipher",
    "Clock",
    "EmailProvider",
    "EventSink",
    "Queues",
    "RecipientHasher",
    "SmsProvider",
    "Table",
    "Templates",
    "Uploads",
]

Key = tuple[str, str]
# `hasher(addresses.hash_key(channel, recipient))` -> the recipient's keyed hash.
RecipientHasher = Callable[[str], str]


class Table(Protocol):
    """The item operations of the notifications table; keys come from `adapters.table`'s functions."""

    def get(self, pk: str, sk: str, consistent: bool = False) -> dict[str, Any] | None: ...
    def put(self, item: dict[str, Any], *, new: bool = False) -> None: ...
    def put_many(self, items: Sequence[dict[str, Any]]) -> int: ...
    def write_all(self, items: Sequence[dict[str, Any]]) -> None: ...
    def get_many(self, keys: Sequence[Key]) -> dict[Key, dict[str, Any]]: ...
    def delete_many(self, keys: Sequence[Key]) -> int: ...
    def update(
        self,
        pk: str,
        sk: str,
        *,
        set_values: dict[str, Any] | None = None,
        add: dict[str, int] | None = None,
        remove: Sequence[str] = (),
        condition: str | None = None,
        condition_values: dict[str, Any] | None = None,
        returns: str = "NONE",
    ) -> dict[str, Any]: ...
    def transition(
        self,
        keys: Sequence[Key],
        from_statuses: Sequence[str],
        set_values: dict[str, Any],
        remove: Sequence[str] = (),
        absent: Sequence[str] = (),
    ) -> set[Key]: ...
    def update_many(
        self, updates: Sequence[tuple[Key, dict[str, Any]]], remove: Sequence[str] = ()
    ) -> int: ...
    def template_items(self, org_id: str) -> list[dict[str, Any]]: ...
    def notification_page(
        self, org_id: str, *, limit: int, start: dict[str, Any] | None, filters: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]: ...
    def reserve_daily(
        self, org_id: str, channel: str, day: str, count: int, *, limit: int, expires_at: int
    ) -> int: ...
    def daily_used(self, org_id: str, channel: str, day: str) -> int: ...
    def due_entries(self, shard: int, now: datetime, limit: int) -> list[dict[str, Any]]: ...
    def claims_before(self, shard: int, upper: str, limit: int) -> list[Key]: ...
    def count_in_job(self, org_id: str, job_id: str, counts: dict[str, int]) -> None: ...
    def recipient_items(self, org_id: str, recipient_hash: str) -> list[Key]: ...


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
    def send(
        self, *, to: str, subject: str, text: str, html: str, unsubscribe_url: str, tags: dict[str, str]
    ) -> str: ...


class SmsProvider(Protocol):
    def send(self, *, to: str, text: str, tags: dict[str, str]) -> str: ...
    def reply(self, to: str, text: str) -> None: ...
    def opted_out(self) -> set[str]: ...
    def opt_in(self, number: str) -> None: ...


class Templates(Protocol):
    """The template versions a send reads (the registry caches immutable versions per container)."""

    def current(self, org_id: str, template_id: str) -> Template: ...
    def version(self, org_id: str, template_id: str, version: int) -> Template: ...
    def preload(self, wanted: set[tuple[str, str, int]]) -> None: ...
