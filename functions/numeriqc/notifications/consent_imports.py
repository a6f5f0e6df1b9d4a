"""Bulk consent import: consents an organization already holds (paper forms, another system), with
their original date and source, as JSON rows or an uploaded CSV (the bulk sends' presigned upload).

Each row is checked alone (`check_row`, pure) and then recorded under the same rule as one
`POST /v1/consents` (`consent.recording_refusal`): a citizen's withdrawal or a STOP is never laid
over, it refuses that row with its reason. Nothing is half-written: every row ends recorded,
already present, or refused with a reason, and the import's counts say which. The import is
idempotent by (organization, channel, recipient, given_at): a row whose consent is already active
from that date (or later) for its purpose is `already_present`, so after a fault mid-import the
whole import is simply started again. Rows are recorded in the API call (at most MAX_ROWS, a few
seconds): no new queue or function, and the caller gets the outcome in the answer.
"""

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import TypeAdapter, ValidationError

from numeriqc.core.auth import Caller
from numeriqc.core.i18n import Language, Message
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import Conflict as ConflictProblem
from numeriqc.core.problems import FieldError, NotFound, Problem, ValidationFailed
from numeriqc.core.validation import field_errors
from numeriqc.notifications import addresses, consent
from numeriqc.notifications.models import (
    Channel,
    Consent,
    ConsentImport,
    ConsentImportIn,
    Purpose,
    Row,
    RowError,
    Value,
)
from numeriqc.notifications.ports import (
    Conflict,
    ConsentImports,
    ConsentRecords,
    RecipientHasher,
    Uploads,
)

MAX_ROWS = 1000  # recorded within the API call: 2,000 new rows took 21 s of 29 on local moto
MAX_REPORTED_ERRORS = 1000
UPLOAD_SECONDS = 900
OLDEST = timedelta(days=366 * 25)  # a consent older than this is a typo (1926 for 2026), not a paper form
# Column -> the names a CSV header may give it (French and English, accents and case ignored).
COLUMNS = {
    "channel": {"channel", "canal"},
    "recipient": {"recipient", "destinataire", "email_address", "courriel", "phone_number", "telephone"},
    "purpose": {"purpose", "finalite"},
    "given_at": {"given_at", "donne_le", "date"},
    "source": {"source", "provenance"},
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PURPOSE: TypeAdapter[str] = TypeAdapter(Purpose)
_CSV_ROWS: TypeAdapter[list[Row]] = TypeAdapter(list[Row])

_NO_ROWS = Message(
    "Fournissez des lignes (rows) ou demandez un téléversement (upload: true).",
    "Give rows, or ask for an upload (upload: true).",
)
_BOTH = Message("rows et upload s'excluent.", "rows and upload are mutually exclusive.")
_TOO_MANY = Message("Au plus {max} lignes par importation.", "At most {max} rows per import.")
_NO_IMPORT = Message("Aucune importation {import_id}.", "No import {import_id}.")
_NOT_UPLOADED = Message(
    "Le fichier CSV n'a pas encore été téléversé.", "The CSV file has not been uploaded yet."
)
_FINISHED = Message("Cette importation est terminée.", "This import is finished.")
_BAD_CSV = Message("Le fichier n'est pas un CSV UTF-8 lisible.", "The file is not a readable UTF-8 CSV.")
_MISSING = Message("La colonne « {name} » manque ou est vide.", "The column '{name}' is missing or empty.")
_BAD_CHANNEL = Message("Le canal doit être email ou sms.", "The channel must be email or sms.")
_BAD_PURPOSE = Message(
    "La finalité doit être en minuscules, chiffres, . _ - (64 au plus).",
    "The purpose must be lowercase letters, digits, . _ - (64 at most).",
)
_BAD_DATE = Message(
    "La date doit être ISO 8601 avec fuseau horaire (2024-05-01T09:00:00-04:00).",
    "The date must be ISO 8601 with a time zone (2024-05-01T09:00:00-04:00).",
)
_FUTURE = Message(
    "Le consentement ne peut pas être donné dans le futur.", "Consent cannot be given in the future."
)
_TOO_OLD = Message("Date invraisemblable : avant le {oldest}.", "Implausible date: before {oldest}.")
_FORMULA = Message(
    "La valeur ne peut pas commencer par = + - @ (formule de tableur).",
    "The value cannot start with = + - @ (a spreadsheet formula).",
)
_TOO_LONG = Message("200 caractères au plus.", "200 characters at most.")


@dataclass(frozen=True)
class ImportRow:
    number: int
    channel: Channel
    recipient: str
    purpose: str
    given_at: datetime
    source: str


def _column(name: str) -> str | None:
    plain = name.strip().lower().replace("é", "e").replace("è", "e").replace("-", "_").replace(" ", "_")
    return next((column for column, names in COLUMNS.items() if plain in names), None)


def check_row(number: int, row: dict[str, Value], now: datetime) -> ImportRow | list[RowError]:
    """The row as a consent to record, or every reason it cannot be one (named by column)."""
    cells: dict[str, str] = {}
    for key, value in row.items():
        column = _column(key)
        if column is not None and column not in cells:
            cells[column] = str(value).strip()
    errors = [
        RowError.of(number, column, "missing", _MISSING, name=column)
        for column in COLUMNS
        if not cells.get(column)
    ]
    if errors:
        return errors
    channel = Channel(cells["channel"].lower()) if cells["channel"].lower() in ("email", "sms") else None
    if channel is None:
        errors.append(RowError.of(number, "channel", "invalid_channel", _BAD_CHANNEL))
    recipient = addresses.normalise(channel, cells["recipient"]) if channel else None
    if isinstance(recipient, addresses.Invalid):
        errors.append(RowError.of(number, "recipient", "invalid_recipient", recipient.message))
    try:
        purpose = _PURPOSE.validate_python(cells["purpose"])
    except ValidationError:
        errors.append(RowError.of(number, "purpose", "invalid_purpose", _BAD_PURPOSE))
    given_at = _date(number, cells["given_at"], now, errors)
    source = cells["source"]
    if source.startswith(_FORMULA_START):
        errors.append(RowError.of(number, "source", "formula", _FORMULA))
    elif len(source) > 200:
        errors.append(RowError.of(number, "source", "too_long", _TOO_LONG))
    if errors:
        return errors
    assert channel is not None and isinstance(recipient, str) and given_at is not None
    return ImportRow(number, channel, recipient, purpose, given_at, source)


def _date(number: int, text: str, now: datetime, errors: list[RowError]) -> datetime | None:
    try:
        given_at = datetime.fromisoformat(text)
    except ValueError:
        given_at = None
    if given_at is None or given_at.utcoffset() is None:
        errors.append(RowError.of(number, "given_at", "invalid_date", _BAD_DATE))
        return None
    if given_at > now:
        errors.append(RowError.of(number, "given_at", "in_the_future", _FUTURE))
    elif given_at < now - OLDEST:
        errors.append(
            RowError.of(number, "given_at", "too_old", _TOO_OLD, oldest=(now - OLDEST).date().isoformat())
        )
    return given_at


def already_present(existing: dict[str, Any] | None, row: ImportRow) -> bool:
    """Whether the registry already holds this row's consent: active, for its purpose, since its
    date or later (a re-import, or a consent the citizen renewed since)."""
    if not existing or existing.get("status") != "active" or row.purpose not in consent.purposes_of(existing):
        return False
    return datetime.fromisoformat(str(existing["given_at"])) >= row.given_at


def refusal_error(number: int, problem: Problem, *, opted_out: bool) -> RowError:
    """A per-row RowError from the refusal one `POST /v1/consents` would have answered (a 409 is
    a STOP, a change while recording, or else the citizen's withdrawal: consent.py's order)."""
    if problem.errors:
        first = problem.errors[0]
        return RowError.of(
            number, first.field.removeprefix("body."), first.code, first.message, **first.params
        )
    if opted_out:
        code = "opted_out"
    elif problem.detail is consent.CHANGED_MEANWHILE:
        code = "changed_meanwhile"
    else:
        code = "withdrawn_by_citizen"
    return RowError.of(number, "recipient", code, problem.detail or consent.CHANGED_MEANWHILE)


class ConsentImporter:
    """Imports from request (or uploaded CSV) to recorded consents; `read` gives their counts."""

    def __init__(
        self,
        imports: ConsentImports,
        consents: ConsentRecords,
        uploads: Uploads,
        hash_recipient: RecipientHasher,
    ) -> None:
        self._imports = imports
        self._consents = consents
        self._uploads = uploads
        self._hash = hash_recipient

    def submit(
        self, caller: Caller, request: ConsentImportIn, now: datetime, language: Language = "fr"
    ) -> ConsentImport:
        if request.rows is None and not request.upload:
            raise ValidationFailed(errors=[FieldError("body.rows", "missing", _NO_ROWS)])
        if request.rows is not None and request.upload:
            raise ValidationFailed(errors=[FieldError("body.upload", "exclusive", _BOTH)])
        item: dict[str, Any] = {
            "import_id": new_ulid(lambda: now),
            "status": "awaiting-upload" if request.upload else "importing",
            "key_kind": caller.kind.value,
            "created_at": now.isoformat(),
            "expires_at": int((now + timedelta(days=90)).timestamp()),
        }
        self._imports.save_consent_import(caller.org_id, item, new=True)
        if not request.upload:
            return self._import(caller.org_id, item, request.rows or [], now, language)
        out = import_of(item, language)
        out.upload_url = self._uploads.upload_url(
            upload_key(caller.org_id, item["import_id"]), UPLOAD_SECONDS
        )
        out.upload_expires_at = now + timedelta(seconds=UPLOAD_SECONDS)
        return out

    def start(
        self, caller: Caller, import_id: str, now: datetime, language: Language = "fr"
    ) -> ConsentImport:
        """Import the uploaded CSV; again after a fault, it records only what is not yet there."""
        item = self._item(caller, import_id)
        if item["status"] == "finished":
            raise ValidationFailed(errors=[FieldError("path.import_id", "finished", _FINISHED)])
        try:
            data = self._uploads.read(upload_key(caller.org_id, import_id))
        except FileNotFoundError:
            raise ValidationFailed(
                errors=[FieldError("path.import_id", "not_uploaded", _NOT_UPLOADED)]
            ) from None
        try:
            reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
            rows: list[dict[str, Value]] = [
                {key.strip(): (value or "").strip() for key, value in row.items() if key} for row in reader
            ]
        except (UnicodeDecodeError, csv.Error):
            raise ValidationFailed(errors=[FieldError("file", "invalid_csv", _BAD_CSV)]) from None
        try:  # the bounds JSON rows get from ConsentImportIn
            _CSV_ROWS.validate_python(rows)
        except ValidationError as error:
            located = [{**one, "loc": ("file", *one["loc"])} for one in error.errors(include_url=False)]
            raise ValidationFailed(errors=field_errors(located[:MAX_REPORTED_ERRORS])) from None
        return self._import(caller.org_id, {**item, "status": "importing"}, rows, now, language)

    def _import(
        self,
        org_id: str,
        item: dict[str, Any],
        rows: list[dict[str, Value]],
        now: datetime,
        language: Language,
    ) -> ConsentImport:
        if len(rows) > MAX_ROWS:
            raise ValidationFailed(errors=[FieldError("body.rows", "too_many", _TOO_MANY, max=MAX_ROWS)])
        self._imports.save_consent_import(org_id, {**item, "status": "importing", "rows": len(rows)})
        errors: list[RowError] = []
        valid: list[ImportRow] = []
        for number, row in enumerate(rows, start=1):
            checked = check_row(number, row, now)
            if isinstance(checked, ImportRow):
                valid.append(checked)
            else:
                errors.append(checked[0])
        outcomes: list[str | RowError] = []
        for start in range(0, len(valid), 100):
            outcomes.extend(self._record(org_id, valid[start : start + 100], now))
        errors.extend(outcome for outcome in outcomes if isinstance(outcome, RowError))
        recorded, present = outcomes.count("recorded"), outcomes.count("already_present")
        errors.sort(key=lambda error: error.row)
        done = {
            **item,
            "status": "finished",
            "rows": len(rows),
            "recorded": recorded,
            "already_present": present,
            "refused": len(errors),
            "row_errors": [
                {**error.model_dump(), "detail_en": error.message().render("en")}
                for error in errors[:MAX_REPORTED_ERRORS]
            ],
        }
        self._imports.save_consent_import(org_id, done)
        return import_of(done, language)

    def _record(self, org_id: str, rows: list[ImportRow], now: datetime) -> list[str | RowError]:
        """Each row's outcome: `recorded`, `already_present` or its refusal. One BatchGetItem for
        the rows, then one conditional PutItem per consent recorded; a table fault fails the call
        (the rows before it are recorded) and the import is started again, whole."""
        keys = [
            (org_id, row.channel.value, self._hash(addresses.hash_key(row.channel, row.recipient)))
            for row in rows
        ]
        states = self._consents.consent_states(list(set(keys)))
        outcomes: list[str | RowError] = []
        for row, key in zip(rows, keys, strict=True):
            existing, optout = states[key]
            if already_present(existing, row):
                outcomes.append("already_present")
                continue
            refused = consent.recording_refusal(
                existing, optout, given_at=row.given_at, now=now, citizen_token=None, token_valid=False
            )
            if refused is None:
                try:
                    recorded = consent.record(
                        self._consents,
                        org_id,
                        row.channel,
                        key[2],
                        purpose=row.purpose,
                        source=row.source,
                        given_at=row.given_at,
                        replacing=existing,
                    )
                except Conflict:  # a withdrawal landed between the read and the write
                    refused = ConflictProblem(consent.CHANGED_MEANWHILE)
                else:  # a later row naming the same recipient reads what was just written
                    states[key] = (_stored(recorded, key[2]), optout)
                    outcomes.append("recorded")
                    continue
            outcomes.append(refusal_error(row.number, refused, opted_out=optout is not None))
        return outcomes

    def _item(self, caller: Caller, import_id: str) -> dict[str, Any]:
        """The import, when a key of the caller's kind made it (test and live are two worlds)."""
        item = self._imports.consent_import(caller.org_id, import_id) if is_ulid(import_id) else None
        if item is None or str(item.get("key_kind", "live")) != caller.kind.value:
            raise NotFound(_NO_IMPORT, import_id=import_id)
        return item

    def read(self, caller: Caller, import_id: str, language: Language = "fr") -> ConsentImport:
        return import_of(self._item(caller, import_id), language)


def _stored(recorded: Consent, rh: str) -> dict[str, Any]:
    """The registry item `consent.record` just wrote, for the next row naming the same recipient."""
    return {
        "rh": rh,
        "status": "active",
        "purpose": recorded.purpose,
        "purposes": recorded.purposes,
        "given_at": str(recorded.given_at.isoformat()),
        "source": recorded.source,
    }


def upload_key(org_id: str, import_id: str) -> str:
    return f"uploads/{org_id}/consent-imports/{import_id}.csv"


def import_of(item: dict[str, Any], language: Language = "fr") -> ConsentImport:
    """The import as its caller reads it: row errors in the caller's language (both are stored)."""
    return ConsentImport(
        import_id=item["import_id"],
        status=item["status"],
        rows=int(item.get("rows", 0)),
        recorded=int(item.get("recorded", 0)),
        already_present=int(item.get("already_present", 0)),
        refused=int(item.get("refused", 0)),
        created_at=item["created_at"],
        row_errors=[
            RowError(
                row=int(error["row"]),
                column=str(error["column"]),
                code=str(error["code"]),
                detail=str(error.get(f"detail_{language}", error["detail"])),
            )
            for error in item.get("row_errors", [])
        ],
    )
