"""The status rule at its boundaries: the target's date, the target's value, the trajectory."""

from datetime import date, timedelta

import pytest

from numeriqc.barometer.models import (
    IndicatorBaseline,
    IndicatorDirection,
    IndicatorStatus,
    IndicatorTarget,
)
from numeriqc.barometer.status import governing_target, status, trajectory
from tests.support.barometer import indicator

DUE = date(2027, 12, 31)
BASE = IndicatorBaseline(value=50, date=date(2025, 12, 31))


def _indicator(
    direction: IndicatorDirection = IndicatorDirection.HIGHER, baseline: IndicatorBaseline | None = BASE
):
    return indicator(direction=direction, baseline=baseline, targets=[IndicatorTarget(value=80, date=DUE)])


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (DUE - timedelta(days=1), IndicatorStatus.FUTURE),
        (DUE, IndicatorStatus.FUTURE),
        (DUE + timedelta(days=1), IndicatorStatus.NOT_AVAILABLE),
    ],
)
def test_without_a_value_the_target_date_decides_between_future_and_not_available(today, expected) -> None:
    assert status(_indicator(), None, None, today) == expected


@pytest.mark.parametrize("today", [DUE - timedelta(days=400), DUE, DUE + timedelta(days=400)])
def test_reaching_the_target_exactly_is_met_whatever_the_date(today) -> None:
    assert status(_indicator(), 80, today, today) == IndicatorStatus.MET
    assert status(_indicator(), 80.0001, today, today) == IndicatorStatus.MET


def test_lower_is_better_reverses_the_comparison() -> None:
    lower = _indicator(IndicatorDirection.LOWER, IndicatorBaseline(value=120, date=date(2025, 12, 31)))
    assert status(lower, 80, DUE, DUE) == IndicatorStatus.MET
    assert status(lower, 79, DUE, DUE) == IndicatorStatus.MET
    assert status(lower, 81, DUE, DUE + timedelta(days=1)) == IndicatorStatus.NOT_MET


def test_below_the_target_once_the_date_has_passed_is_not_met_and_not_before() -> None:
    assert status(_indicator(), 79.99, DUE, DUE) != IndicatorStatus.NOT_MET
    assert status(_indicator(), 79.99, DUE, DUE + timedelta(days=1)) == IndicatorStatus.NOT_MET


def test_on_track_means_at_or_above_the_straight_line_from_the_baseline() -> None:
    halfway = BASE.date + (DUE - BASE.date) / 2
    expected = trajectory(BASE, IndicatorTarget(value=80, date=DUE), halfway)
    assert expected == pytest.approx(65, abs=0.05)
    today = halfway + timedelta(days=1)
    assert status(_indicator(), expected, halfway, today) == IndicatorStatus.ON_TRACK
    assert status(_indicator(), expected - 0.01, halfway, today) == IndicatorStatus.FUTURE


def test_without_a_baseline_a_value_short_of_a_future_target_is_to_be_achieved() -> None:
    assert (
        status(_indicator(baseline=None), 79, date(2026, 1, 31), date(2026, 2, 1)) == IndicatorStatus.FUTURE
    )


def test_the_governing_target_is_the_next_one_due_then_the_last() -> None:
    first, second = IndicatorTarget(value=60, date=date(2026, 12, 31)), IndicatorTarget(value=80, date=DUE)
    assert governing_target([second, first], date(2026, 12, 31)) == first
    assert governing_target([second, first], date(2027, 1, 1)) == second
    assert governing_target([second, first], DUE + timedelta(days=1)) == second
