"""Legacy records to and from a dataset's JSON: CSV and fixed-width files described by a layout
(field names, types, offsets and widths, encoding cp1252 / latin-1 / UTF-8), in both directions.

Every refusal names the row (1-based, as a spreadsheet or an editor shows it) and the field. A CSV
cell that looks like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return first) is
refused on the way in, unless it is a number of a numeric field, and neutralised on the way out
(prefixed with `'`, OWASP's advice), so exchanged files never carry formula injection.
"""

import csv
import io
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError
from numeriqc.exchange.models import FieldType, Layout

MAX_ERRORS = 100
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_ENCODING = Message(
    "Ligne {row} : ce n'est pas du {encoding} valide.", "Row {row}: this is not valid {encoding}."
)
_COLUMNS = Message(
    "Ligne {row} : {found} colonnes au lieu de {expected}.",
    "Row {row}: {found} columns instead of {expected}.",
)
_HEADER = Message("L'en-tête doit être exactement : {expected}.", "The header must be exactly: {expected}.")
_FORMULA = Message(
    "Ligne {row} : une cellule ne peut commencer comme une formule.",
    "Row {row}: a cell may not start like a formula.",
)
_TYPE = Message("Ligne {row} : « {value_kind} » attendu.", "Row {row}: '{value_kind}' expected.")
_REQUIRED = Message("Ligne {row} : ce champ est obligatoire.", "Row {row}: this field is required.")
_LENGTH = Message(
    "Ligne {row} : {length} caractères, la disposition en prévoit {needed}.",
    "Row {row}: {length} characters, the layout has {needed}.",
)
_WIDE = Message(
    "Enregistrement {row} : la valeur dépasse {width} caractères.",
    "Record {row}: the value exceeds {width} characters.",
)
_UNENCODABLE = Message(
    "Enregistrement {row} : un caractère ne s'écrit pas en {encoding}.",
    "Record {row}: a character cannot be written in {encoding}.",
)


def _convert(value: str, kind: FieldType) -> Any:
    if kind is FieldType.STRING:
        return value
    if kind is FieldType.INTEGER:
        return int(value)
    if kind is FieldType.DECIMAL:
        number = Decimal(value.replace(",", "."))  # 12,50 in French-language files
        if not number.is_finite():
            raise ValueError(value)
        return float(number)
    if kind is FieldType.DATE:
        return date.fromisoformat(value).isoformat()
    lowered = value.lower()
    if lowered in ("true", "1", "o", "oui", "y", "yes", "vrai"):
        return True
    if lowered in ("false", "0", "n", "non", "no", "faux"):
        return False
    raise ValueError(value)


def _format(value: Any, kind: FieldType) -> str:
    if value is None:
        return ""
    if kind is FieldType.BOOLEAN:
        return "1" if value else "0"
    if kind is FieldType.DECIMAL:
        return format(Decimal(str(value)), "f")
    return str(value)


def _decode(data: bytes, encoding: str, at: str) -> tuple[str, list[FieldError]]:
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        return "", [FieldError(f"{at}[{row}]", "encoding", _ENCODING, row=row, encoding=encoding)]


def _record(
    layout: Layout, cells: list[str], row: int, at: str, csv_cells: bool
) -> tuple[dict[str, Any], list[FieldError]]:
    record: dict[str, Any] = {}
    errors: list[FieldError] = []
    for field, raw in zip(layout.fields, cells, strict=True):
        where = f"{at}[{row}].{field.name}"
        value = raw.strip() if field.type is not FieldType.STRING or not csv_cells else raw
        if value == "":
            if field.required:
                errors.append(FieldError(where, "required", _REQUIRED, row=row))
            continue
        try:
            converted = _convert(value.strip(), field.type)
        except (ValueError, InvalidOperation):
            errors.append(FieldError(where, "type", _TYPE, row=row, value_kind=field.type.value))
            continue
        if csv_cells and field.type is FieldType.STRING and value.startswith(FORMULA_START):
            errors.append(FieldError(where, "formula", _FORMULA, row=row))
            continue
        record[field.name] = converted
    return record, errors


def read(data: bytes, layout: Layout, at: str = "rows") -> tuple[list[dict[str, Any]], list[FieldError]]:
    """The records of a legacy file and every fault found, named `rows[<row>].<field>`."""
    numbered, errors = read_numbered(data, layout, at)
    return [record for _, record in numbered], errors


def read_numbered(
    data: bytes, layout: Layout, at: str = "rows"
) -> tuple[list[tuple[int, dict[str, Any]]], list[FieldError]]:
    """`read`, each record with its row number (the one its faults name); stops at MAX_ERRORS faults."""
    text, errors = _decode(data, layout.encoding, at)
    if errors:
        return [], errors
    return (_read_csv if layout.format == "csv" else _read_fixed)(text, layout, at)


def _read_csv(
    text: str, layout: Layout, at: str
) -> tuple[list[tuple[int, dict[str, Any]]], list[FieldError]]:
    records: list[tuple[int, dict[str, Any]]] = []
    errors: list[FieldError] = []
    names = [field.name for field in layout.fields]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter)
    for index, cells in enumerate(reader):
        row = reader.line_num
        if index == 0 and layout.header:
            if cells != names:
                errors.append(
                    FieldError(f"{at}[{row}]", "header", _HEADER, expected=layout.delimiter.join(names))
                )
            continue
        if not cells:
            continue
        if len(cells) != len(names):
            errors.append(
                FieldError(
                    f"{at}[{row}]", "column_count", _COLUMNS, row=row, found=len(cells), expected=len(names)
                )
            )
        else:
            record, faults = _record(layout, cells, row, at, csv_cells=True)
            errors.extend(faults)
            records.append((row, record))
        if len(errors) >= MAX_ERRORS:
            break
    return records, errors[:MAX_ERRORS]


def _read_fixed(
    text: str, layout: Layout, at: str
) -> tuple[list[tuple[int, dict[str, Any]]], list[FieldError]]:
    records: list[tuple[int, dict[str, Any]]] = []
    errors: list[FieldError] = []
    needed = max((field.start or 0) + (field.width or 0) for field in layout.fields)
    for row, line in enumerate(text.splitlines(), start=1):
        content = line.rstrip()
        if not content:
            continue
        if len(content) > needed:
            errors.append(
                FieldError(
                    f"{at}[{row}]", "line_length", _LENGTH, row=row, length=len(content), needed=needed
                )
            )
            continue
        padded = content.ljust(needed)  # trailing blanks are often trimmed by legacy tools
        cells = [padded[(f.start or 0) : (f.start or 0) + (f.width or 0)].rstrip() for f in layout.fields]
        record, faults = _record(layout, cells, row, at, csv_cells=False)
        errors.extend(faults)
        records.append((row, record))
        if len(errors) >= MAX_ERRORS:
            break
    return records, errors[:MAX_ERRORS]


def write(
    records: list[dict[str, Any]], layout: Layout, at: str = "records"
) -> tuple[bytes, list[FieldError]]:
    """A legacy file of `records` (1-based numbering in errors), and every value that cannot be written."""
    errors: list[FieldError] = []
    if layout.format == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=layout.delimiter, lineterminator="\r\n")
        if layout.header:
            writer.writerow([field.name for field in layout.fields])
        for record in records:
            cells = []
            for field in layout.fields:
                cell = _format(record.get(field.name), field.type)
                if field.type is FieldType.STRING and cell.startswith(FORMULA_START):
                    cell = "'" + cell
                cells.append(cell)
            writer.writerow(cells)
        text = out.getvalue()
    else:
        lines: list[str] = []
        for number, record in enumerate(records, start=1):
            line = [" "] * max((f.start or 0) + (f.width or 0) for f in layout.fields)
            for field in layout.fields:
                cell = _format(record.get(field.name), field.type)
                start, width = field.start or 0, field.width or 0
                if len(cell) > width:
                    errors.append(
                        FieldError(f"{at}[{number}].{field.name}", "too_wide", _WIDE, row=number, width=width)
                    )
                    continue
                padded = (
                    cell.rjust(width)
                    if field.type in (FieldType.INTEGER, FieldType.DECIMAL)
                    else cell.ljust(width)
                )
                line[start : start + width] = padded
            lines.append("".join(line))
        text = "".join(line + "\r\n" for line in lines)
    try:
        return text.encode(layout.encoding), errors
    except UnicodeEncodeError as error:
        number = (
            text[: error.start].count("\n") + (0 if layout.format == "fixed" or not layout.header else -1) + 1
        )
        errors.append(
            FieldError(f"{at}[{number}]", "unencodable", _UNENCODABLE, row=number, encoding=layout.encoding)
        )
        return b"", errors
