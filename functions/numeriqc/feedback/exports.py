"""Exports of an organization's feedback as CSV or JSON, however many rows. Pure logic.

Touchpoints builds its CSV inside the web request and times out around a few hundred thousand rows.
Here an export is a job: the API records it and queues it (two calls), a worker streams the Query
page by page into an S3 multipart upload (memory stays at one part, whatever the row count), and
the job answers a short-lived presigned URL once done.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any, Protocol

from numeriqc.core.clock import Clock, epoch_seconds, system_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import NotFound
from numeriqc.feedback.inbox import Search, build_query
from numeriqc.feedback.models import Driver, Export, ExportFormat, ExportIn, ExportStatus
from numeriqc.feedback.store import FeedbackStore

PART_SIZE = 8 * 1024 * 1024  # S3 parts are at least 5 MiB (except the last)
JOB_RETENTION_DAYS = 7  # the bucket's lifecycle deletes the files after the same delay
URL_SECONDS = 900
COLUMNS = (
    "feedback_id",
    "service_id",
    "received_at",
    "rating",
    *(f"driver_{driver.value}" for driver in Driver),
    "comment",
    "removed",
    "language",
    "channel",
    "page_url",
    "status",
    "has_contact",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NO_EXPORT = Message("Aucune exportation {export_id}.", "No export {export_id}.")


class JobQueue(Protocol):
    def send(self, message: dict[str, str]) -> None: ...


class Presigner(Protocol):
    def url(self, key: str, filename: str, seconds: int) -> str: ...


class Upload(Protocol):
    def write_part(self, data: bytes) -> None: ...

    def complete(self) -> None: ...

    def abort(self) -> None: ...


def object_key(org_id: str, export_id: str, export_format: ExportFormat) -> str:
    return f"exports/{org_id}/{export_id}.{export_format.value}"


def cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(item: dict[str, Any]) -> dict[str, Any]:
    drivers = item.get("drivers") or {}
    return {
        "feedback_id": item["feedback_id"],
        "service_id": item["service_id"],
        "received_at": item["received_at"],
        "rating": item["rating"],
        **{f"driver_{driver.value}": drivers.get(driver.value) for driver in Driver},
        "comment": item.get("comment"),
        "removed": " ".join(item.get("removed") or []),
        "language": item.get("language"),
        "channel": item.get("channel"),
        "page_url": item.get("page_url"),
        "status": item.get("status"),
        "has_contact": bool(item.get("has_contact")),
    }


def encode(items: Iterable[dict[str, Any]], export_format: ExportFormat) -> Iterator[bytes]:
    """The file, as a stream of chunks: CSV with a BOM (Excel reads UTF-8 accents), or a JSON array."""
    if export_format is ExportFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        yield ("\ufeff" + buffer.getvalue()).encode()
        for item in items:
            buffer.seek(0)
            buffer.truncate()
            values = row(item)
            writer.writerow([cell(values[column]) for column in COLUMNS])
            yield buffer.getvalue().encode()
        return
    yield b"["
    first = True
    for item in items:
        yield (b"\n" if first else b",\n") + json.dumps(row(item), ensure_ascii=False).encode()
        first = False
    yield b"\n]\n"


def parts(chunks: Iterable[bytes], size: int = PART_SIZE) -> Iterator[bytes]:
    """Chunks regrouped into parts of at least `size` bytes (the last one may be smaller)."""
    pending: list[bytes] = []
    length = 0
    yielded = False
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield b"".join(pending)
            pending, length, yielded = [], 0, True
    if length or not yielded:
        yield b"".join(pending)


class Exports:
    def __init__(self, store: FeedbackStore, clock: Clock = system_clock) -> None:
        self._store = store
        self._clock = clock

    def create(self, org_id: str, request: ExportIn, queue: JobQueue) -> Export:
        build_query(org_id, _search(request))  # refuses another org's service or a bad range now
        now = self._clock()
        export = Export(
            export_id=new_ulid(self._clock),
            status=ExportStatus.QUEUED,
            format=request.format,
            request=request,
            created_at=now,
        )
        values = export.model_dump(mode="json")
        values["expires_at"] = epoch_seconds(now + timedelta(days=JOB_RETENTION_DAYS))
        self._store.add_export(org_id, values)
        queue.send({"org_id": org_id, "export_id": export.export_id})
        return export

    def get(self, org_id: str, export_id: str, presigner: Presigner) -> Export:
        item = self._store.export(org_id, export_id) if is_ulid(export_id) else None
        if item is None:
            raise NotFound(_NO_EXPORT, export_id=export_id)
        export = Export.model_validate(item)
        if export.status is ExportStatus.DONE:
            filename = f"retroaction-{export.export_id}.{export.format.value}"
            url = presigner.url(item["object_key"], filename, URL_SECONDS)
            export = export.model_copy(update={"download_url": url})
        return export

    def run(self, org_id: str, export_id: str, upload_for: Any) -> int | None:
        """Stream the job's rows into a new upload; idempotent: a finished job is not redone.

        Answers the row count, or None when there was nothing to do.
        """
        item = self._store.export(org_id, export_id)
        if item is None or item["status"] == ExportStatus.DONE.value:
            return None
        export = Export.model_validate(item)
        self._store.update_export(org_id, export_id, {"status": ExportStatus.RUNNING.value})
        query, _ = build_query(org_id, _search(export.request))
        key = object_key(org_id, export_id, export.format)
        upload: Upload = upload_for(key, export.format)
        counted = _Counter(self._store.iterate(query))
        size = 0
        try:
            for part in parts(encode(counted, export.format)):
                upload.write_part(part)
                size += len(part)
            upload.complete()
        except Exception:
            upload.abort()
            # Shown while the message is retried; the next attempt sets it running again.
            self._store.update_export(org_id, export_id, {"status": ExportStatus.FAILED.value})
            raise
        self._store.update_export(
            org_id,
            export_id,
            {"status": ExportStatus.DONE.value, "rows": counted.count, "bytes": size, "object_key": key},
        )
        return counted.count


class _Counter:
    def __init__(self, items: Iterable[dict[str, Any]]) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for item in self._items:
            self.count += 1
            yield item


def _search(request: ExportIn) -> Search:
    return Search(
        service_id=request.service_id,
        since=request.since,
        until=request.until,
        rating=request.rating,
        status=request.status,
    )
