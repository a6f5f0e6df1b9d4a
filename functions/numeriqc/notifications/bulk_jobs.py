"""Bulk sends: up to 100,000 rows (JSON or an uploaded CSV), validated whole before anything is sent.

Acceptance (in the API) validates every row, reserves the daily limit for the whole job, writes the
normalized rows once to S3 as JSON lines (encrypted with the platform key, deleted by lifecycle
after the retention period) and queues one planning message per slice of SLICE_ROWS rows, carrying
that slice's byte range. The planner (bulk lane) turns a slice into notifications: consent, status
items (BatchWriteItem), and channel messages (`bulk_planning`).
"""

import csv
import io
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from pydantic import TypeAdapter, ValidationError

from numeriqc.core.auth import Caller
from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.core.validation import field_errors
from numeriqc.notifications import addresses, daily_limits, problems, send_times
from numeriqc.notifications import sms_length as sms
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.acceptance import send_at
from numeriqc.notifications.models import BulkIn, Channel, Job, Row, RowError, Template, Value
from numeriqc.notifications.ports import (
    DailyCounters,
    EventSink,
    JobRecords,
    Queues,
    Schedule,
    Templates,
    Uploads,
)
from numeriqc.notifications.records import dumps
from numeriqc.notifications.settings import NotificationsSettings
from numeriqc.notifications.template_registry import usable

_CSV_ROWS: TypeAdapter[list[Row]] = TypeAdapter(list[Row])
SLICE_ROWS = 2000
MAX_ROWS = 100_000
MAX_REPORTED_ERRORS = 1000
UPLOAD_SECONDS = 900
RECIPIENT_COLUMNS = {
    Channel.EMAIL: ("email_address", {"emailaddress", "email", "courriel", "adressecourriel"}),
    Channel.SMS: ("phone_number", {"phonenumber", "phone", "telephone", "téléphone", "cellulaire"}),
}

_NO_ROWS = Message(
    "Fournissez des lignes (rows) ou demandez un téléversement (upload: true).",
    "Give rows, or ask for an upload (upload: true).",
)
_BOTH = Message("rows et upload s'excluent.", "rows and upload are mutually exclusive.")
_TOO_MANY = Message("Au plus {max} lignes par envoi.", "At most {max} rows per job.")
_ROW_ERRORS = Message(
    "{count} erreur(s) dans {rows} ligne(s); rien n'a été envoyé.",
    "{count} error(s) in {rows} row(s); nothing was sent.",
)
_MISSING_RECIPIENT = Message("Le destinataire manque.", "The recipient is missing.")
_MISSING_VALUE = Message("La valeur de « {name} » manque.", "The value of '{name}' is missing.")
_NOT_UPLOADED = Message(
    "Le fichier CSV n'a pas encore été téléversé.", "The CSV file has not been uploaded yet."
)
_NOT_WAITING = Message("Cet envoi n'attend pas de téléversement.", "This job is not waiting for an upload.")
_BAD_CSV = Message("Le fichier n'est pas un CSV UTF-8 lisible.", "The file is not a readable UTF-8 CSV.")


def recipient_of(channel: Channel, row: dict[str, Value]) -> tuple[str | None, str | None, dict[str, Value]]:
    """(column name, raw recipient, the other columns) of a row."""
    canonical, aliases = RECIPIENT_COLUMNS[channel]
    rest: dict[str, Value] = {}
    found: tuple[str | None, str | None] = (None, None)
    for key, value in row.items():
        if found[0] is None and templates.normalise(key).replace("_", "") in aliases | {
            canonical.replace("_", "")
        }:
            found = (key, str(value))
        else:
            rest[key] = value
    return found[0], found[1], rest


def validate_rows(
    template: Template, language: str, rows: Iterable[dict[str, Value]], max_length: int
) -> tuple[list[tuple[int, str, dict[str, Value], int | None]], list[RowError], int]:
    """Every row checked: (row number, recipient, personalisation, fragments), errors, row count.

    Row numbers start at 1 with the first data row. Extra columns are ignored (a spreadsheet often
    has more than the template uses); a missing or empty value of a placeholder is an error.
    """
    channel = template.channel
    canonical = RECIPIENT_COLUMNS[channel][0]
    names = templates.placeholders(template.subject, template.body)
    plain = set(templates.placeholders(*_plain_only(template)))
    compiled = templates.compile_text(template.body, language, "sms") if channel is Channel.SMS else None
    valid: list[tuple[int, str, dict[str, Value], int | None]] = []
    errors: list[RowError] = []
    count = 0
    for count, row in enumerate(rows, start=1):
        column, raw, rest = recipient_of(channel, row)
        row_errors = []
        recipient = addresses.normalise(channel, raw) if raw else None
        if recipient is None:
            row_errors.append(RowError.of(count, canonical, "missing", _MISSING_RECIPIENT))
        elif isinstance(recipient, addresses.Invalid):
            row_errors.append(RowError.of(count, column or canonical, "invalid_recipient", recipient.message))
        values = templates.values_of(rest)
        for name in names:
            if name not in values or (name in plain and not values[name].strip()):
                row_errors.append(RowError.of(count, name, "missing_placeholder", _MISSING_VALUE, name=name))
        fragments = None
        if compiled is not None and not row_errors:
            text = compiled.render(values).strip()
            info = sms.analyse(sms.transliterate(text) if template.gsm7_safe else text)
            fragments = info.fragments
            if info.length > max_length:
                row_errors.append(
                    RowError.of(
                        count, "*", "too_long", problems.TOO_LONG, length=info.length, max_length=max_length
                    )
                )
        if row_errors:
            errors.extend(row_errors)
        else:
            assert isinstance(recipient, str)
            valid.append((count, recipient, rest, fragments))
    return valid, errors, count


def _plain_only(template: Template) -> tuple[str, str]:
    """Template texts with conditional fields removed: what is left are the required placeholders."""

    def drop(text: str) -> str:
        return templates.FIELD.sub(lambda m: "" if "??" in m[1] else m[0], text)

    return drop(template.subject or ""), drop(template.body)


class BulkJobs:
    """Bulk jobs from request (or uploaded CSV) to planning messages; `job_of` reads their progress."""

    def __init__(  # noqa: PLR0917 - the ports this rule uses, each narrow
        self,
        jobs: JobRecords,
        schedule: Schedule,
        counters: DailyCounters,
        templates: Templates,
        uploads: Uploads,
        queues: Queues,
        config: NotificationsSettings,
    ) -> None:
        self._jobs = jobs
        self._schedule = schedule
        self._counters = counters
        self._templates = templates
        self._uploads = uploads
        self._queues = queues
        self._config = config

    def submit(self, caller: Caller, request: BulkIn, now: datetime, events: EventSink) -> Job:
        errors = send_times.schedule_errors(request.scheduled_for, now, "body.scheduled_for")
        if request.rows is None and not request.upload:
            errors.append(FieldError("body.rows", "missing", _NO_ROWS))
        if request.rows is not None and request.upload:
            errors.append(FieldError("body.upload", "exclusive", _BOTH))
        if errors:
            raise ValidationFailed(errors=errors)
        template = self._templates.current(caller.org_id, request.template_id)
        usable(template, None)
        job_id = new_ulid(lambda: now)
        job: dict[str, Any] = {
            "job_id": job_id,
            "template_id": template.template_id,
            "template_version": template.version,
            "channel": template.channel.value,
            "language": request.language,
            "reference": request.reference,
            "purpose": request.purpose or template.purpose,
            "skip_invalid": request.skip_invalid,
            "scheduled_for": request.scheduled_for.isoformat() if request.scheduled_for else None,
            "key_kind": caller.kind.value,
            "created_at": now.isoformat(),
            "expires_at": int((now + timedelta(days=90)).timestamp()),
        }
        if request.upload:
            key = upload_key(caller.org_id, job_id)
            self._jobs.save_job(caller.org_id, {**job, "status": "awaiting-upload"}, new=True)
            out = job_of({**job, "status": "awaiting-upload"})
            out.upload_url = self._uploads.upload_url(key, UPLOAD_SECONDS)
            out.upload_expires_at = now + timedelta(seconds=UPLOAD_SECONDS)
            return out
        return self._accept_rows(caller, template, job, request.rows or [], now=now, events=events)

    def start_upload(self, caller: Caller, job_id: str, now: datetime, events: EventSink) -> Job:
        job = self._job_item(caller.org_id, job_id, caller.kind.value)
        if job.get("status") != "awaiting-upload":
            raise ValidationFailed(errors=[FieldError("path.job_id", "not_awaiting_upload", _NOT_WAITING)])
        try:
            data = self._uploads.read(upload_key(caller.org_id, job_id))
        except FileNotFoundError:
            raise ValidationFailed(
                errors=[FieldError("path.job_id", "not_uploaded", _NOT_UPLOADED)]
            ) from None
        try:
            reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
            rows: list[dict[str, Value]] = [
                {key.strip(): (value or "").strip() for key, value in row.items() if key} for row in reader
            ]
        except (UnicodeDecodeError, csv.Error):
            raise ValidationFailed(errors=[FieldError("file", "invalid_csv", _BAD_CSV)]) from None
        try:  # the bounds JSON rows get from BulkIn: a cell too large for a stored notification is a 422
            _CSV_ROWS.validate_python(rows)
        except ValidationError as error:
            located = [{**item, "loc": ("file", *item["loc"])} for item in error.errors(include_url=False)]
            raise ValidationFailed(errors=field_errors(located[:MAX_REPORTED_ERRORS])) from None
        template = self._templates.version(caller.org_id, job["template_id"], int(job["template_version"]))
        return self._accept_rows(caller, template, job, rows, now=now, events=events, replace=True)

    def _accept_rows(
        self,
        caller: Caller,
        template: Template,
        job: dict[str, Any],
        rows: list[dict[str, Value]],
        *,
        now: datetime,
        events: EventSink,
        replace: bool = False,
    ) -> Job:
        if len(rows) > MAX_ROWS:
            raise ValidationFailed(errors=[FieldError("body.rows", "too_many", _TOO_MANY, max=MAX_ROWS)])
        valid, row_errors, total = validate_rows(template, job["language"], rows, self._config.sms_max_length)
        if row_errors and not job["skip_invalid"]:
            bad_rows = len({error.row for error in row_errors})
            raise ValidationFailed(
                _ROW_ERRORS,
                count=len(row_errors),
                rows=bad_rows,
                errors=[
                    FieldError(f"rows[{error.row}].{error.column}", error.code, error.message())
                    for error in row_errors[:MAX_REPORTED_ERRORS]
                ],
            )
        channel = Channel(job["channel"])
        real = [row for row in valid if addresses.simulated_outcome(channel, row[1]) is None]
        counted = len(real) if caller.kind.value == "live" else 0
        limit = self._config.daily_limit_email if channel is Channel.EMAIL else self._config.daily_limit_sms
        # Held while the job is written and queued: a failure there gives the count back.
        with daily_limits.held(
            self._counters, caller.org_id, channel, counted, limit=limit, now=now
        ) as warning:
            accepted = self._write_accepted(
                caller, job, channel, valid, row_errors, total, now=now, replace=replace
            )
        if warning:
            events.emit(warning)
        return job_of(accepted)

    def _write_accepted(  # noqa: PLR0917 - the accepted job's parts, computed by _accept_rows
        self,
        caller: Caller,
        job: dict[str, Any],
        channel: Channel,
        valid: list[tuple[int, str, dict[str, Value], int | None]],
        row_errors: list[RowError],
        total: int,
        *,
        now: datetime,
        replace: bool,
    ) -> dict[str, Any]:
        """The rows file, the job item and its plans (queued now, or scheduled): the accepted job."""
        lines: list[bytes] = []
        for number, recipient, personalisation, fragments in valid:
            lines.append(
                (dumps({"r": number, "to": recipient, "p": personalisation, "f": fragments}) + "\n").encode()
            )
        plans = []
        position = 0
        for index, start in enumerate(range(0, len(lines), SLICE_ROWS)):
            chunk = lines[start : start + SLICE_ROWS]
            size = sum(len(line) for line in chunk)
            plans.append(
                dumps(
                    {
                        "org": caller.org_id,
                        "job": job["job_id"],
                        "slice": index,
                        "range": [position, position + size],
                    }
                )
            )
            position += size
        self._uploads.write(rows_key(caller.org_id, job["job_id"]), b"".join(lines))
        scheduled_for = datetime.fromisoformat(job["scheduled_for"]) if job.get("scheduled_for") else None
        when = send_at(self._config, channel, scheduled_for, now)
        # Later than asked is the SMS quiet hours: a bulk asked for "now" at 23:00 waits for the
        # morning as a one-off send does, and says so in its `scheduled_for`.
        scheduled = when - now > timedelta(seconds=60)
        accepted = {
            **job,
            "scheduled_for": when.isoformat() if scheduled else job.get("scheduled_for"),
            "status": "scheduled" if scheduled else ("planning" if valid else "finished"),
            "rows": total,
            "accepted": len(valid),
            "skipped": total - len(valid),
            "slices": len(plans),
            "row_errors": [error.model_dump() for error in row_errors[:MAX_REPORTED_ERRORS]],
        }
        self._jobs.save_job(caller.org_id, accepted, new=not replace)
        if scheduled:
            self._schedule.schedule_job(
                when,
                caller.org_id,
                job["job_id"],
                {"org": caller.org_id, "job": job["job_id"], "plans": plans},
            )
        elif plans:
            self._queues.send(self._config.plan_queue_url, plans)
        return accepted

    def _job_item(self, org_id: str, job_id: str, world: str) -> dict[str, Any]:
        """The job, when a key of the caller's kind made it (test and live are two worlds)."""
        item = self._jobs.job(org_id, job_id, consistent=True) if is_ulid(job_id) else None
        if item is None or str(item.get("key_kind", "live")) != world:
            raise NotFound(problems.NO_JOB, job_id=job_id)
        return item

    def read_job(self, org_id: str, job_id: str, world: str) -> Job:
        return job_of(self._job_item(org_id, job_id, world))


def upload_key(org_id: str, job_id: str) -> str:
    return f"uploads/{org_id}/{job_id}.csv"


def rows_key(org_id: str, job_id: str) -> str:
    return f"jobs/{org_id}/{job_id}/rows.jsonl"


def job_of(item: dict[str, Any]) -> Job:
    counts = {key[2:]: int(value) for key, value in item.items() if key.startswith("n_") and int(value)}
    accepted = int(item.get("accepted", 0))
    done = sum(value for name, value in counts.items() if name not in ("queued", "sending"))
    status = item["status"]
    if status in ("planning", "in-progress") and accepted:
        status = "finished" if done >= accepted else ("in-progress" if counts else "planning")
    return Job(
        job_id=item["job_id"],
        template_id=item["template_id"],
        template_version=int(item["template_version"]),
        channel=Channel(item["channel"]),
        status=status,
        rows=int(item.get("rows", 0)),
        accepted=accepted,
        skipped=int(item.get("skipped", 0)),
        counts={name: value for name, value in counts.items() if value > 0},
        progress=round(done / accepted, 4) if accepted else (1.0 if status == "finished" else 0.0),
        created_at=item["created_at"],
        scheduled_for=item.get("scheduled_for"),
        row_errors=[RowError.model_validate(error) for error in item.get("row_errors", [])],
    )
