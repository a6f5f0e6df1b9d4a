"""An export's file: feedback rows as CSV or JSON, streamed in S3-sized parts. Pure logic.

Memory holds one part whatever the row count: rows are encoded one at a time and regrouped into
parts of at least 8 MiB, which is what an S3 multipart upload accepts (every part but the last
at least 5 MiB).
"""

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from numeriqc.feedback.models import Driver, ExportFormat

PART_SIZE = 8 * 1024 * 1024  # S3 parts are at least 5 MiB (except the last)
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


def _hidden(char: str) -> bool:
    """A character a reader does not see before a formula: white space, format (Cf) or control."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def _starts_a_formula(text: str) -> bool:
    """Whether a spreadsheet may read `text` as a formula: = + - @ tab or CR first, or only behind
    invisible characters (a zero-width space, a BOM, spaces), or written in another form that
    compatibility normalization folds into one (full-width ＝ ＋ － ＠, small ﹦, superscript ⁺),
    or the minus sign U+2212."""
    if text.startswith(_FORMULA_START):
        return True
    first = next((char for char in text if not _hidden(char)), "")
    return first == "\u2212" or unicodedata.normalize("NFKC", first).startswith(_FORMULA_START)


def cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection): a leading `'`."""
    text = "" if value is None else str(value)
    return "'" + text if _starts_a_formula(text) else text


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
