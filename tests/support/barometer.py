"""Helpers for the barometer tests: indicators and reports, made the way organizations make them.

Time is the shared `service_clock` fixture (tests.support.fixtures) or a FrozenClock: no sleeping.
"""

from datetime import date
from typing import Any

from numeriqc.barometer.models import (
    Indicator,
    IndicatorAggregation,
    IndicatorDirection,
    IndicatorTarget,
    IndicatorUnit,
    ValueRange,
)
from numeriqc.barometer.periods import ReportingFrequency, quebec_day
from numeriqc.core import clock
from numeriqc.core.auth import Scope
from tests.support.platform import NewKey, bearer

REPORTER = {Scope.BAROMETER_REPORT}


def indicator(**changes: Any) -> Indicator:
    """A valid indicator (percent, higher is better, weighted mean) with `changes` applied."""
    values: dict[str, Any] = {
        "indicator_id": "services-en-ligne",
        "measure": 15,
        "name_fr": "Services offerts en ligne",
        "name_en": "Services offered online",
        "unit": IndicatorUnit.PERCENT,
        "direction": IndicatorDirection.HIGHER,
        "aggregation": IndicatorAggregation.WEIGHTED_MEAN,
        "frequency": ReportingFrequency.MONTH,
        "targets": [IndicatorTarget(value=80, date=date(2027, 12, 31))],
        "range": ValueRange(min=0, max=100),
        "owner": "saaq",
    }
    return Indicator(**{**values, **changes})


def target_date(years: int = 1) -> str:
    """A target date `years` after today in Québec on the installed clock (tests never age)."""
    today = quebec_day(clock.now())
    return today.replace(year=today.year + years, day=min(today.day, 28)).isoformat()


def this_month(months_back: int = 0) -> str:
    """The label of the current month in Québec on the installed clock, or of a month before it.
    Months begin at midnight in Québec (`periods.quebec_day`): read in UTC, the month's last
    evening already named the next one, which the service refuses as not begun."""
    today = quebec_day(clock.now())
    index = today.year * 12 + today.month - 1 - months_back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def indicator_body(**changes: Any) -> dict[str, Any]:
    """What an organization posts to define an indicator (its target a year from today)."""
    body: dict[str, Any] = {
        "indicator_id": "services-en-ligne",
        "measure": 15,
        "name_fr": "Services offerts en ligne",
        "name_en": "Services offered online",
        "unit": "percent",
        "aggregation": "weighted_mean",
        "baseline": {"value": 40, "date": "2025-12-31"},
        "targets": [{"value": 80, "date": target_date()}],
    }
    return {**body, **changes}


def reporter_key(new_key: NewKey, org: str = "saaq") -> str:
    return new_key(org, REPORTER)


def define(platform: Any, key: str, **changes: Any) -> dict[str, Any]:
    response = platform.http(
        "POST", "/v1/barometer/indicators", headers=bearer(key), json=indicator_body(**changes)
    )
    assert response.status == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def report(platform: Any, key: str, language: str | None = None, **body: Any) -> Any:
    values = {"indicator_id": "services-en-ligne", "period": this_month(), "value": 50, "base": 10, **body}
    return platform.http("POST", "/v1/barometer/reports", headers=bearer(key, language), json=values)


def catch_up(platform: Any) -> Any:
    """What the site's catch-up rule does every `site_schedule.INTERVAL`: publish pending changes
    (the changes' queue publishes at once only when the site was not published recently)."""
    from numeriqc.barometer.site_schedule import CATCH_UP

    return platform.invoke("BarometerDailySite", CATCH_UP)
