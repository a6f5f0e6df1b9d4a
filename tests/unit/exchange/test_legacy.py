"""Legacy CSV and fixed-width files both ways: every fault names its row and field, every encoding
round-trips, formula-looking cells never get in and never get out as formulas."""

from typing import Any

import pytest
from pydantic import ValidationError

from numeriqc.exchange import legacy
from numeriqc.exchange.models import Layout

FIELDS = [
    {"name": "permit", "start": 0, "width": 6},
    {"name": "name", "start": 6, "width": 20},
    {"name": "points", "type": "integer", "start": 26, "width": 3},
    {"name": "fee", "type": "decimal", "start": 29, "width": 8, "required": False},
    {"name": "since", "type": "date", "start": 37, "width": 10},
    {"name": "active", "type": "boolean", "start": 47, "width": 1},
]
RECORDS = [
    {
        "permit": "A00001",
        "name": "Hélène Côté",
        "points": 3,
        "fee": 12.5,
        "since": "2024-03-01",
        "active": True,
    },
    {"permit": "A00002", "name": "Œuvre Ça", "points": 0, "since": "2020-01-31", "active": False},
]


def layout(format: str, encoding: str = "utf-8", **extra: Any) -> Layout:
    return Layout.model_validate({"format": format, "encoding": encoding, "fields": FIELDS, **extra})


def fields_of(errors: list[Any]) -> list[tuple[str, str]]:
    return [(error.field, error.code) for error in errors]


@pytest.mark.parametrize("format", ["csv", "fixed"])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_records_round_trip_in_every_format_and_encoding(format: str, encoding: str) -> None:
    data, errors = legacy.write(RECORDS, layout(format, encoding))
    assert errors == []
    back, faults = legacy.read(data, layout(format, encoding))
    assert faults == []
    assert back == RECORDS


def test_latin_1_round_trips_what_it_can_write_and_names_the_record_it_cannot() -> None:
    data, errors = legacy.write(RECORDS[:1], layout("csv", "latin-1"))
    assert errors == [] and legacy.read(data, layout("csv", "latin-1"))[0] == RECORDS[:1]
    _, errors = legacy.write(RECORDS, layout("csv", "latin-1"))  # Œ is not in latin-1
    assert fields_of(errors) == [("records[2]", "unencodable")]


def test_a_bad_encoding_names_its_row() -> None:
    data = "permit,name,points,fee,since,active\r\nA00001,Zoé,1,,2024-01-01,1\r\n".encode("cp1252")
    _, errors = legacy.read(data, layout("csv", "utf-8"))
    assert fields_of(errors) == [("rows[2]", "encoding")]


def test_csv_faults_name_row_and_field() -> None:
    text = (
        "permit,name,points,fee,since,active\r\n"
        "A00001,Ann,1,,2024-01-01,1\r\n"
        "A00002,Bob,deux,,2024-13-01,peut-être\r\n"
        "A00003,Cy,1\r\n"
        "=HYPERLINK(1),@SUM(A1),-2,-3.5,2024-01-01,0\r\n"
        ",Dee,4,,2024-01-01,1\r\n"
    )
    records, errors = legacy.read(text.encode(), layout("csv"))
    assert fields_of(errors) == [
        ("rows[3].points", "type"),
        ("rows[3].since", "type"),
        ("rows[3].active", "type"),
        ("rows[4]", "column_count"),
        ("rows[5].permit", "formula"),
        ("rows[5].name", "formula"),
        ("rows[6].permit", "required"),
    ]
    assert records[0]["points"] == 1
    assert records[-2]["points"] == -2 and records[-2]["fee"] == -3.5  # negative numbers are not formulas


def test_a_wrong_header_is_refused() -> None:
    _, errors = legacy.read(b"permit,nom\r\n", layout("csv"))
    assert fields_of(errors) == [("rows[1]", "header")]


def test_formula_cells_are_neutralised_on_the_way_out() -> None:
    record = {**RECORDS[0], "name": "=cmd|' /C calc'!A0"}
    data, _ = legacy.write([record], layout("csv"))
    assert b",'=cmd|" in data


def test_fixed_width_faults_name_row_and_field() -> None:
    good = legacy.write(RECORDS[:1], layout("fixed"))[0].decode().rstrip("\r\n")
    long_line = good + "EXTRA"
    bad_points = good[:26] + "x1 " + good[29:]
    text = "\r\n".join([good, long_line, bad_points]) + "\r\n"
    _, errors = legacy.read(text.encode(), layout("fixed"))
    assert fields_of(errors) == [("rows[2]", "line_length"), ("rows[3].points", "type")]
    _, errors = legacy.write([{**RECORDS[0], "name": "x" * 21}], layout("fixed"))
    assert fields_of(errors) == [("records[1].name", "too_wide")]


@pytest.mark.parametrize(
    "bad",
    [
        {"format": "fixed", "fields": [{"name": "a"}]},
        {
            "format": "fixed",
            "fields": [{"name": "a", "start": 0, "width": 5}, {"name": "b", "start": 4, "width": 2}],
        },
        {"format": "csv", "fields": [{"name": "a"}, {"name": "a"}]},
        {"format": "csv", "fields": [{"name": "not a name"}]},
        {"format": "csv", "encoding": "ebcdic", "fields": [{"name": "a"}]},
        {"format": "tsv", "fields": [{"name": "a"}]},
        {"format": "csv", "fields": []},
    ],
)
def test_a_malformed_layout_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Layout.model_validate(bad)
