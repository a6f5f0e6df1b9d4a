"""Aggregates kept with atomic counters at write time, and the arithmetic that reads them. Pure logic.

Each submission adds to three counter items of its service: its day, its ISO week and its month
(Québec time). Reading a period's figures is then one Query over at most a few hundred small
items, whatever the number of submissions: no scan, no recount, and nothing to recompute when a
comment expires, because the counters never held the comment.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from numeriqc.feedback.models import Aggregate, Driver, Period, Sentiment

RATINGS = (1, 2, 3, 4, 5)
# How far back a single read may go: one Query page (each item is well under 1 KB).
MAX_PERIODS = {Period.DAY: 366, Period.WEEK: 106, Period.MONTH: 60}
DEFAULT_PERIODS = {Period.DAY: 30, Period.WEEK: 12, Period.MONTH: 12}


def quebec_zone() -> tzinfo:
    """Days start at midnight in Québec, not in UTC; EST when the zone database is missing."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("America/Toronto")
    except Exception:  # no tz database in the runtime: standard time all year is the least wrong
        return timezone(timedelta(hours=-5))


QUEBEC = quebec_zone()


def period_label(period: Period, day: date) -> str:
    if period is Period.DAY:
        return day.isoformat()
    if period is Period.WEEK:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def local_day(moment: datetime) -> date:
    return moment.astimezone(QUEBEC).date()


def counter_keys(moment: datetime) -> list[tuple[Period, str]]:
    """The three periods one submission counts in."""
    day = local_day(moment)
    return [(period, period_label(period, day)) for period in Period]


def counter_names(rating: int, drivers: Mapping[Driver, Sentiment], has_comment: bool) -> list[str]:
    """The counters one submission adds 1 to (besides `n`, and `sum` which adds the rating)."""
    names = [f"r{rating}"]
    names += [
        f"{driver.value}_{'pos' if sentiment is Sentiment.POSITIVE else 'neg'}"
        for driver, sentiment in sorted(drivers.items())
    ]
    if has_comment:
        names.append("comments")
    return names


def update_expression(rating: int, drivers: Mapping[Driver, Sentiment], has_comment: bool) -> dict[str, Any]:
    """`UpdateExpression` parts for one counter item: every name aliased (`sum` is a reserved word)."""
    names = ["n", "sum", *counter_names(rating, drivers, has_comment)]
    values = {":one": 1, ":rating": rating}
    adds = ", ".join(f"#{name} {':rating' if name == 'sum' else ':one'}" for name in names)
    return {
        "UpdateExpression": f"ADD {adds}",
        "ExpressionAttributeNames": {f"#{name}": name for name in names},
        "values": values,
    }


def summarize(label: str, counters: Mapping[str, Any]) -> Aggregate:
    """One period's figures from its counters."""
    count = int(counters.get("n", 0))
    distribution = {str(rating): int(counters.get(f"r{rating}", 0)) for rating in RATINGS}
    satisfied = distribution["4"] + distribution["5"]
    return Aggregate(
        period=label,
        count=count,
        mean=round(int(counters.get("sum", 0)) / count, 3) if count else None,
        distribution=distribution,
        csat=round(satisfied / count, 4) if count else None,
        with_comment=int(counters.get("comments", 0)),
        drivers={
            driver.value: {
                "positive": int(counters.get(f"{driver.value}_pos", 0)),
                "negative": int(counters.get(f"{driver.value}_neg", 0)),
            }
            for driver in Driver
        },
    )


def combine(items: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Counters of several periods added together (for the total over the range read)."""
    total: dict[str, int] = {}
    for item in items:
        for name, value in item.items():
            if isinstance(value, int) and not isinstance(value, bool) and name not in ("expires_at",):
                total[name] = total.get(name, 0) + value
    return total


def label_range(period: Period, first: date, last: date) -> tuple[str, str]:
    return period_label(period, first), period_label(period, last)


def default_range(period: Period, today: date) -> tuple[date, date]:
    if period is Period.DAY:
        return today - timedelta(days=DEFAULT_PERIODS[period] - 1), today
    if period is Period.WEEK:
        return today - timedelta(weeks=DEFAULT_PERIODS[period] - 1), today
    month_index = today.year * 12 + today.month - 1 - (DEFAULT_PERIODS[period] - 1)
    return date(month_index // 12, month_index % 12 + 1, 1), today


def span_in_periods(period: Period, first: date, last: date) -> int:
    if period is Period.DAY:
        return (last - first).days + 1
    if period is Period.WEEK:
        return (last - first).days // 7 + 1
    return (last.year - first.year) * 12 + last.month - first.month + 1
