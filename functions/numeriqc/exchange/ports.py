"""The narrow needs of the exchange rules, one Protocol each; adapters/ implement them.

Records cross these ports as plain dicts of the models' JSON form (the table adapter stores them as
they are) or as the chain's own `Head`/`Entry`/`Receipt`; only adapters know keys and clients.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, Protocol

from numeriqc.exchange.chain import Entry, Head, Receipt


class AlreadyExists(Exception):
    """A conditional create found the record already there."""


class HeadMoved(Exception):
    """Another publisher appended to the chain since its head was read: read it again and retry."""


class StaleVersion(Exception):
    """The dataset's schema version changed since it was read."""


class DatasetRecords(Protocol):
    def add_dataset(self, dataset: dict[str, Any], schema: dict[str, Any]) -> None: ...
    def dataset(self, dataset_id: str) -> dict[str, Any] | None: ...
    def catalogue(self) -> Iterator[dict[str, Any]]: ...
    def schema(self, dataset_id: str, version: int) -> dict[str, Any] | None: ...
    def add_schema(self, dataset_id: str, schema: dict[str, Any], previous_version: int) -> None: ...


class GrantRecords(Protocol):
    def grant(self, dataset_id: str, consumer: str) -> dict[str, Any] | None: ...
    def grants(self, dataset_id: str) -> list[dict[str, Any]]: ...
    def grants_of(self, consumer: str) -> list[dict[str, Any]]: ...
    def put_grant(self, grant: dict[str, Any]) -> None: ...
    def set_push(self, dataset_id: str, consumer: str, push: dict[str, str] | None) -> None:
        """Record (or with None remove) the consumer's push endpoint on its active grant; raises
        NotActive when the grant is not active any more."""
        ...


class NotActive(Exception):
    """The grant a change was meant for is not active (revoked meanwhile)."""


class PushUnreachable(Exception):
    """A push endpoint did not answer 2xx; `reason` says how (`http_500`, `timeout`, ...)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EndpointPolicy(Protocol):
    """Whether a URL may receive pushes: a public HTTPS endpoint (the organizations service's
    `public_endpoints` rule, the same that guards event subscriptions)."""

    def refusal(self, url: str) -> str | None:
        """Why not (`not_https`, `not_public`, `numeric_form`, ...), or None when it may."""
        ...


class PushTransport(Protocol):
    def post(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        """POST `body`; raises PushUnreachable unless the endpoint answered 2xx."""
        ...


class WorkQueue(Protocol):
    """The exchange's own work queue: push jobs and large uploads (handlers/work_queue.py)."""

    def send(self, bodies: list[str]) -> None: ...


class ChainLog(Protocol):
    def head(self, dataset_id: str) -> Head: ...
    def append(self, dataset_id: str, head: Head, entries: list[Entry], time: datetime, size: int) -> None:
        """Append `entries` right after `head`, atomically; raises HeadMoved when head is stale."""
        ...

    def entries(self, dataset_id: str, first: int, last: int | None = None) -> Iterator[Entry]: ...
    def entries_between(self, dataset_id: str, start: datetime, end: datetime) -> Iterator[Entry]: ...
    def receipts(self, dataset_id: str, first: int) -> Iterator[Receipt]: ...


class SigningRecords(Protocol):
    def moved_heads(self) -> list[tuple[str, Head]]: ...
    def last_batch(self) -> dict[str, Any] | None: ...
    def record_batch(self, header: dict[str, Any], receipts: list[Receipt]) -> None:
        """Store the receipts, the new last batch, and clear the heads they cover."""
        ...


class ConsumerQueues(Protocol):
    def create(self, name: str, tier: str) -> str:
        """A queue (and its dead-letter queue) encrypted with the key of `tier`; answers its URL."""
        ...

    def delete(self, queue_url: str) -> None: ...
    def send(self, queue_url: str, bodies: list[str]) -> None: ...
    def receive(self, queue_url: str, limit: int) -> list[tuple[str, str]]:
        """(receipt handle, body) pairs, at most `limit`."""
        ...

    def acknowledge(self, queue_url: str, handles: list[str]) -> list[int]:
        """Delete the messages; answers the indexes of `handles` SQS refused."""
        ...


class PayloadStore(Protocol):
    """Claim-checked payloads (claim_checks.py), one object per event, encrypted per tier."""

    def put(self, dataset_id: str, event_id: str, body: bytes, tier: str) -> None: ...
    def get(self, dataset_id: str, event_id: str) -> Any: ...
    def exists(self, dataset_id: str, event_id: str) -> bool: ...
    def url(self, dataset_id: str, event_id: str, seconds: int) -> str:
        """A presigned GET, signed locally (no call)."""
        ...


class UploadArea(Protocol):
    """The producers' upload area: files put with a presigned PUT, read back once."""

    def upload_url(
        self, dataset_id: str, upload_id: str, tier: str, seconds: int
    ) -> tuple[str, dict[str, str]]:
        """A presigned PUT and the headers it must be sent with (signed locally, no call)."""
        ...

    def read(self, dataset_id: str, upload_id: str, limit: int) -> tuple[int | None, bytes | None]:
        """(size, content): (None, None) when absent, (size, None) when over `limit` (not read)."""
        ...


class UploadRecords(Protocol):
    def upload(self, dataset_id: str, upload_id: str) -> dict[str, Any] | None: ...
    def claim_upload(self, dataset_id: str, upload_id: str, report: dict[str, Any]) -> None:
        """Record the report if the upload has none yet; raises AlreadyExists otherwise."""
        ...

    def finish_upload(self, dataset_id: str, upload_id: str, report: dict[str, Any]) -> None:
        """Write the report as it now is (progress of a large file, or its end)."""
        ...


class Signer(Protocol):
    key_id: str

    def sign(self, message: bytes) -> bytes: ...
    def verifier(self) -> Any:
        """A `chain.SignatureCheck` with the public key."""
        ...


class BatchArchive(Protocol):
    def put(self, batch: dict[str, Any]) -> None: ...


class DeliveryStats(Protocol):
    def record_delivery(
        self, dataset_id: str, day: str, delivered: int, failures: int, latency_ms: int
    ) -> None: ...
    def stats(self, dataset_id: str, days: Iterable[str]) -> list[dict[str, Any]]: ...
