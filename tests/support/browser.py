"""A real headless browser for accessibility checks: Chromium driven by Playwright, audited by axe-core.

Why a real browser: axe-core judges the page as rendered (computed contrast, focus order, the
accessibility tree), which no HTML parser can. Chromium comes from Debian (`apt-get install chromium`;
`.ci/run` installs it) and Playwright is pointed at it with `executable_path`, because Playwright's
own browser download is blocked here. axe-core comes from npm (`node_modules/`, `make test` installs it).

Without Chromium the browser tests are skipped with the reason, unless `NUMERIQC_REQUIRE_BROWSER=1`
(set by `.ci/run`), where a missing browser fails them instead: CI never passes a check it did not run.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The rule tags of WCAG 2.1 levels A and AA: the level the platform's pages promise.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path() -> str | None:
    """The system Chromium, or the one named by `NUMERIQC_CHROMIUM`."""
    named = os.environ.get("NUMERIQC_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _unavailable(reason: str) -> None:
    if os.environ.get("NUMERIQC_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session (each test opens its own page)."""
    executable = chromium_path()
    if executable is None:
        _unavailable("no Chromium found (apt-get install chromium)")
    if not AXE_SCRIPT.is_file():
        _unavailable(f"axe-core missing at {AXE_SCRIPT} (npm ci)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (its own context: no cookies or storage shared between tests)."""
    context = browser.new_context()
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


def axe_violations(page: Any, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; answers its violations (empty when the page passes).

    Each violation keeps axe's `id`, `impact`, `help` and the failing nodes' `target`, enough for an
    assertion message that says what to fix.
    """
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags or WCAG_21_AA,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation.get("impact"),
            "help": violation.get("help"),
            "targets": [node.get("target") for node in violation.get("nodes", [])],
        }
        for violation in result["violations"]
    ]
