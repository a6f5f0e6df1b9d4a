"""rate(), AWS cron() and at() schedule expressions fire when EventBridge would."""

from datetime import UTC, datetime, timedelta

import pytest

from numeriqc_local.triggers.schedule_expressions import Cron, ScheduleError, parse_schedule

ANCHOR = datetime(2026, 3, 2, 10, 7, 30, tzinfo=UTC)  # a Monday


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_rate_counts_periods_from_the_anchor() -> None:
    schedule = parse_schedule("rate(5 minutes)", ANCHOR)
    assert schedule.next_after(ANCHOR) == ANCHOR + timedelta(minutes=5)
    assert schedule.next_after(ANCHOR + timedelta(minutes=5)) == ANCHOR + timedelta(minutes=10)
    assert parse_schedule("rate(1 day)", ANCHOR).next_after(ANCHOR) == ANCHOR + timedelta(days=1)
    assert parse_schedule("rate(2 hours)", ANCHOR).next_after(ANCHOR) == ANCHOR + timedelta(hours=2)


@pytest.mark.parametrize(
    ("expression", "after", "expected"),
    [
        ("cron(0/15 * * * ? *)", at(2026, 3, 2, 10, 7), at(2026, 3, 2, 10, 15)),
        ("cron(0 12 * * ? *)", at(2026, 3, 2, 12, 0), at(2026, 3, 3, 12, 0)),
        ("cron(0 8 ? * MON-FRI *)", at(2026, 3, 6, 9, 0), at(2026, 3, 9, 8, 0)),  # Friday -> Monday
        ("cron(0 8 ? * 1 *)", at(2026, 3, 2, 9, 0), at(2026, 3, 8, 8, 0)),  # 1 = Sunday
        ("cron(30 9 L * ? *)", at(2026, 2, 1, 0, 0), at(2026, 2, 28, 9, 30)),
        ("cron(0 9 ? * 6L *)", at(2026, 3, 1, 0, 0), at(2026, 3, 27, 9, 0)),  # last Friday of March 2026
        ("cron(0 9 ? * 2#1 *)", at(2026, 3, 3, 0, 0), at(2026, 4, 6, 9, 0)),  # first Monday of April
        ("cron(0 9 15W * ? *)", at(2026, 3, 1, 0, 0), at(2026, 3, 16, 9, 0)),  # the 15th is a Sunday
        ("cron(0 0 1 JAN ? 2027)", at(2026, 3, 1, 0, 0), at(2027, 1, 1, 0, 0)),
    ],
)
def test_cron_next_fire_time(expression: str, after: datetime, expected: datetime) -> None:
    assert parse_schedule(expression, ANCHOR).next_after(after) == expected


def test_cron_with_a_past_year_never_fires_again() -> None:
    assert parse_schedule("cron(0 0 1 1 ? 2025)", ANCHOR).next_after(ANCHOR) is None


def test_cron_matches_whole_minutes_only() -> None:
    cron = parse_schedule("cron(5 10 * * ? *)", ANCHOR)
    assert isinstance(cron, Cron)
    assert cron.matches(at(2026, 3, 2, 10, 5))
    assert not cron.matches(at(2026, 3, 2, 10, 6))


def test_one_time_at_schedule() -> None:
    schedule = parse_schedule("at(2026-03-02T11:00:00)", ANCHOR)
    assert schedule.next_after(ANCHOR) == at(2026, 3, 2, 11, 0)
    assert schedule.next_after(at(2026, 3, 2, 11, 0)) is None


@pytest.mark.parametrize(
    "expression",
    [
        "cron(0 12 * * * *)",  # day-of-month and day-of-week both given
        "cron(0 12 ? * ? *)",  # both '?'
        "cron(0 12 * *)",  # too few fields
        "cron(61 * * * ? *)",
        "rate(0 minutes)",
        "rate(5 weeks)",
        "every 5 minutes",
    ],
)
def test_invalid_expressions_are_refused(expression: str) -> None:
    with pytest.raises(ScheduleError):
        parse_schedule(expression, ANCHOR)
