"""The public site, rebuilt from the data and written where it changed. Logic over ports.

`render` is pure: the measures and every indicator's series in, every file of the site out
(pages in both languages, open data, the stylesheet). `SitePublisher.publish` reads the series
(one Query per indicator plus one for the indicators; never a scan), renders, and writes only the
files whose content hash differs from the manifest of the last publication, then saves the
manifest: a report that moves one indicator rewrites that indicator's pages and data, the homes and
the whole-set files, and nothing else. It is idempotent: publishing twice writes nothing the
second time.
"""

import hashlib
from dataclasses import dataclass

from numeriqc.barometer import open_data
from numeriqc.barometer.indicators import Catalogue
from numeriqc.barometer.models import Achievement, Benefit, StrategyMeasure
from numeriqc.barometer.ports import SiteManifest, SiteWriter
from numeriqc.barometer.register import Register
from numeriqc.barometer.series import IndicatorView, SeriesReading
from numeriqc.barometer.site_pages import (
    BENEFITS,
    DATA_DIR,
    HOME,
    INDICATOR,
    OPEN_DATA,
    SHOWCASE,
    SITE_NAME,
    benefits_body,
    home,
    indicator_body,
    indicator_page,
    landing,
    layout,
    open_data_body,
    other,
    showcase_body,
)
from numeriqc.barometer.site_style import STYLESHEET
from numeriqc.barometer.site_text import LANGS, pick
from numeriqc.barometer.strategy import MEASURES, PLATFORM_OWNER
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink, cloud_event

HTML = "text/html; charset=utf-8"
JSON = "application/json"
Site = dict[str, tuple[bytes, str]]  # path -> (content, content type)


@dataclass(frozen=True)
class Publication:
    files: int
    written: list[str]


def render(
    measures: tuple[StrategyMeasure, ...],
    views: list[IndicatorView],
    benefits: list[Benefit] | None = None,
    achievements: list[Achievement] | None = None,
) -> Site:
    site: Site = {"index.html": (landing().encode(), HTML), "site.css": (STYLESHEET.encode(), "text/css")}
    by_number = {measure.number: measure for measure in measures}
    for lang in LANGS:
        to = other(lang)
        title = pick(SITE_NAME, lang)
        site[f"{lang}/{HOME[lang]}"] = (
            layout(lang, title, HOME[lang], HOME[to], home(measures, views, lang)).encode(),
            HTML,
        )
        open_title = pick(("Données ouvertes", "Open data"), lang)
        site[f"{lang}/{OPEN_DATA[lang]}"] = (
            layout(lang, open_title, OPEN_DATA[lang], OPEN_DATA[to], open_data_body(views, lang)).encode(),
            HTML,
        )
        for pages, title_pair, body in (
            (BENEFITS, ("Registre des bénéfices", "Benefits register"), benefits_body(benefits or [], lang)),
            (SHOWCASE, ("Vitrine numérique", "Digital Showcase"), showcase_body(achievements or [], lang)),
        ):
            site[f"{lang}/{pages[lang]}"] = (
                layout(lang, pick(title_pair, lang), pages[lang], pages[to], body).encode(),
                HTML,
            )
        for view in views:
            indicator = view.indicator
            page = indicator_page(indicator.indicator_id, lang)
            name = pick((indicator.name_fr, indicator.name_en), lang)
            body = indicator_body(view, by_number[indicator.measure], lang)
            counterpart = INDICATOR[to].format(id=indicator.indicator_id)
            site[f"{lang}/{page}"] = (layout(lang, name, page, counterpart, body).encode(), HTML)
    for view in views:
        site[f"{DATA_DIR}/{view.indicator.indicator_id}.csv"] = (
            open_data.to_csv([view]),
            "text/csv; charset=utf-8",
        )
        site[f"{DATA_DIR}/{view.indicator.indicator_id}.json"] = (open_data.indicator_json(view), JSON)
    site[f"{DATA_DIR}/barometre.csv"] = (open_data.to_csv(views), "text/csv; charset=utf-8")
    site[f"{DATA_DIR}/barometre.json"] = (open_data.whole_json(views), JSON)
    return site


def digest(content: bytes, content_type: str) -> str:
    return hashlib.sha256(content_type.encode() + b"\n" + content).hexdigest()


class SitePublisher:
    def __init__(
        self,
        *,
        catalogue: Catalogue,
        series: SeriesReading,
        register: Register,
        manifest: SiteManifest,
        writer: SiteWriter,
        clock: Clock = installed_clock,
    ) -> None:
        self._catalogue = catalogue
        self._series = series
        self._register = register
        self._manifest = manifest
        self._writer = writer
        self._clock = clock

    def views(self) -> list[IndicatorView]:
        return [self._series.view(indicator) for indicator in self._catalogue.list()]

    def publish(self, sink: EventSink) -> Publication:
        site = render(MEASURES, self.views(), self._register.benefits(), self._register.achievements())
        known = self._manifest.page_hashes()
        hashes = {path: digest(content, kind) for path, (content, kind) in site.items()}
        written = sorted(path for path, value in hashes.items() if known.get(path) != value)
        for path in written:
            content, kind = site[path]
            self._writer.write(path, content, kind)
        if written:
            self._manifest.save_page_hashes(hashes)
            now = self._clock()
            data = {"files": len(site), "written": len(written)}
            sink.emit(cloud_event("barometer", "site.published", PLATFORM_OWNER, data, clock=lambda: now))
        return Publication(len(site), written)
