"""Export jobs: an organization's feedback as CSV or JSON, however many rows. Pure logic.

Touchpoints builds its CSV inside the web request and times out around a few hundred thousand rows.
Here an export is a job: the API records it and queues it (two calls), a worker streams the Query
page by page into an S3 multipart upload (memory stays at one part, whatever the row count), and
the job answers a short-lived presigned URL once done.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from typing import Any

from numeriqc.core.clock import Clock, epoch_seconds
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import NotFound
from numeriqc.feedback.export_rows import encode, parts
from numeriqc.feedback.inbox import check_search
from numeriqc.feedback.models import Export, ExportFormat, ExportIn, ExportStatus
from numeriqc.feedback.ports import ExportRecords, JobQueue, Presigner, Search, Upload

JOB_RETENTION_DAYS = 7  # the bucket's lifecycle deletes the files after the same delay
URL_SECONDS = 900
_NO_EXPORT = Message("Aucune exportation {export_id}.", "No export {export_id}.")

UploadFor = Callable[[str, ExportFormat], Upload]


def object_key(org_id: str, export_id: str, export_format: ExportFormat) -> str:
    return f"exports/{org_id}/{export_id}.{export_format.value}"


class ExportJobs:
    def __init__(self, store: ExportRecords, clock: Clock = installed_clock) -> None:
        self._store = store
        self._clock = clock

    def create(self, org_id: str, request: ExportIn, queue: JobQueue) -> Export:
        check_search(org_id, _search(request))  # refuses another org's service or a bad range now
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

    def run(self, org_id: str, export_id: str, upload_for: UploadFor) -> int | None:
        """Stream the job's rows into a new upload; idempotent: a finished job is not redone.

        Answers the row count, or None when there was nothing to do.
        """
        item = self._store.export(org_id, export_id)
        if item is None or item["status"] == ExportStatus.DONE.value:
            return None
        export = Export.model_validate(item)
        self._store.update_export(org_id, export_id, {"status": ExportStatus.RUNNING.value})
        key = object_key(org_id, export_id, export.format)
        upload: Upload = upload_for(key, export.format)
        counted = _Counter(self._store.search_all(org_id, _search(export.request)))
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
