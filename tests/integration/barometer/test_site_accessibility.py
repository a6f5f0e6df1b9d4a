"""The public site in a real headless Chromium: axe-core finds no WCAG 2.1 A/AA violation on any
kind of page, in either language, and the pages work under the deployed content security policy
(no script, styles from the site only) with nothing refused.

The site is the real generator's output for every kind of content (every status, an indicator
without data, text with characters that need escaping), served to the browser through Playwright's
routing with the headers CloudFront adds.
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from numeriqc.barometer.models import (
    Achievement,
    AchievementStatus,
    Benefit,
    BenefitKind,
    Estimate,
    IndicatorBaseline,
    IndicatorStatus,
    MeasurementIn,
    Moderation,
    SeriesPoint,
)
from numeriqc.barometer.series import IndicatorView
from numeriqc.barometer.site_publication import render
from numeriqc.barometer.strategy import AUTOMATIC, MEASURES
from numeriqc_infra.barometer import CONTENT_SECURITY_POLICY
from tests.support.barometer import indicator
from tests.support.browser import axe_violations

ORIGIN = "https://barometre.test"


def _site() -> dict[str, tuple[bytes, str]]:
    points = [
        SeriesPoint(period=f"{2024 + i // 12}-{i % 12 + 1:02d}", value=50 + i, reports=3) for i in range(24)
    ]
    statuses = list(IndicatorStatus)
    views = [
        IndicatorView(found, points if n % 3 else [], statuses[n % len(statuses)])
        for n, found in enumerate(AUTOMATIC)
    ]
    views.append(
        IndicatorView(
            indicator(
                name_fr="Délai < 30 jours & « services » en ligne",
                description_fr="Part des demandes traitées en moins de 30 jours.",
                baseline=IndicatorBaseline(value=40, date=date(2023, 12, 31)),
            ),
            points,
            IndicatorStatus.ON_TRACK,
        )
    )
    now = datetime(2026, 5, 1, tzinfo=UTC)
    benefit = Benefit(
        benefit_id="permis-en-ligne",
        org_id="saaq",
        measure=16,
        title_fr="Permis en ligne",
        title_en="Online licences",
        kind=BenefitKind.HOURS_SAVED,
        method_fr="Temps évité x demandes",
        method_en="Time avoided x requests",
        assumptions_fr="20 minutes par demande",
        assumptions_en="20 minutes per request",
        estimates=[Estimate(period="2026-Q1", value=1000), Estimate(period="2026-Q2", value=1500)],
        measurements={"2026-Q1": MeasurementIn(period="2026-Q1", measured=1200, reinvested=5000)},
        moderation=Moderation.APPROVED,
        created_at=now,
    )
    achievement = Achievement(
        achievement_id="rendez-vous",
        org_id="saaq",
        title_fr="Prise de rendez-vous",
        title_en="Appointment booking",
        summary_fr="Réserver en ligne.",
        summary_en="Book online.",
        links=["https://saaq.gouv.qc.ca/rendez-vous"],
        status=AchievementStatus.DELIVERED,
        date=date(2026, 4, 1),
        measures=[7, 9],
        moderation=Moderation.APPROVED,
        created_at=now,
    )
    return render(MEASURES, views, [benefit], [achievement])


SITE = _site()
PAGES = [
    "index.html",
    "fr/index.html",
    "en/index.html",
    "fr/indicateur-services-en-ligne.html",
    "en/indicator-services-en-ligne.html",
    "fr/indicateur-notifications-sent-email.html",  # no data yet
    "en/indicator-feedback-csat.html",
    "fr/donnees-ouvertes.html",
    "en/open-data.html",
    "fr/benefices.html",
    "en/benefits.html",
    "fr/vitrine.html",
    "en/showcase.html",
]


def _serve(route: Any) -> None:
    path = route.request.url.removeprefix(f"{ORIGIN}/")
    if path not in SITE:
        route.fulfill(status=404, body="")
        return
    content, kind = SITE[path]
    headers = {"content-type": kind, "content-security-policy": CONTENT_SECURITY_POLICY}
    route.fulfill(status=200, body=content, headers=headers)


@pytest.fixture
def site_page(browser: Any) -> Iterator[Any]:
    """A page whose context lets axe's script in (bypass_csp): the audit, not the policy, is tested."""
    context = browser.new_context(bypass_csp=True)
    context.route(f"{ORIGIN}/**", _serve)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_kind_of_page_has_no_accessibility_violation(site_page: Any, path: str) -> None:
    site_page.goto(f"{ORIGIN}/{path}")
    assert axe_violations(site_page) == []


def test_the_pages_work_under_the_deployed_content_security_policy(browser: Any) -> None:
    context = browser.new_context()  # the policy enforced
    context.route(f"{ORIGIN}/**", _serve)
    refused: list[str] = []
    try:
        page = context.new_page()
        page.on(
            "console",
            lambda message: refused.append(message.text) if "Content Security" in message.text else None,
        )
        for path in PAGES:
            page.goto(f"{ORIGIN}/{path}")
            border = page.evaluate("getComputedStyle(document.body).maxWidth")
            assert border == "1024px", path  # the stylesheet was allowed and applied
            assert page.evaluate("document.scripts.length") == 0
    finally:
        context.close()
    assert refused == []


def test_the_summary_and_table_say_what_the_chart_shows(site_page: Any) -> None:
    site_page.goto(f"{ORIGIN}/en/indicator-services-en-ligne.html")
    chart = site_page.get_by_role("img", name="Services offered online")
    assert chart.count() == 1
    assert "Latest value: 73% (2025-12)" in site_page.locator("desc").text_content()
    assert site_page.get_by_role("table").get_by_role("row").count() == 25
