"""An export as a job: queued by the API, written to S3 by the export queue's consumer, downloaded
through a presigned URL. Pure logic.

A job that is already done is skipped (a message delivered twice writes the file once); a failure
marks it `failed` and lets the queue retry. The analysis exists as JSON only (it is nested).
"""

from datetime import datetime, timedelta
from typing import Any

from numeriqc.consultations import export_files
from numeriqc.consultations.models import Export, ExportContent, ExportFormat, ExportIn, Question
from numeriqc.consultations.ports import ExportQueue, ExportRecords, ExportSources, FileStore
from numeriqc.core.clock import Clock, epoch_seconds
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed

URL_SECONDS = 900
JOB_RETENTION_DAYS = 8  # one day past the bucket's 7-day expiry of the files
_NO_EXPORT = Message("Aucune exportation {id}.", "No export {id}.")
_JSON_ONLY = Message("L'analyse s'exporte en JSON seulement.", "The analysis is exported as JSON only.")


def file_key(consultation_id: str, export_id: str, export_format: str) -> str:
    return f"exports/{consultation_id}/{export_id}.{export_format}"


class ExportJobs:
    def __init__(self, records: ExportRecords, clock: Clock = installed_clock) -> None:
        self._records = records
        self._clock = clock

    def create(self, consultation: dict[str, Any], request: ExportIn, queue: ExportQueue) -> Export:
        if request.content == ExportContent.ANALYSIS and request.format != ExportFormat.JSON:
            raise ValidationFailed(errors=[FieldError("body.format", "json_only", _JSON_ONLY)])
        job = {
            "export_id": new_ulid(self._clock),
            "consultation_id": consultation["consultation_id"],
            "content": request.content.value,
            "format": request.format.value,
            "status": "queued",
            "created_at": self._clock().isoformat(),
            "expires_at": epoch_seconds(self._clock() + timedelta(days=JOB_RETENTION_DAYS)),
        }
        self._records.add_export(job)
        queue.send({"consultation_id": job["consultation_id"], "export_id": job["export_id"]})
        return Export.model_validate(job)

    def get(self, consultation_id: str, export_id: str, presigner: FileStore) -> Export:
        job = self._records.export(consultation_id, export_id)
        if job is None:
            raise NotFound(_NO_EXPORT, id=export_id)
        url = None
        if job["status"] == "done":
            key = file_key(consultation_id, export_id, job["format"])
            url = presigner.url(
                key, f"consultation-{consultation_id}-{job['content']}.{job['format']}", URL_SECONDS
            )
        return Export.model_validate({**job, "download_url": url})

    def run(
        self, consultation_id: str, export_id: str, sources: ExportSources, files: FileStore, salt: bytes
    ) -> int:
        job = self._records.export(consultation_id, export_id)
        if job is None or job["status"] == "done":
            return 0
        try:
            rows, columns = _rows(sources, consultation_id, ExportContent(job["content"]), salt)
            body = export_files.encode(rows, ExportFormat(job["format"]), columns)
            files.put(file_key(consultation_id, export_id, job["format"]), body, job["format"])
        except Exception:
            self._records.update_export(consultation_id, export_id, {"status": "failed"})
            raise
        self._records.update_export(
            consultation_id,
            export_id,
            {"status": "done", "rows": len(rows), "finished_at": _iso(self._clock())},
        )
        return len(rows)


def _rows(
    sources: ExportSources, consultation_id: str, content: ExportContent, salt: bytes
) -> tuple[list[dict[str, Any]], list[str]]:
    if content == ExportContent.ANSWERS:
        consultation = sources.consultation(consultation_id) or {"questions": []}
        questions = [Question.model_validate(q) for q in consultation["questions"]]
        ids = [q.id for q in questions if q.type != "statements"]
        return export_files.answer_rows(ids, sources.ballots(consultation_id)), ids
    if content == ExportContent.VOTES:
        return export_files.vote_rows(sources.votes(consultation_id), salt), [
            "participant",
            "statement_id",
            "vote",
        ]
    if content == ExportContent.STATEMENTS:
        rows = export_files.statement_rows(sources.statements(consultation_id))
        return rows, ["statement_id", "text", "status", "author", "agree", "disagree", "passed", "created_at"]
    snapshot = sources.analysis(consultation_id)
    return ([snapshot] if snapshot else []), []


def _iso(moment: datetime) -> str:
    return moment.isoformat()
