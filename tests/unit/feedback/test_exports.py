"""Export encoding: CSV a spreadsheet opens safely, JSON, and parts sized for S3 multipart uploads."""

import csv
import io
import json

from numeriqc.feedback.export_rows import COLUMNS, encode, parts
from numeriqc.feedback.models import ExportFormat

ITEM = {
    "feedback_id": "01JH0000000000000000000000",
    "service_id": "saaq.permis",
    "received_at": "2026-01-15T14:00:00+00:00",
    "rating": 2,
    "drivers": {"ease": "negative"},
    "comment": '=HYPERLINK("http://x") trop long, écrit à [courriel]',
    "removed": ["email"],
    "language": "fr",
    "channel": "web",
    "status": "new",
}


def test_csv_has_a_bom_a_header_and_defuses_formulas() -> None:
    data = b"".join(encode([ITEM, ITEM], ExportFormat.CSV)).decode("utf-8")
    assert data.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(data.removeprefix("\ufeff"))))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 3
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["comment"].startswith("'=HYPERLINK")
    assert record["driver_ease"] == "negative"
    assert record["removed"] == "email"


def test_json_is_one_array_even_when_empty() -> None:
    assert json.loads(b"".join(encode([], ExportFormat.JSON))) == []
    rows = json.loads(b"".join(encode([ITEM, ITEM], ExportFormat.JSON)))
    assert [row["rating"] for row in rows] == [2, 2]
    assert rows[0]["comment"].startswith("=HYPERLINK")  # JSON is data, not a spreadsheet


def test_parts_are_at_least_the_part_size_except_the_last() -> None:
    chunks = [b"x" * 3] * 10
    sized = list(parts(chunks, size=7))
    assert b"".join(sized) == b"x" * 30
    assert all(len(part) >= 7 for part in sized[:-1])
    assert list(parts([], size=7)) == [b""]
    assert list(parts([b"x" * 7], size=7)) == [b"x" * 7]
