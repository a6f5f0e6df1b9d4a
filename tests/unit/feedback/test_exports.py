"""Export encoding: CSV a spreadsheet opens safely, JSON, and parts sized for S3 multipart uploads."""

import csv
import io
import json

import pytest

from numeriqc.feedback.export_rows import COLUMNS, cell, encode, parts
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


FORMULA_SIGNS = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\u207a", "\u2212"]
# Every character a reader does not see: format characters (Cf), white space, controls.
HIDDEN = ["", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e"]
HIDDEN += [" ", "\u00a0", "\u3000", "\n", "\x0b"]


@pytest.mark.parametrize("sign", FORMULA_SIGNS, ids=ascii)
@pytest.mark.parametrize("hidden", HIDDEN, ids=ascii)
def test_formulas_behind_invisible_or_full_width_characters_are_defused(sign: str, hidden: str) -> None:
    payload = f'{hidden}{hidden}{sign}HYPERLINK("http://x.example","clic")'
    assert cell(payload) == "'" + payload


@pytest.mark.parametrize("start", ["\t", "\r", "\t=1", "\r\n=1"], ids=ascii)
def test_tab_and_carriage_return_first_are_defused(start: str) -> None:
    assert cell(start).startswith("'")


@pytest.mark.parametrize(
    "text",
    ["Très bien", "\u200bMerci", "1 250 $", "[courriel] m'a écrit", "« =1+1 » dans le texte", "", " ", "x=1"],
    ids=ascii,
)
def test_ordinary_text_is_left_as_written(text: str) -> None:
    assert cell(text) == text


def test_every_csv_column_is_defused() -> None:
    item = {column: "\u200b\uff1dcmd" for column in ITEM} | {"removed": ["\u200b\uff1dcmd"], "drivers": {}}
    data = b"".join(encode([item], ExportFormat.CSV)).decode("utf-8").removeprefix("\ufeff")
    record = dict(zip(*list(csv.reader(io.StringIO(data))), strict=True))
    for column in ("feedback_id", "service_id", "received_at", "rating", "comment", "removed", "status"):
        assert record[column] == "'\u200b\uff1dcmd", column
