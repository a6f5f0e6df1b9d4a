"""Exchange legacy adapters: rows per second converting CSV and fixed-width files to the dataset's
JSON records and back (numeriqc.exchange.legacy), cp1252, six typed fields, on one core.

50,000 rows a format by default, 100,000 with `--full` (bench/scale.py): the figure is a rate."""

import os
import time

from bench.scale import full
from numeriqc.exchange import legacy
from numeriqc.exchange.models import Layout

ROWS = int(os.environ.get("EXCHANGE_BENCH_LEGACY_ROWS") or (100_000 if full() else 50_000))
FIELDS = [
    {"name": "permit", "start": 0, "width": 6},
    {"name": "name", "start": 6, "width": 20},
    {"name": "points", "type": "integer", "start": 26, "width": 3},
    {"name": "fee", "type": "decimal", "start": 29, "width": 8},
    {"name": "since", "type": "date", "start": 37, "width": 10},
    {"name": "active", "type": "boolean", "start": 47, "width": 1},
]


def rates(format: str) -> tuple[float, float, int]:
    layout = Layout.model_validate({"format": format, "encoding": "cp1252", "fields": FIELDS})
    records = [
        {
            "permit": f"A{n:05d}",
            "name": f"Hélène Côté {n}",
            "points": n % 15,
            "fee": 12.5,
            "since": "2024-03-01",
            "active": n % 2 == 0,
        }
        for n in range(ROWS)
    ]
    started = time.process_time()
    data, errors = legacy.write(records, layout)
    written = time.process_time() - started
    assert not errors
    started = time.process_time()
    back, faults = legacy.read(data, layout)
    read = time.process_time() - started
    assert not faults and len(back) == ROWS
    return ROWS / written, ROWS / read, len(data)


def report() -> list[str]:
    lines = [
        f"exchange: legacy conversion, {ROWS:,} rows of 6 typed fields, cp1252 (CPU time, one core)"
        + ("" if full() else "  [--full: 100,000 rows]")
    ]
    for format in ("csv", "fixed"):
        write_rate, read_rate, size = rates(format)
        lines.append(
            f"  {format:>5}: JSON -> file {write_rate:,.0f} rows/s, file -> JSON {read_rate:,.0f} rows/s "
            f"({size / ROWS:.0f} bytes/row)"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
