"""An export's file: rows of answers, votes, statements or the analysis, as CSV or JSON. Pure logic.

Open data, so nothing identifies anyone: answers carry no participant, no region and no age band
(a self-declared attribute in a small cell could single a person out; breakdowns are published
suppressed in the results instead); votes name participants by pseudonyms drawn for this export
alone (a keyed hash with a salt that is never stored), so two exports cannot be joined; statement
texts were redacted when submitted.
"""

import csv
import hashlib
import hmac
import io
import json
from collections.abc import Iterable
from typing import Any

from numeriqc.consultations.models import ExportFormat


def answer_rows(question_ids: list[str], ballots: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for ballot in ballots:
        answers = ballot.get("answers") or {}
        rows.append({qid: answers.get(qid) for qid in question_ids})
    return rows


def vote_rows(votes: Iterable[tuple[str, str, str]], salt: bytes) -> list[dict[str, Any]]:
    def pseudonym(voter: str) -> str:
        return hmac.new(salt, voter.encode(), hashlib.sha256).hexdigest()[:16]

    return [
        {"participant": pseudonym(voter), "statement_id": sid, "vote": vote} for voter, sid, vote in votes
    ]


def statement_rows(statements: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    names = ("statement_id", "text", "status", "author", "agree", "disagree", "passed", "created_at")
    return [{name: item.get(name) for name in names} for item in statements]


def encode(rows: list[dict[str, Any]], export_format: ExportFormat, columns: list[str]) -> bytes:
    """CSV (UTF-8 with a BOM, which spreadsheet programs need for accents) or JSON."""
    if export_format == ExportFormat.JSON:
        return json.dumps(rows, ensure_ascii=False, indent=1).encode()
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return ("\ufeff" + text.getvalue()).encode()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """Lists (multiple choices, rankings) as `a|b`, in their order; and never a formula a spreadsheet
    would run (OWASP CSV injection: citizens' text starting with `=` gets a leading `'`)."""
    text = (
        "|".join(str(item) for item in value)
        if isinstance(value, list)
        else ""
        if value is None
        else str(value)
    )
    return "'" + text if text.startswith(_FORMULA_START) else text
