"""Publishing by file: the owner drops a file in its upload area (a presigned S3 PUT), then signals
that the upload is complete; the file's rows are read with the dataset's layout (CSV or fixed width,
legacy.py) or as JSON lines when it has none, each row validated against the current schema, and
the valid rows published through `Publishing`, the API's own path (same log, same delivery).

A refused row is never published: the report names each fault by row and field (`rows[3].points`).
A file that cannot be read as a whole (its encoding, a wrong header, more than `MAX_ERRORS` faults)
publishes nothing and is refused (422). A file is published once: the upload is claimed with a
conditional write before its first row is published; completing it again answers its report.

Files over 1 MB (up to 20 MB) are not published in the request: "complete" claims the upload as
`queued`, sends a job to the exchange's work queue and answers 202; the worker
(handlers/work_queue.py, `process`) validates and publishes it, recording after each chunk of up to
100 rows how far it got, so a worker that times out or dies resumes at the next chunk (a chunk
published just before a crash, and not yet recorded, is published again: at least once, like
delivery). Small files stay synchronous: the producer gets its report in the answer, and a
round-trip through a queue would add a call and a wait to what fits easily in 30 s.

Why a "complete" call and not an S3 event: it adds no resource to a template near CloudFormation's
500 (an S3 notification and a queue per bucket), it answers the producer with the report at once,
and the local runtime (moto's CloudFormation) does not wire S3 notifications.
"""

import json
import re
from datetime import timedelta
from typing import Any

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import SUPPORTED, Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import Conflict, FieldError, NotFound, PayloadTooLarge, ValidationFailed
from numeriqc.exchange import legacy, schemas
from numeriqc.exchange.catalogue import Catalogue
from numeriqc.exchange.models import Dataset, MessageIn, PublishIn, UploadReport, UploadTicket
from numeriqc.exchange.ports import AlreadyExists, UploadArea, UploadRecords, WorkQueue
from numeriqc.exchange.publishing import MAX_BATCH_BYTES, Publishing

# A request has 30 s (API Gateway): 1 MB is ~20,000 short rows, ~200 appends, published at once.
MAX_FILE_BYTES = 1_000_000
# Larger files go to the worker (15 minutes, resumable): ~400,000 short rows.
MAX_QUEUED_BYTES = 20_000_000
RESEND_AFTER = timedelta(minutes=15)  # the worker's timeout
MAX_ERRORS = 100
TICKET_SECONDS = 900
CHUNK_ROWS = 100
CHUNK_BYTES = MAX_BATCH_BYTES // 2  # a row's event is its data plus ~500 bytes of envelope
WHOLE_FILE = {"encoding", "header"}

_NO_UPLOAD = Message("Aucun fichier déposé pour {upload_id}.", "No file uploaded for {upload_id}.")
_TOO_LARGE = Message("Un fichier ne peut dépasser {limit} octets.", "A file may not exceed {limit} bytes.")
_JSON = Message("Cette ligne n'est pas un objet JSON.", "This line is not a JSON object.")
_TOO_MANY = Message(
    "Plus de {limit} erreurs: rien n'est publié.", "More than {limit} errors: nothing is published."
)
_RUNNING = Message("Ce dépôt est en cours de publication.", "This upload is being published.")
_ENCODING = Message(
    "Le fichier n'est pas en {encoding} à partir de cette ligne.",
    "The file is not {encoding} from this line on.",
)

_ROW = re.compile(r"^rows\[(\d+)\]")


def _stored(error: FieldError) -> dict[str, Any]:
    """A fault as the report keeps it: both languages, rendered now."""
    rendered = {language: error.render(language)["detail"] for language in SUPPORTED}
    return {"field": error.field, "code": error.code, "detail": rendered}


def _json_lines(data: bytes) -> tuple[list[tuple[int, dict[str, Any]]], list[FieldError]]:
    rows: list[tuple[int, dict[str, Any]]] = []
    errors: list[FieldError] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [FieldError("rows[1]", "encoding", _ENCODING, row=1, encoding="utf-8")]
    for row, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            errors.append(FieldError(f"rows[{row}]", "json", _JSON, row=row))
            continue
        rows.append((row, value))
    return rows, errors


def upload_job(org_id: str, dataset_id: str, upload_id: str) -> str:
    return json.dumps({"job": "upload", "org_id": org_id, "dataset_id": dataset_id, "upload_id": upload_id})


class FilePublishing:
    def __init__(
        self,
        catalogue: Catalogue,
        publishing: Publishing,
        area: UploadArea,
        records: UploadRecords,
        jobs: WorkQueue,
        *,
        clock: Clock = installed_clock,
    ) -> None:
        self._catalogue = catalogue
        self._publishing = publishing
        self._area = area
        self._records = records
        self._jobs = jobs
        self._clock = clock

    def start(self, org_id: str, dataset_id: str) -> UploadTicket:
        dataset = self._catalogue.owned(org_id, dataset_id)
        upload_id = new_ulid(self._clock)
        url, headers = self._area.upload_url(dataset_id, upload_id, dataset.tier.value, TICKET_SECONDS)
        file_format = dataset.layout.format if dataset.layout else "jsonl"
        return UploadTicket(
            upload_id=upload_id,
            url=url,
            headers=headers,
            format=file_format,
            max_bytes=MAX_FILE_BYTES,
            expires_at=self._clock() + timedelta(seconds=TICKET_SECONDS),
        )

    def report(self, org_id: str, dataset_id: str, upload_id: str) -> UploadReport:
        self._catalogue.owned(org_id, dataset_id)
        item = self._records.upload(dataset_id, upload_id)
        if item is None:
            raise NotFound(_NO_UPLOAD, upload_id=upload_id)
        return UploadReport.model_validate(item)

    def complete(self, org_id: str, dataset_id: str, upload_id: str) -> UploadReport:
        """A file up to MAX_FILE_BYTES is published now; a larger one, up to MAX_QUEUED_BYTES, is
        queued (status `queued`, answered 202) for the worker (`process`)."""
        dataset = self._catalogue.owned(org_id, dataset_id)
        known = self._records.upload(dataset_id, upload_id)
        if known is not None:
            return self._answer(org_id, known)
        size, data = self._area.read(dataset_id, upload_id, MAX_FILE_BYTES)
        if size is None:
            raise NotFound(_NO_UPLOAD, upload_id=upload_id)
        if data is None:
            return self._queue(org_id, dataset_id, upload_id, size)
        report, valid = self._validated(dataset, upload_id, data)
        try:
            self._records.claim_upload(dataset_id, upload_id, report)
        except AlreadyExists:
            known = self._records.upload(dataset_id, upload_id)
            return self._answer(org_id, known)
        return self._publish(org_id, report, self._chunks(valid), 0)

    def process(self, org_id: str, dataset_id: str, upload_id: str) -> UploadReport | None:
        """The worker's part: read, validate and publish a queued file, resuming after the last
        chunk a previous attempt recorded (a worker that timed out or died goes on from there).
        A file refused as a whole is recorded `refused`, with its faults, and publishes nothing."""
        item = self._records.upload(dataset_id, upload_id)
        if item is None or item["status"] not in ("queued", "publishing"):
            return None  # unknown, or settled by an earlier delivery of the same job
        dataset = self._catalogue.owned(org_id, dataset_id)
        _, data = self._area.read(dataset_id, upload_id, MAX_QUEUED_BYTES)
        if data is None:
            field = FieldError("file", "file_too_large", _TOO_LARGE, limit=MAX_QUEUED_BYTES)
            return self._refuse(item, [field])
        try:
            report, valid = self._validated(dataset, upload_id, data)
        except ValidationFailed as problem:
            return self._refuse(item, problem.errors)
        report |= {"received_at": item["received_at"], "queued": True}
        done = int(item.get("chunks_done", 0)) if item["status"] == "publishing" else 0
        report["published"] = int(item.get("published", 0)) if done else 0
        self._records.finish_upload(dataset_id, upload_id, report)
        return self._publish(org_id, report, self._chunks(valid), done)

    def _queue(self, org_id: str, dataset_id: str, upload_id: str, size: int) -> UploadReport:
        if size > MAX_QUEUED_BYTES:
            field = FieldError("file", "file_too_large", _TOO_LARGE, limit=MAX_QUEUED_BYTES)
            raise PayloadTooLarge(_TOO_LARGE, errors=[field], limit=MAX_QUEUED_BYTES)
        report = {
            "upload_id": upload_id,
            "dataset_id": dataset_id,
            "status": "queued",
            "rows": 0,
            "published": 0,
            "refused": 0,
            "errors": [],
            "received_at": self._clock().isoformat(),
            "queued": True,
        }
        try:
            self._records.claim_upload(dataset_id, upload_id, report)
        except AlreadyExists:
            known = self._records.upload(dataset_id, upload_id)
            return self._answer(org_id, known)
        self._jobs.send([upload_job(org_id, dataset_id, upload_id)])
        return UploadReport.model_validate(report)

    def _refuse(self, item: dict[str, Any], errors: list[FieldError]) -> UploadReport:
        report = {**item, "status": "refused", "errors": [_stored(error) for error in errors[:MAX_ERRORS]]}
        self._records.finish_upload(str(item["dataset_id"]), str(item["upload_id"]), report)
        return UploadReport.model_validate(report)

    def _validated(
        self, dataset: Dataset, upload_id: str, data: bytes
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The report before publishing, and the valid rows; ValidationFailed for a whole file."""
        if dataset.layout is not None:
            rows, errors = legacy.read_numbered(data, dataset.layout)
        else:
            rows, errors = _json_lines(data)
        if any(error.code in WHOLE_FILE for error in errors):
            raise ValidationFailed(errors=errors[:MAX_ERRORS])
        validator = schemas.MessageValidator(
            self._catalogue.schema(dataset, dataset.schema_version).json_schema
        )
        unread = {int(match.group(1)) for error in errors if (match := _ROW.match(error.field))}
        for row, record in rows:
            if row not in unread:  # a row the layout could not read is named once, by its cells
                errors.extend(validator.errors(record, f"rows[{row}]"))
        if len(errors) >= MAX_ERRORS:
            raise ValidationFailed(
                errors=[
                    FieldError("file", "too_many_errors", _TOO_MANY, limit=MAX_ERRORS),
                    *errors[:MAX_ERRORS],
                ]
            )
        refused = {int(match.group(1)) for error in errors if (match := _ROW.match(error.field))}
        valid = [record for row, record in rows if row not in refused]
        report = {
            "upload_id": upload_id,
            "dataset_id": dataset.dataset_id,
            "status": "publishing",
            "rows": len(rows) + len(refused - {row for row, _ in rows}),
            "published": 0,
            "refused": len(refused),
            "errors": [_stored(error) for error in errors],
            "received_at": self._clock().isoformat(),
        }
        return report, valid

    def _publish(
        self, org_id: str, report: dict[str, Any], chunks: list[list[MessageIn]], done: int
    ) -> UploadReport:
        """Publish `chunks` from number `done` on, recording progress after each (queued files)."""
        dataset_id, upload_id = str(report["dataset_id"]), str(report["upload_id"])
        progress = bool(report.get("queued"))
        for index in range(done, len(chunks)):
            published = self._publishing.publish(org_id, dataset_id, PublishIn(messages=chunks[index]))
            report["published"] += len(published.ids)
            report["chunks_done"] = index + 1
            if progress and index + 1 < len(chunks):
                self._records.finish_upload(dataset_id, upload_id, report)
        report["status"] = "published"
        self._records.finish_upload(dataset_id, upload_id, report)
        return UploadReport.model_validate(report)

    def _answer(self, org_id: str, item: dict[str, Any] | None) -> UploadReport:
        """A second "complete": the report; 409 while a small file publishes; a queued file's job
        is sent again once the worker has had its time (the one sent may have been lost with a
        crash; the worker skips an upload already settled)."""
        report = UploadReport.model_validate(item)
        if report.status == "publishing" and not (item or {}).get("queued"):
            raise Conflict(_RUNNING)
        if report.status == "queued" and self._clock() - report.received_at > RESEND_AFTER:
            self._jobs.send([upload_job(org_id, report.dataset_id, report.upload_id)])
        return report

    @staticmethod
    def _chunks(records: list[dict[str, Any]]) -> list[list[MessageIn]]:
        chunks: list[list[MessageIn]] = []
        current: list[MessageIn] = []
        size = 0
        for record in records:
            length = len(json.dumps(record, ensure_ascii=False).encode()) + 600
            if current and (len(current) == CHUNK_ROWS or size + length > CHUNK_BYTES):
                chunks.append(current)
                current, size = [], 0
            current.append(MessageIn(data=record))
            size += length
        if current:
            chunks.append(current)
        return chunks
