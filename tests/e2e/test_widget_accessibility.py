"""The feedback widget by keyboard alone, in a real browser, in French and in English.

What axe cannot find, checked as a person meets it: the focus ring's contrast against what it is
drawn on, where the focus goes after the server refuses a submission, and that the refusal says
it is an error in words (role and text), not in colour alone. axe runs on the refused state too.
"""

import re
from typing import Any

import pytest

from tests.support.browser import axe_violations

from .test_feedback_e2e import call, demo_key

pytestmark = pytest.mark.e2e

WIDGETS = {"fr": 0, "en": 1}  # web/widget/index.html: the page's language, then data-lang="en"


def _luminance(rgb: tuple[int, int, int]) -> float:
    channels = [value / 255 for value in rgb]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two CSS `rgb(...)` colours."""
    light, dark = sorted((_luminance(_rgb(first)), _luminance(_rgb(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgb(css: str) -> tuple[int, int, int]:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css)[:3])
    return red, green, blue


def _tab_to(page: Any, condition: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!e && ({condition}); }})()"):
            return
    raise AssertionError(f"Tab never reached: {condition}")


def _submit_by_keyboard(page: Any, index: int) -> None:
    """Tab to the widget's first rating, pick the second with an arrow key, Tab to Send, press Enter."""
    inside = f"e.closest('.numeriqc-feedback') === document.querySelectorAll('.numeriqc-feedback')[{index}]"
    _tab_to(page, f"{inside} && e.type === 'radio' && e.name.endsWith('-rating')")
    page.keyboard.press("ArrowRight")
    _tab_to(page, f"{inside} && e.tagName === 'BUTTON'")
    page.keyboard.press("Enter")


def test_the_contrast_check_can_fail() -> None:
    assert contrast("rgb(229, 138, 0)", "rgb(255, 255, 255)") < 3  # the ring this test replaced
    assert contrast("rgb(179, 92, 0)", "rgb(255, 255, 255)") >= 3


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_focus_ring_has_three_to_one_contrast(dev_platform: Any, page: Any, language: str) -> None:
    page.goto(f"{dev_platform.url}/widget/")
    page.wait_for_selector(".numeriqc-feedback form")
    index = WIDGETS[language]
    inside = f"e.closest('.numeriqc-feedback') === document.querySelectorAll('.numeriqc-feedback')[{index}]"
    for control in ("e.type === 'radio'", "e.tagName === 'TEXTAREA'", "e.tagName === 'BUTTON'"):
        _tab_to(page, f"{inside} && {control}")
        ring = page.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                return {color: s.outlineColor, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                        offset: parseFloat(s.outlineOffset), visible: e.matches(':focus-visible'),
                        around: getComputedStyle(e.closest('form')).backgroundColor}; }"""
        )
        assert ring["visible"] and ring["style"] == "solid" and ring["width"] >= 2, ring
        assert ring["offset"] > 0, ring  # drawn on the form's background, not on the control
        assert contrast(ring["color"], ring["around"]) >= 3, ring


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_refused_submission_by_keyboard_focuses_a_marked_error(
    dev_platform: Any, page: Any, language: str
) -> None:
    page.goto(f"{dev_platform.url}/widget/")
    page.wait_for_selector(".numeriqc-feedback form")
    index = WIDGETS[language]
    # A service nobody registered: the server's own refusal, in the widget's language.
    page.evaluate(
        f"document.querySelectorAll('.numeriqc-feedback')[{index}].dataset.service = 'inconnu.rien'"
    )
    _submit_by_keyboard(page, index)
    page.wait_for_function(
        "document.activeElement && document.activeElement.getAttribute('role') === 'alert'"
    )
    error = page.evaluate(
        """(() => { const e = document.activeElement;
            const hosts = [...document.querySelectorAll('.numeriqc-feedback')];
            return {text: e.textContent, lang: e.closest('form').lang,
                    widget: hosts.indexOf(e.closest('.numeriqc-feedback'))}; })()"""
    )
    assert error["widget"] == index and error["lang"] == language
    assert error["text"].startswith("⚠ " + ("Erreur : " if language == "fr" else "Error: ")), error
    assert len(error["text"]) > len("⚠ Erreur : ") + 5, error  # the server's reason follows
    assert axe_violations(page) == []
    # Sending again by keyboard works from where the focus now is, and clears the error.
    service = _service(dev_platform)
    page.evaluate(f"document.querySelectorAll('.numeriqc-feedback')[{index}].dataset.service = '{service}'")
    _tab_to(page, f"e.tagName === 'BUTTON' && e.closest('form').lang === '{language}'")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.activeElement && document.activeElement.getAttribute('role') === 'status'"
    )
    thanks = page.evaluate("document.activeElement.textContent")
    assert thanks.startswith("Merci" if language == "fr" else "Thank you"), thanks
    assert page.evaluate("document.querySelectorAll('[role=alert]:not(:empty)').length") == 0
    assert axe_violations(page) == []


def _service(dev_platform: Any) -> str:
    """A service of the demo organization the widget can submit to (registered once per session)."""
    auth = {"Authorization": f"Bearer {demo_key(dev_platform)}"}
    body = {"slug": "widget-a11y", "name_fr": "Essai clavier", "name_en": "Keyboard test"}
    status, _, answer = call("POST", f"{dev_platform.url}/v1/services", body, auth)
    assert status in (201, 409), answer
    return "demo.widget-a11y"  # `<organization>.<slug>`, as test_feedback_e2e's demo.e2e
