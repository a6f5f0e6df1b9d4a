"""The participation page in a real headless browser: axe-core (WCAG 2.1 A and AA) on the page as
loaded, after a refused answer and after a saved one; answered with the keyboard alone; French and
English; refusals and saved votes announced to screen readers."""

import json
import urllib.request
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.browser import axe_violations
from tests.support.consultations import consultation_body

from .test_feedback_e2e import call, demo_key

pytestmark = pytest.mark.e2e


def _open_consultation(dev_platform: Any) -> str:
    url, key = dev_platform.url, demo_key(dev_platform)
    auth = {"Authorization": f"Bearer {key}"}
    status, _, body = call("POST", f"{url}/v1/consultations", consultation_body(), auth)
    assert status == 201, body
    cid = json.loads(body)["consultation_id"]
    now = datetime.now(UTC)
    window = {"opens_at": now.isoformat(), "closes_at": (now + timedelta(days=1)).isoformat()}
    status, _, body = call("POST", f"{url}/v1/consultations/{cid}/schedule", window, auth)
    assert status == 200, body
    statement = {"text": {"fr": "Le service du soir doit augmenter.", "en": "Evening service must grow."}}
    status, _, body = call("POST", f"{url}/v1/consultations/{cid}/statements", statement, auth)
    assert status == 201, body
    return str(cid)


@pytest.fixture(scope="module")
def consultation(dev_platform: Any) -> str:
    return _open_consultation(dev_platform)


def _load(page: Any, dev_platform: Any, cid: str, lang: str = "fr") -> None:
    page.goto(f"{dev_platform.url}/consultation/?id={cid}&lang={lang}")
    page.wait_for_selector("#answers:not([hidden]) button[type=submit]")
    page.wait_for_selector("#statements:not([hidden])")


def test_the_page_is_served(dev_platform: Any) -> None:
    with urllib.request.urlopen(f"{dev_platform.url}/consultation/consultation.js", timeout=30) as response:
        assert b"/v1/public/consultations/" in response.read()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_accessibility_violation_loaded_refused_or_saved(
    dev_platform: Any, page: Any, consultation: str, lang: str
) -> None:
    _load(page, dev_platform, consultation, lang)
    assert page.evaluate("document.documentElement.lang") == lang
    assert axe_violations(page) == []
    page.click("button[type=submit]")  # q_mode is required: refused
    page.wait_for_selector("#errors:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "errors"
    assert axe_violations(page) == []
    page.check("#q-q_mode-velo")
    page.click("button[type=submit]")
    page.wait_for_selector("#receipt:not([hidden])")
    assert axe_violations(page) == []


def test_answered_and_voted_with_the_keyboard_alone(dev_platform: Any, page: Any, consultation: str) -> None:
    _load(page, dev_platform, consultation, "en")
    visible = page.evaluate(
        "Array.from(document.querySelectorAll('[id^=block-]:not([hidden])')).map(e => e.id)"
    )
    assert "block-q_mode" in visible and "block-q_why" not in visible  # shown only after "Bus"
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the language link
    page.keyboard.press("Tab")  # the first option of the first question
    assert page.evaluate("document.activeElement.id") == "q-q_mode-bus"
    page.keyboard.press("Space")  # choose "Bus": the conditional question appears
    assert page.is_visible("#block-q_why")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q-q_why"
    page.keyboard.type("Because it is close")
    page.focus("#q-q_comment")
    # To the submit button by Tab alone, then Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    page.wait_for_selector("#receipt:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "receipt"
    assert "Your answers are saved" in page.text_content("#status")
    page.focus("#statement-list button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#status').textContent.startsWith('Vote saved')")
    assert page.get_attribute("#statement-list button", "aria-pressed") == "true"
