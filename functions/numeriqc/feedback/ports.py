"""What the feedback rules ask of the outside world: narrow protocols, and the data they exchange.

Each rule names only the port it uses (the intake writes submissions, the inbox reads and triages
them, the export jobs stream them), so a rule's test needs a stand-in for that port alone. The
adapters in `adapters/` implement them; `deps.py` wires them.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from numeriqc.feedback.models import Driver, Period, Sentiment, Status


class AlreadyExists(Exception):
    """A conditional write found the item already there."""


class BadCursor(ValueError):
    """A paging cursor this search did not issue (another partition, or not ours at all)."""


@dataclass(frozen=True)
class Search:
    """What an organization looks for in its feedback; the table decides which index answers it."""

    service_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    rating: int | None = None
    has_comment: bool | None = None
    status: Status | None = None


@dataclass(frozen=True)
class Submission:
    """Everything one accepted submission writes, already redacted and hashed by the logic."""

    org_id: str
    service_id: str
    feedback_id: str
    item: dict[str, Any]
    rating: int
    drivers: dict[Driver, Sentiment]
    has_comment: bool
    received_at: datetime
    now_epoch: int
    client_hash: str
    fingerprint: str
    duplicate_until: int
    minute: int
    client_limit: int
    service_limit: int
    contact: bytes | None
    contact_expires_at: int | None


@dataclass(frozen=True)
class Outcome:
    """`stored`, `duplicate` (with the first receipt), `unknown-service`, `client-rate` or `service-rate`."""

    result: str
    receipt_id: str | None = None
    received_at: str | None = None


class SubmissionWriter(Protocol):
    """Writes a submission with every abuse check, all or nothing."""

    def submit(self, submission: Submission) -> Outcome: ...


class ServiceRecords(Protocol):
    def add_service(self, values: dict[str, Any]) -> None: ...

    def service(self, service_id: str) -> dict[str, Any] | None: ...

    def services(self, org_id: str) -> list[dict[str, Any]]: ...


class FeedbackRecords(Protocol):
    """An organization's submissions: found by id, searched page by page, triaged, deleted."""

    def find(self, org_id: str, feedback_id: str) -> dict[str, Any] | None: ...

    def search(
        self, org_id: str, search: Search, limit: int, cursor: str | None
    ) -> tuple[list[dict[str, Any]], str | None]: ...

    def set_status(self, item: dict[str, Any], status: Status) -> None: ...

    def delete(self, item: dict[str, Any]) -> None: ...

    def contact(self, service_id: str, feedback_id: str) -> bytes | None: ...


class CounterReader(Protocol):
    def counters(
        self, service_id: str, period: Period, first: str, last: str
    ) -> list[tuple[str, dict[str, Any]]]: ...


class ExportRecords(Protocol):
    """Export jobs, and the whole of a search's submissions, oldest first, page after page."""

    def add_export(self, org_id: str, values: dict[str, Any]) -> None: ...

    def export(self, org_id: str, export_id: str) -> dict[str, Any] | None: ...

    def update_export(self, org_id: str, export_id: str, values: dict[str, Any]) -> None: ...

    def search_all(self, org_id: str, search: Search) -> Iterator[dict[str, Any]]: ...


class ContactVault(Protocol):
    """Encrypts contact details (implemented with KMS by `adapters.vault.KmsVault`)."""

    def seal(self, plaintext: bytes, context: dict[str, str]) -> bytes: ...

    def open(self, ciphertext: bytes, context: dict[str, str]) -> bytes: ...


class JobQueue(Protocol):
    def send(self, message: dict[str, str]) -> None: ...


class Presigner(Protocol):
    def url(self, key: str, filename: str, seconds: int) -> str: ...


class Upload(Protocol):
    def write_part(self, data: bytes) -> None: ...

    def complete(self) -> None: ...

    def abort(self) -> None: ...


@dataclass(frozen=True)
class RatingQuestion:
    """A rating request as the notification service asks it (its platform SMS queue)."""

    ref: str
    closes_at: str
    text: str
    language: str
    org_id: str
    key_kind: str


class RatingSender(Protocol):
    def ask_rating(self, number: str, question: RatingQuestion) -> None: ...
