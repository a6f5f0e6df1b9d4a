"""Aggregation arithmetic: which counters a submission adds to, and the figures read from them."""

from datetime import UTC, date, datetime

from numeriqc.feedback import aggregates
from numeriqc.feedback.adapters.table import aggregate_sk
from numeriqc.feedback.models import Driver, Period, Sentiment


def test_a_submission_counts_in_its_quebec_day_iso_week_and_month() -> None:
    # 2026-01-01 03:00 UTC is still New Year's Eve in Québec, in ISO week 2026-W01 (Thursday rule).
    keys = aggregates.counter_keys(datetime(2026, 1, 1, 3, 0, tzinfo=UTC))
    assert keys == [(Period.DAY, "2025-12-31"), (Period.WEEK, "2026-W01"), (Period.MONTH, "2025-12")]
    assert aggregate_sk(Period.WEEK, "2026-W01") == "AGG#W#2026-W01"


def test_update_expression_adds_one_to_each_counter_and_the_rating_to_the_sum() -> None:
    update = aggregates.update_expression(
        4, {Driver.EASE: Sentiment.NEGATIVE, Driver.TRUST: Sentiment.POSITIVE}, True
    )
    assert update["UpdateExpression"] == (
        "ADD #n :one, #sum :rating, #r4 :one, #ease_neg :one, #trust_pos :one, #comments :one"
    )
    assert update["ExpressionAttributeNames"]["#sum"] == "sum"
    assert update["values"] == {":one": 1, ":rating": 4}


def test_summary_mean_distribution_csat_and_drivers() -> None:
    counters = {"n": 8, "sum": 30, "r1": 1, "r2": 1, "r3": 1, "r4": 2, "r5": 3, "comments": 5, "ease_pos": 4}
    figures = aggregates.summarize("2026-01-15", counters)
    assert figures.count == 8
    assert figures.mean == 3.75
    assert figures.distribution == {"1": 1, "2": 1, "3": 1, "4": 2, "5": 3}
    assert figures.csat == 0.625
    assert figures.with_comment == 5
    assert figures.drivers["ease"] == {"positive": 4, "negative": 0}
    assert figures.drivers["trust"] == {"positive": 0, "negative": 0}


def test_empty_period_has_no_mean_nor_csat() -> None:
    figures = aggregates.summarize("2026-01", {})
    assert (figures.count, figures.mean, figures.csat) == (0, None, None)


def test_totals_add_counters_but_not_keys_or_expiry() -> None:
    items = [
        {"pk": "SVC#a.b", "sk": "AGG#D#1", "n": 2, "sum": 9, "r5": 1, "r4": 1},
        {"n": 1, "sum": 1, "r1": 1},
    ]
    assert aggregates.combine(items) == {"n": 3, "sum": 10, "r5": 1, "r4": 1, "r1": 1}


def test_default_ranges_and_their_length_in_periods() -> None:
    today = date(2026, 3, 15)
    assert aggregates.default_range(Period.DAY, today) == (date(2026, 2, 14), today)
    assert aggregates.default_range(Period.MONTH, today) == (date(2025, 4, 1), today)
    assert aggregates.span_in_periods(Period.DAY, date(2026, 2, 14), today) == 30
    assert aggregates.span_in_periods(Period.MONTH, date(2025, 4, 1), today) == 12
    assert aggregates.span_in_periods(Period.WEEK, date(2026, 1, 1), date(2026, 1, 14)) == 2
