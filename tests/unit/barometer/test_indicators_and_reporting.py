"""Defining indicators and reporting values, on in-memory stand-ins for the ports."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from numeriqc.barometer.indicators import Catalogue
from numeriqc.barometer.models import IndicatorIn, IndicatorReportIn
from numeriqc.barometer.ports import AlreadyExists, ReportVersion
from numeriqc.barometer.reporting import Reporting
from numeriqc.core.clock import FrozenClock
from numeriqc.core.events import EventBuffer
from numeriqc.core.problems import Conflict, Problem, ValidationFailed

TODAY = datetime(2026, 3, 15, 12, tzinfo=UTC)


class Memory:
    def __init__(self) -> None:
        self.items: dict[str, dict[str, Any]] = {}
        self.current: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.versions: list[ReportVersion] = []

    def add_indicator(self, item: dict[str, Any]) -> None:
        if item["indicator_id"] in self.items:
            raise AlreadyExists(item["indicator_id"])
        self.items[item["indicator_id"]] = item

    def indicator(self, indicator_id: str) -> dict[str, Any] | None:
        return self.items.get(indicator_id)

    def indicators(self) -> list[dict[str, Any]]:
        return list(self.items.values())

    def current_report(self, org_id: str, indicator_id: str, period: str) -> dict[str, Any] | None:
        return self.current.get((org_id, indicator_id, period))

    def record_report(self, version: ReportVersion) -> None:
        key = (version.item["org_id"], version.item["indicator_id"], version.item["period"])
        found = self.current.get(key)
        if (found["version"] if found else None) != version.replaces:
            raise AlreadyExists(key)
        self.current[key] = version.item
        self.versions.append(version)

    def report_history(self, org_id: str, indicator_id: str, period: str) -> list[dict[str, Any]]:
        return [
            v.item
            for v in self.versions
            if (v.item["org_id"], v.item["indicator_id"], v.item["period"]) == (org_id, indicator_id, period)
        ]


def _definition(**changes: Any) -> IndicatorIn:
    body = {
        "indicator_id": "services-en-ligne",
        "measure": 15,
        "name_fr": "Services en ligne",
        "name_en": "Online services",
        "unit": "percent",
        "aggregation": "weighted_mean",
        "targets": [{"value": 80, "date": "2027-12-31"}],
    }
    return IndicatorIn.model_validate({**body, **changes})


@pytest.fixture
def memory() -> Memory:
    return Memory()


@pytest.fixture
def reporting(memory: Memory) -> Reporting:
    catalogue = Catalogue(memory, FrozenClock(TODAY))
    catalogue.define("saaq", _definition(), EventBuffer())
    catalogue.define(
        "saaq",
        _definition(
            indicator_id="demandes",
            unit="count",
            aggregation="sum",
            frequency="quarter",
            targets=[{"value": 1000, "date": "2027-12-31"}],
        ),
        EventBuffer(),
    )
    return Reporting(catalogue, memory, FrozenClock(TODAY))


def _fields(problem: Problem) -> dict[str, str]:
    return {error.field: error.code for error in problem.errors}


def test_a_definition_is_checked_whole_and_every_fault_named() -> None:
    catalogue = Catalogue(Memory(), FrozenClock(TODAY))
    request = _definition(
        name_fr="<b>Services</b>",
        description_en="＜script＞alert(1)＜/script＞",
        targets=[{"value": 150, "date": "2026-03-14"}, {"value": 90, "date": "2026-03-15"}],
        baseline={"value": -1, "date": "2025-01-01"},
    )
    with pytest.raises(ValidationFailed) as refused:
        catalogue.define("saaq", request, EventBuffer())
    assert _fields(refused.value) == {
        "body.name_fr": "markup",
        "body.description_en": "markup",
        "body.targets[0].date": "past",
        "body.targets[0].value": "out_of_range",
        "body.baseline.value": "out_of_range",
    }


def test_a_range_wider_than_its_unit_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        Catalogue(Memory(), FrozenClock(TODAY)).define(
            "saaq", _definition(range={"min": 0, "max": 120}), EventBuffer()
        )
    assert _fields(refused.value) == {"body.range": "outside_unit"}


def test_an_id_taken_by_an_organization_or_by_the_platform_is_a_conflict(memory: Memory) -> None:
    catalogue = Catalogue(memory, FrozenClock(TODAY))
    sink = EventBuffer()
    catalogue.define("saaq", _definition(), sink)
    assert [event.type for event in sink.take()] == ["ca.qc.numeriqc.barometer.indicator.defined.v1"]
    for taken in ("services-en-ligne", "feedback-csat"):
        with pytest.raises(Conflict):
            catalogue.define("mcn", _definition(indicator_id=taken), sink)
    assert len(sink) == 0


def test_first_report_same_again_different_refused_then_corrected(
    reporting: Reporting, memory: Memory
) -> None:
    sink = EventBuffer()
    first, created = reporting.report(
        "saaq", IndicatorReportIn(indicator_id="services-en-ligne", period="2026-02", value=50, base=10), sink
    )
    assert (first.version, created) == (1, True)
    again, created = reporting.report(
        "saaq",
        IndicatorReportIn(indicator_id="services-en-ligne", period="2026-02", value=50.0, base=10),
        sink,
    )
    assert (again.version, created) == (1, False)
    with pytest.raises(Conflict) as refused:
        reporting.report(
            "saaq",
            IndicatorReportIn(indicator_id="services-en-ligne", period="2026-02", value=60, base=10),
            sink,
        )
    assert _fields(refused.value) == {"body.value": "already_reported"}
    corrected, created = reporting.report(
        "saaq",
        IndicatorReportIn(
            indicator_id="services-en-ligne", period="2026-02", value=60, base=10, correction=True
        ),
        sink,
    )
    assert (corrected.version, corrected.correction, created) == (2, True, True)
    assert [v.item["value"] for v in memory.versions] == [50, 60]
    assert float(memory.versions[1].delta.weighted) == 100
    assert [event.id for event in sink.take()] == [
        "saaq.services-en-ligne.2026-02.v1",
        "saaq.services-en-ligne.2026-02.v2",
    ]
    history = reporting.history("saaq", "services-en-ligne", "2026-02")
    assert [item.version for item in history.items] == [1, 2]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"indicator_id": "inconnu"}, {"body.indicator_id": "unknown"}),
        ({"indicator_id": "feedback-csat"}, {"body.indicator_id": "automatic"}),
        ({"period": "2026-Q1"}, {"body.period": "wrong_frequency"}),
        ({"period": "2026-04"}, {"body.period": "not_begun"}),
        ({"unit": "dollars"}, {"body.unit": "wrong_unit"}),
        ({"value": 100.01}, {"body.value": "out_of_range"}),
        ({"value": -0.01}, {"body.value": "out_of_range"}),
        ({"base": None}, {"body.base": "missing"}),
        (
            {"indicator_id": "demandes", "period": "2026-Q1", "value": 2.5, "base": None},
            {"body.value": "not_whole"},
        ),
    ],
)
def test_each_bad_report_names_its_field(reporting: Reporting, memory: Memory, body, expected) -> None:
    values = {"indicator_id": "services-en-ligne", "period": "2026-03", "value": 50, "base": 10, **body}
    with pytest.raises(ValidationFailed) as refused:
        reporting.report("saaq", IndicatorReportIn.model_validate(values), EventBuffer())
    assert _fields(refused.value) == expected
    assert memory.versions == []


def test_range_boundaries_are_accepted(reporting: Reporting) -> None:
    for value, period in ((0, "2026-01"), (100, "2026-02"), (50, "2026-03")):
        report, _ = reporting.report(
            "saaq",
            IndicatorReportIn(indicator_id="services-en-ligne", period=period, value=value, base=1),
            EventBuffer(),
        )
        assert report.value == value
    assert date(2026, 3, 1) <= TODAY.date()


def test_periods_begin_on_quebecs_calendar_not_utcs(memory: Memory) -> None:
    """2026-04-01 02:00 UTC is still March 31st in Québec: April has not begun there."""
    late_march = FrozenClock(datetime(2026, 4, 1, 2, tzinfo=UTC))
    catalogue = Catalogue(memory, late_march)
    catalogue.define("saaq", _definition(), EventBuffer())
    reporting = Reporting(catalogue, memory, late_march)
    april = IndicatorReportIn(indicator_id="services-en-ligne", period="2026-04", value=50, base=1)
    with pytest.raises(ValidationFailed) as refused:
        reporting.report("saaq", april, EventBuffer())
    assert _fields(refused.value) == {"body.period": "not_begun"}
    late_march.advance(3 * 3600)  # 05:00 UTC: April 1st in Québec too
    assert reporting.report("saaq", april, EventBuffer())[1] is True
