"""The public site: escaping of every text field, counterpart links, weight, and publishing only
what changed."""

import re
from datetime import UTC, date, datetime
from typing import Any

import pytest

from numeriqc.barometer import open_data
from numeriqc.barometer.indicators import Catalogue
from numeriqc.barometer.models import IndicatorBaseline, IndicatorStatus, SeriesPoint, StrategyMeasure
from numeriqc.barometer.register import Register
from numeriqc.barometer.series import IndicatorView, SeriesReading
from numeriqc.barometer.site_publication import SitePublisher, render
from numeriqc.barometer.strategy import MEASURES
from numeriqc.core.clock import FrozenClock
from numeriqc.core.events import EventBuffer
from tests.support.barometer import indicator

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'
TEXT_FIELDS = ("name_fr", "name_en", "description_fr", "description_en")


def _points(count: int = 3) -> list[SeriesPoint]:
    return [
        SeriesPoint(period=f"2026-{month:02d}", value=40 + month, reports=2) for month in range(1, count + 1)
    ]


def _view(**changes: Any) -> IndicatorView:
    found = indicator(baseline=IndicatorBaseline(value=40, date=date(2025, 12, 31)), **changes)
    return IndicatorView(found, _points(), IndicatorStatus.ON_TRACK)


def _pages(site: dict[str, tuple[bytes, str]]) -> dict[str, str]:
    return {path: content.decode() for path, (content, kind) in site.items() if kind.startswith("text/html")}


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_markup_in_any_indicator_text_is_escaped_on_every_page(field: str) -> None:
    site = render(MEASURES, [_view(**{field: MARKUP})])
    for path, page in _pages(site).items():
        assert "<script" not in page and "<img" not in page, path
        assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", ""), path
    assert any("&lt;script&gt;" in page for page in _pages(site).values())


@pytest.mark.parametrize("field", ["title_fr", "title_en", "summary_fr", "summary_en", "axis_fr", "axis_en"])
def test_markup_in_a_measure_is_escaped(field: str) -> None:
    measure = MEASURES[14].model_copy(update={field: MARKUP})
    measures: tuple[StrategyMeasure, ...] = (*MEASURES[:14], measure, MEASURES[15])
    for page in _pages(render(measures, [_view()])).values():
        assert "<script" not in page


def test_every_page_links_to_its_counterpart_in_the_other_language() -> None:
    pages = _pages(render(MEASURES, [_view()]))
    for path, page in pages.items():
        if path == "index.html":
            continue
        lang = path.split("/")[0]
        assert f'<html lang="{lang}">' in page
        to = "en" if lang == "fr" else "fr"
        links = re.findall(rf'<a href="\.\./{to}/([^"]+)" lang="{to}"', page)
        assert len(links) == 1, path
        assert f"{to}/{links[0]}" in pages, (path, links)
        counterpart = pages[f"{to}/{links[0]}"]
        assert re.search(rf'<a href="\.\./{lang}/{re.escape(path.split("/")[1])}" lang="{lang}"', counterpart)


def test_each_page_title_names_the_page_then_the_site_once() -> None:
    """The home page once read "Baromètre numériQc – Baromètre numériQc" in the browser's tab."""
    pages = _pages(render(MEASURES, [_view()]))
    for path, page in pages.items():
        (title,) = re.findall(r"<title>([^<]*)</title>", page)
        site = "numériQc Barometer" if path.startswith("en/") else "Baromètre numériQc"
        if path == "index.html":
            continue
        assert title.count(site) == 1, (path, title)
        assert title == site or title.endswith(f" – {site}"), (path, title)


def test_pages_speak_words_not_the_code_s_class_names() -> None:
    """A rename of the models once reached the labels ("IndicatorTarget", "SeriesPoint de départ"):
    no page, in either language, shows an identifier of the code."""
    from numeriqc.barometer import models

    names = {  # compound identifiers only: "Indicator" or "Benefit" are also English words
        name
        for name in vars(models)
        if isinstance(getattr(models, name), type) and re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", name)
    }
    assert {"IndicatorTarget", "SeriesPoint", "StrategyMeasure"} <= names
    views = [_view(), _view(indicator_id="autre")]
    views += [IndicatorView(indicator(indicator_id=f"s-{s.value}"), _points(), s) for s in IndicatorStatus]
    for path, page in _pages(render(MEASURES, views)).items():
        words = set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", page)))
        assert not words & names, (path, words & names)
    page = _pages(render(MEASURES, [_view()]))["en/indicator-services-en-ligne.html"]
    assert "Target: 80%" in page and "Status: " in page and "Baseline: 40%" in page
    french = _pages(render(MEASURES, [_view()]))["fr/indicateur-services-en-ligne.html"]
    assert re.search(r"Point de départ\W+40", french)


def test_a_chart_has_a_title_a_summary_a_data_table_and_no_script_or_inline_style() -> None:
    page = _pages(render(MEASURES, [_view()]))["fr/indicateur-services-en-ligne.html"]
    assert 'role="img" aria-labelledby="chart-title-services-en-ligne chart-desc-services-en-ligne"' in page
    assert '<title id="chart-title-services-en-ligne">Services offerts en ligne</title>' in page
    assert '<desc id="chart-desc-services-en-ligne">Dernière valeur' in page
    assert page.count('<th scope="row">2026-0') == 3
    assert "Cible" in page and "En bonne voie" in page  # the status in words, not only a colour
    assert "<script" not in page and "style=" not in page


def test_each_page_stays_under_100_kb_with_five_years_of_monthly_values() -> None:
    points = [SeriesPoint(period=f"{2021 + i // 12}-{i % 12 + 1:02d}", value=i, reports=9) for i in range(60)]
    views = [
        IndicatorView(indicator(indicator_id=f"i-{n:03d}", measure=n % 16 + 1), points, IndicatorStatus.MET)
        for n in range(160)
    ]
    site = render(MEASURES, views)
    heaviest = max(len(content) for path, (content, _) in site.items() if path.endswith(".html"))
    assert heaviest < 100 * 1024


def test_open_data_neutralizes_formulas_and_keeps_one_row_per_period() -> None:
    view = _view(name_fr='=HYPERLINK("x")', name_en="+1")
    lines = open_data.to_csv([view]).decode().splitlines()
    assert lines[0].startswith("indicator_id,measure,name_fr")
    assert len(lines) == 4
    assert ",\"'=HYPERLINK(" in lines[1] and ",'+1," in lines[1]


class _Store:
    def __init__(self) -> None:
        self.totals_by: dict[str, list[dict[str, Any]]] = {}
        self.hashes: dict[str, str] = {}
        self.written: list[str] = []

    def indicators(self) -> list[dict[str, Any]]:
        return []

    def indicator(self, indicator_id: str) -> None:
        return None

    def add_indicator(self, item: dict[str, Any]) -> None:
        raise AssertionError("not used")

    def entries(self, kind: str) -> list[dict[str, Any]]:
        return []

    def totals(self, indicator_id: str) -> list[dict[str, Any]]:
        return self.totals_by.get(indicator_id, [])

    def page_hashes(self) -> dict[str, str]:
        return dict(self.hashes)

    def save_page_hashes(self, hashes: dict[str, str]) -> None:
        self.hashes = dict(hashes)

    def write(self, path: str, content: bytes, content_type: str) -> None:
        self.written.append(path)


def test_publishing_writes_everything_once_then_only_what_a_change_touched() -> None:
    store = _Store()
    clock = FrozenClock(datetime(2026, 3, 15, 12, tzinfo=UTC))
    publisher = SitePublisher(
        catalogue=Catalogue(store, clock),
        series=SeriesReading(store, clock),
        register=Register(store, clock=clock),
        manifest=store,
        writer=store,
        clock=clock,
    )
    sink = EventBuffer()
    first = publisher.publish(sink)
    assert len(first.written) == first.files
    assert publisher.publish(sink).written == []
    store.totals_by["feedback-csat"] = [
        {"period": "2026-02", "weighted": 80, "base": 1, "reports": 1, "total": 80}
    ]
    third = publisher.publish(sink)
    assert sorted(third.written) == sorted(
        [
            "fr/index.html",
            "en/index.html",
            "fr/indicateur-feedback-csat.html",
            "en/indicator-feedback-csat.html",
            "donnees/feedback-csat.csv",
            "donnees/feedback-csat.json",
            "donnees/barometre.csv",
            "donnees/barometre.json",
        ]
    )
    assert [event.data for event in sink.take()] == [
        {"files": first.files, "written": first.files},
        {"files": first.files, "written": 8},
    ]
