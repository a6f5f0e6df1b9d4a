"""Reporting periods: a month (`2026-01`), a quarter (`2026-Q1`) or a year (`2026`). Pure logic.

A period is written as a label, and the label alone says its granularity, so a report, an
aggregate and a chart point name the same period the same way, and labels of one granularity sort
in time order as text.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from enum import StrEnum


class ReportingFrequency(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


# Years 1900-2999: the API's pattern and `parse` admit exactly the same labels.
PERIOD_PATTERN = r"^(19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$"
_PARTS = re.compile(r"(?P<year>(?:19|2[0-9])[0-9]{2})(?:-(?P<month>0[1-9]|1[0-2])|-Q(?P<quarter>[1-4]))?")


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive: the period's last day
    label: str
    frequency: ReportingFrequency


def parse(label: str) -> Period:
    """The period a label names; ValueError for anything else (`2026-13`, `2026-Q5`, `26-01`)."""
    match = _PARTS.fullmatch(label)
    if match is None:
        raise ValueError(label)
    year = int(match["year"])
    if match["month"]:
        first_month, months, frequency = int(match["month"]), 1, ReportingFrequency.MONTH
    elif match["quarter"]:
        first_month, months, frequency = 3 * int(match["quarter"]) - 2, 3, ReportingFrequency.QUARTER
    else:
        first_month, months, frequency = 1, 12, ReportingFrequency.YEAR
    start = date(year, first_month, 1)
    last_month = first_month + months - 1
    following = date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)
    return Period(start, following - timedelta(days=1), label, frequency)


def label_for(day: date, frequency: ReportingFrequency) -> str:
    """The label of the period of `frequency` that `day` falls in."""
    if frequency is ReportingFrequency.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if frequency is ReportingFrequency.QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}"


def quebec_zone() -> tzinfo:
    """Months start at midnight in Québec, not in UTC; EST when the zone database is missing."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("America/Toronto")
    except Exception:  # no tz database in the runtime: standard time all year is the least wrong
        return timezone(timedelta(hours=-5))


QUEBEC = quebec_zone()


def quebec_day(moment: datetime) -> date:
    """The calendar day in Québec: periods begin, targets fall due and statuses move on it."""
    return moment.astimezone(QUEBEC).date()
