"""EventBridge schedule expressions: rate(...), AWS cron(...) and Scheduler's at(...).

moto stores scheduled rules but never fires them, so the runtime asks each schedule for its next
fire time and fires it when the (injectable) clock passes it. AWS cron has six fields
(minutes hours day-of-month month day-of-week year), one of day-of-month / day-of-week is `?`,
days of the week run 1=SUN..7=SAT, and `L`, `W` and `#` are supported as AWS documents them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_RATE = re.compile(r"^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$")
_CRON = re.compile(r"^cron\((.+)\)$")
_AT = re.compile(r"^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")
_MONTHS = {
    name: index
    for index, name in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
_DAYS = {"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}
_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}
_MAX_STEPS = 200_000


class ScheduleError(ValueError):
    """An expression EventBridge would reject (or one this matcher does not understand)."""


def aws_weekday(moment: datetime) -> int:
    """AWS numbering: 1=Sunday ... 7=Saturday."""
    return (moment.weekday() + 1) % 7 + 1


@dataclass(frozen=True)
class Rate:
    """Fires every `period`, counted from `anchor` (AWS counts from the rule's creation)."""

    period: timedelta
    anchor: datetime

    def next_after(self, moment: datetime) -> datetime | None:
        if moment < self.anchor:
            return self.anchor + self.period
        elapsed = (moment - self.anchor) // self.period
        return self.anchor + self.period * (elapsed + 1)


@dataclass(frozen=True)
class At:
    """A one-time schedule (EventBridge Scheduler `at(...)`), in UTC."""

    moment: datetime

    def next_after(self, moment: datetime) -> datetime | None:
        return self.moment if self.moment > moment else None


@dataclass(frozen=True)
class _Field:
    values: frozenset[int]
    any: bool = False


@dataclass(frozen=True)
class Cron:
    """An AWS cron expression; fire times are whole minutes, UTC."""

    minutes: frozenset[int]
    hours: frozenset[int]
    day_of_month: str
    months: frozenset[int]
    day_of_week: str
    years: frozenset[int] | None
    zone: tzinfo = UTC

    def matches(self, moment: datetime) -> bool:
        return (
            moment.minute in self.minutes
            and moment.hour in self.hours
            and moment.month in self.months
            and (self.years is None or moment.year in self.years)
            and self.day_matches(moment)
        )

    def day_matches(self, moment: datetime) -> bool:
        if self.day_of_month == "?":
            return _dow_matches(self.day_of_week, moment)
        if self.day_of_week == "?":
            return _dom_matches(self.day_of_month, moment)
        return _dom_matches(self.day_of_month, moment) and _dow_matches(self.day_of_week, moment)

    def next_after(self, moment: datetime) -> datetime | None:
        """The first matching minute strictly after `moment` (None if there is none), in UTC.

        Fields are matched on the wall clock of `zone` (EventBridge Scheduler's
        ScheduleExpressionTimezone); rules use UTC.
        """
        local = moment.astimezone(self.zone).replace(tzinfo=None, second=0, microsecond=0)
        candidate = local + timedelta(minutes=1)
        for _ in range(_MAX_STEPS):
            if self.years is not None and candidate.year not in self.years:
                if candidate.year > max(self.years):
                    return None
                candidate = datetime(candidate.year + 1, 1, 1)  # naive: the wall clock of self.zone
            elif candidate.month not in self.months:
                candidate = _next_month(candidate)
            elif not self.day_matches(candidate):
                candidate = datetime(candidate.year, candidate.month, candidate.day) + timedelta(days=1)
            elif candidate.hour not in self.hours:
                candidate = candidate.replace(minute=0) + timedelta(hours=1)
            elif candidate.minute not in self.minutes:
                candidate += timedelta(minutes=1)
            else:
                return candidate.replace(tzinfo=self.zone).astimezone(UTC)
        return None


Schedule = Rate | Cron | At


def parse_schedule(expression: str, anchor: datetime, timezone: str = "UTC") -> Schedule:
    """Parse a schedule expression; `anchor` is when a rate() schedule starts counting, and
    `timezone` (an IANA name) is the wall clock of cron() and at() expressions."""
    try:
        zone: tzinfo = UTC if timezone in ("UTC", "") else ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"unknown time zone {timezone!r}") from None
    text = expression.strip()
    rate = _RATE.match(text)
    if rate:
        amount, unit = int(rate.group(1)), rate.group(2).rstrip("s")
        if amount <= 0:
            raise ScheduleError(f"{expression}: the rate must be positive")
        return Rate(timedelta(seconds=amount * _UNIT_SECONDS[unit]), anchor)
    at = _AT.match(text)
    if at:
        return At(datetime.fromisoformat(at.group(1)).replace(tzinfo=zone).astimezone(UTC))
    cron = _CRON.match(text)
    if cron:
        return replace(parse_cron(cron.group(1)), zone=zone)
    raise ScheduleError(f"unsupported schedule expression {expression!r}")


def parse_cron(body: str) -> Cron:
    fields = body.split()
    if len(fields) != 6:
        raise ScheduleError(f"cron({body}): AWS cron has 6 fields, got {len(fields)}")
    minute, hour, dom, month, dow, year = fields
    if (dom == "?") == (dow == "?"):
        raise ScheduleError(f"cron({body}): exactly one of day-of-month and day-of-week must be '?'")
    return Cron(
        minutes=_parse_set(minute, 0, 59),
        hours=_parse_set(hour, 0, 23),
        day_of_month=_validated_dom(dom),
        months=_parse_set(month, 1, 12, _MONTHS),
        day_of_week=_validated_dow(dow),
        years=None if year in ("*", "?") else _parse_set(year, 1970, 2199),
    )


def _parse_set(text: str, low: int, high: int, names: dict[str, int] | None = None) -> frozenset[int]:
    values: set[int] = set()
    for item in text.split(","):
        values.update(_parse_item(item, low, high, names or {}))
    if not values or min(values) < low or max(values) > high:
        raise ScheduleError(f"{text!r}: values must lie in {low}-{high}")
    return frozenset(values)


def _parse_item(item: str, low: int, high: int, names: dict[str, int]) -> range:
    base, _, step_text = item.partition("/")
    step = int(step_text) if step_text else 1
    if step <= 0:
        raise ScheduleError(f"{item!r}: the step must be positive")
    if base in ("*", "?"):
        start, end = low, high
    elif "-" in base:
        first, last = base.split("-", 1)
        start, end = _number(first, names), _number(last, names)
    else:
        start = _number(base, names)
        end = high if step_text else start
    if start > end:
        raise ScheduleError(f"{item!r}: the range is reversed")
    return range(start, end + 1, step)


def _number(text: str, names: dict[str, int]) -> int:
    upper = text.upper()
    if upper in names:
        return names[upper]
    if not text.isdigit():
        raise ScheduleError(f"{text!r} is not a number")
    return int(text)


def _validated_dom(text: str) -> str:
    if text in ("?", "L", "LW") or re.fullmatch(r"\d{1,2}W", text):
        return text
    _parse_set(text, 1, 31)
    return text


def _validated_dow(text: str) -> str:
    if text in ("?", "L") or re.fullmatch(r"[1-7]L|[1-7]#[1-5]", text):
        return text
    _parse_set(text, 1, 7, _DAYS)
    return text


def _last_day(moment: datetime) -> int:
    return calendar.monthrange(moment.year, moment.month)[1]


def _nearest_weekday(year: int, month: int, day: int) -> int:
    """The weekday (Mon-Fri) nearest to `day`, staying inside the month (AWS `W`)."""
    last = calendar.monthrange(year, month)[1]
    day = min(day, last)
    weekday = calendar.weekday(year, month, day)
    if weekday == 5:
        return day - 1 if day > 1 else day + 2
    if weekday == 6:
        return day + 1 if day < last else day - 2
    return day


def _dom_matches(text: str, moment: datetime) -> bool:
    if text == "*":
        return True
    if text == "L":
        return moment.day == _last_day(moment)
    if text == "LW":
        return moment.day == _nearest_weekday(moment.year, moment.month, _last_day(moment))
    if text.endswith("W"):
        return moment.day == _nearest_weekday(moment.year, moment.month, int(text[:-1]))
    return moment.day in _parse_set(text, 1, 31)


def _dow_matches(text: str, moment: datetime) -> bool:
    weekday = aws_weekday(moment)
    if text == "*":
        return True
    if text == "L":
        return weekday == 7
    if text.endswith("L"):
        return weekday == int(text[:-1]) and moment.day + 7 > _last_day(moment)
    if "#" in text:
        day, nth = (int(part) for part in text.split("#"))
        return weekday == day and (moment.day - 1) // 7 + 1 == nth
    return weekday in _parse_set(text, 1, 7, _DAYS)


def _next_month(moment: datetime) -> datetime:
    if moment.month == 12:
        return datetime(moment.year + 1, 1, 1, tzinfo=moment.tzinfo)
    return datetime(moment.year, moment.month + 1, 1, tzinfo=moment.tzinfo)
