"""The barometer's open data: CSV and JSON per indicator and for the whole set. Pure logic.

One row per indicator and period. CSV is UTF-8 with a header row; a text cell that a spreadsheet
would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) is prefixed with `'`.
JSON carries the indicator's definition (targets, baseline, unit, direction) with its points.
Nothing depends on when it was generated, so unchanged data gives identical files.
"""

import csv
import io
import json
from typing import Any

from numeriqc.barometer.series import IndicatorView

COLUMNS = (
    "indicator_id",
    "measure",
    "name_fr",
    "name_en",
    "period",
    "value",
    "unit",
    "reports",
    "target_value",
    "target_date",
    "status",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rows(view: IndicatorView) -> list[dict[str, Any]]:
    indicator = view.indicator
    target = indicator.targets[-1]
    return [
        {
            "indicator_id": indicator.indicator_id,
            "measure": indicator.measure,
            "name_fr": _cell(indicator.name_fr),
            "name_en": _cell(indicator.name_en),
            "period": point.period,
            "value": point.value,
            "unit": indicator.unit.value,
            "reports": point.reports,
            "target_value": target.value,
            "target_date": target.date.isoformat(),
            "status": view.status.value,
        }
        for point in view.points
    ]


def to_csv(views: list[IndicatorView]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for view in views:
        writer.writerows(rows(view))
    return buffer.getvalue().encode()


def document(view: IndicatorView) -> dict[str, Any]:
    definition = view.indicator.model_dump(mode="json", exclude={"created_at"})
    points = [point.model_dump(mode="json") for point in view.points]
    return {**definition, "status": view.status.value, "points": points}


def indicator_json(view: IndicatorView) -> bytes:
    return _json(document(view))


def whole_json(views: list[IndicatorView]) -> bytes:
    return _json({"indicators": [document(view) for view in views]})


def _json(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text
