"""Periods as labels, and the incremental totals a report (or its correction) moves."""

import re
from datetime import date
from decimal import Decimal

import pytest

from numeriqc.barometer import aggregation, periods
from numeriqc.barometer.aggregation import Contribution, delta, exact, value_of
from numeriqc.barometer.models import IndicatorAggregation
from numeriqc.barometer.periods import PERIOD_PATTERN, ReportingFrequency


@pytest.mark.parametrize(
    ("label", "start", "end", "frequency"),
    [
        ("2026-01", date(2026, 1, 1), date(2026, 1, 31), ReportingFrequency.MONTH),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), ReportingFrequency.MONTH),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31), ReportingFrequency.MONTH),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), ReportingFrequency.QUARTER),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), ReportingFrequency.QUARTER),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), ReportingFrequency.YEAR),
    ],
)
def test_a_label_names_its_period(label, start, end, frequency) -> None:
    period = periods.parse(label)
    assert (period.start, period.end, period.frequency) == (start, end, frequency)
    assert periods.label_for(end, frequency) == label


@pytest.mark.parametrize(
    "label",
    [
        "2026-13",
        "2026-00",
        "2026-Q0",
        "2026-Q5",
        "26-01",
        "1899",
        "3000",
        "2026-1",
        "2026-W01",
        "",
        "２０２６",
    ],
)
def test_the_api_pattern_and_the_parser_refuse_the_same_labels(label) -> None:
    assert re.match(PERIOD_PATTERN, label) is None
    with pytest.raises(ValueError):
        periods.parse(label)


def test_a_first_report_adds_itself_and_counts_one_report() -> None:
    change = delta(Contribution(Decimal(40), Decimal(10)), None)
    assert (change.total, change.weighted, change.base, change.reports) == (40, 400, 10, 1)


def test_a_correction_takes_the_previous_version_back_out() -> None:
    change = delta(Contribution(Decimal(60), Decimal(5)), Contribution(Decimal(40), Decimal(10)))
    assert (change.total, change.weighted, change.base, change.reports) == (20, -100, -5, 0)


def test_totals_read_as_each_aggregation() -> None:
    totals = {"total": 100, "weighted": 700, "base": 10, "reports": 2, "latest": 30}
    assert value_of(IndicatorAggregation.SUM, totals) == 100
    assert value_of(IndicatorAggregation.WEIGHTED_MEAN, totals) == 70
    assert value_of(IndicatorAggregation.LATEST, totals) == 30
    assert value_of(IndicatorAggregation.SUM, {"reports": 0}) is None


def test_decimals_stay_exact_across_corrections() -> None:
    total = Decimal(0)
    previous = None
    for value in (0.1, 0.2, 0.3, 0.1):
        current = Contribution(exact(value), Decimal(1))
        total += delta(current, previous).total
        previous = current
    assert total == Decimal("0.1")
    assert aggregation.exact(1e-7) == Decimal("1e-07")
