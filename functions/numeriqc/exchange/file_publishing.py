"""Publishing by file: the owner drops a file in its upload area (a presigned S3 PUT), then signals
that the upload is complete; the file's rows are read with the dataset's layout (CSV or fixed width,
legacy.py) or as JSON lines when it has none, each row validated against the current schema, and
the valid rows published through `Publishing`, the API's own path (same log, same delivery).

A refused row is never published: the report names each fault by row and field (`rows[3].points`).
A file that cannot be read as a whole (its encoding, a wrong header, more than `MAX_ERRORS` faults)
publishes nothing and is refused (422). A file is published once: the upload is claimed with a
conditional write before its first row is published; completing it again answers its report.

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
from numeriqc.exchange.models import MessageIn, PublishIn, UploadReport, UploadTicket
from numeriqc.exchange.ports import AlreadyExists, UploadArea, UploadRecords
from numeriqc.exchange.publishing import MAX_BATCH_BYTES, Publishing

# A request has 30 s (API Gateway): 1 MB is ~20,000 short rows, ~200 appends.
MAX_FILE_BYTES = 1_000_000
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


class FilePublishing:
    def __init__(
        self,
        catalogue: Catalogue,
        publishing: Publishing,
        area: UploadArea,
        records: UploadRecords,
        clock: Clock = installed_clock,
    ) -> None:
        self._catalogue = catalogue
        self._publishing = publishing
        self._area = area
        self._records = records
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
        dataset = self._catalogue.owned(org_id, dataset_id)
        known = self._records.upload(dataset_id, upload_id)
        if known is not None:
            return self._answer(UploadReport.model_validate(known))
        size, data = self._area.read(dataset_id, upload_id, MAX_FILE_BYTES)
        if size is None:
            raise NotFound(_NO_UPLOAD, upload_id=upload_id)
        if data is None:
            field = FieldError("file", "file_too_large", _TOO_LARGE, limit=MAX_FILE_BYTES)
            raise PayloadTooLarge(_TOO_LARGE, errors=[field], limit=MAX_FILE_BYTES)
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
            "dataset_id": dataset_id,
            "status": "publishing",
            "rows": len(rows) + len(refused - {row for row, _ in rows}),
            "published": 0,
            "refused": len(refused),
            "errors": [_stored(error) for error in errors],
            "received_at": self._clock().isoformat(),
        }
        try:
            self._records.claim_upload(dataset_id, upload_id, report)
        except AlreadyExists:
            known = self._records.upload(dataset_id, upload_id)
            return self._answer(UploadReport.model_validate(known))
        count = 0
        for chunk in self._chunks(valid):
            count += len(self._publishing.publish(org_id, dataset_id, PublishIn(messages=chunk)).ids)
        report.update(status="published", published=count)
        self._records.finish_upload(dataset_id, upload_id, report)
        return UploadReport.model_validate(report)

    def _answer(self, report: UploadReport) -> UploadReport:
        if report.status == "publishing":
            raise Conflict(_RUNNING)
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
