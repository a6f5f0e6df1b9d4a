"""The participation page's phone step (eligibility `sms`) in a real headless browser, French and
English: the number, the code read from the local outbox as a citizen reads their phone, the code
sent with the first answer; axe-core (WCAG 2.1 A and AA) on every step; keyboard alone; every
refusal (a wrong code with its tries left, a number that already took part, an invitation code
that does not exist) in the error summary (role=alert, focused) in the page's language."""

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.browser import axe_violations
from tests.support.consultations import consultation_body

from .test_feedback_e2e import call, demo_key

pytestmark = pytest.mark.e2e

# One number per language: a number takes part once per consultation.
NUMBERS = {"fr": ("514 234 5611", "+15142345611"), "en": ("514 234 5622", "+15142345622")}
TEXTS = {
    "fr": {
        "wrong": "Essais restants : 4",
        "used": "a déjà participé",
        "saved": "Vos réponses sont enregistrées",
    },
    "en": {"wrong": "Tries left: 4", "used": "already taken part", "saved": "Your answers are saved"},
}


def _open(dev_platform: Any, eligibility: str) -> str:
    url, auth = dev_platform.url, {"Authorization": f"Bearer {demo_key(dev_platform)}"}
    status, _, body = call(
        "POST", f"{url}/v1/consultations", consultation_body(eligibility=eligibility), auth
    )
    assert status == 201, body
    cid = str(json.loads(body)["consultation_id"])
    now = datetime.now(UTC)
    window = {"opens_at": now.isoformat(), "closes_at": (now + timedelta(days=1)).isoformat()}
    status, _, body = call("POST", f"{url}/v1/consultations/{cid}/schedule", window, auth)
    assert status == 200, body
    return cid


def _code_for(dev_platform: Any, e164: str) -> str:
    """The latest code the outbox holds for the number, once the queues are drained."""
    status, _, body = call("POST", f"{dev_platform.url}/_local/drain", None, {})
    assert status == 200, body
    status, _, body = call("GET", f"{dev_platform.url}/_local/outbox", None, {})
    assert status == 200, body
    texts = [m["body"] for m in json.loads(body) if m["kind"] == "sms" and e164 in m["to"]]
    codes = [match[1] for text in texts if (match := re.search(r"\b(\d{6})\b", text))]
    assert codes, f"no code sent to {e164}"
    return codes[-1]


def _focused(page: Any) -> str:
    return str(page.evaluate("document.activeElement.id"))


def _tab_to_submit(page: Any) -> None:
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.type === 'submit' && !!document.activeElement.closest('#answers')"
        ):
            return
    raise AssertionError("the answers' submit button is not reachable by Tab")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_phone_step_by_keyboard_alone_with_no_accessibility_violation(
    dev_platform: Any, browser: Any, page: Any, lang: str
) -> None:
    cid = _open(dev_platform, "sms")
    typed, e164 = NUMBERS[lang]
    texts = TEXTS[lang]
    page.goto(f"{dev_platform.url}/consultation/?id={cid}&lang={lang}")
    page.wait_for_selector("#verify:not([hidden])")
    assert page.is_hidden("#answers")  # the questions come once a code was sent
    assert axe_violations(page) == []

    # Step 1, the number: skip link, language link, then the number field; Enter asks for a code.
    for _ in range(3):
        page.keyboard.press("Tab")
    assert _focused(page) == "phone"
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'sms-code'")
    assert page.is_visible("#answers")
    assert "SMS" in page.text_content("#status") or "texto" in page.text_content("#status")
    assert axe_violations(page) == []  # step 2, the code

    code = _code_for(dev_platform, e164)
    wrong = "000000" if code != "000000" else "111111"
    page.keyboard.type(wrong)
    page.keyboard.press("Tab")  # the first option of the first question
    assert _focused(page) == "q-q_mode-velo" or page.evaluate("document.activeElement.name") == "q_mode"
    page.keyboard.press("Space")
    _tab_to_submit(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("#errors:not([hidden])")
    assert _focused(page) == "errors"
    assert texts["wrong"] in page.text_content("#errors")
    assert page.get_attribute("#sms-code", "aria-invalid") == "true"
    assert axe_violations(page) == []  # the refusal

    # The summary's link leads back to the code field; Enter in it sends the answers again.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _focused(page) == "sms-code"
    page.keyboard.press("Control+A")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_selector("#receipt:not([hidden])")
    assert _focused(page) == "receipt"
    assert texts["saved"] in page.text_content("#status")
    assert page.is_hidden("#verify") and page.query_selector("#sms-code") is None
    assert axe_violations(page) == []  # saved

    # Someone else (another browser) with the same number: refused before any code is sent.
    context = browser.new_context()
    try:
        other = context.new_page()
        other.goto(f"{dev_platform.url}/consultation/?id={cid}&lang={lang}")
        other.wait_for_selector("#verify:not([hidden])")
        other.fill("#phone", typed)
        other.press("#phone", "Enter")
        other.wait_for_selector("#errors:not([hidden])")
        assert other.evaluate("document.activeElement.id") == "errors"
        assert other.get_attribute("#errors", "role") == "alert"
        assert texts["used"] in other.text_content("#errors")
        assert other.get_attribute("#phone", "aria-invalid") == "true"
        assert axe_violations(other) == []
    finally:
        context.close()


def test_an_invitation_consultation_asks_for_the_code_and_shows_its_refusal(
    dev_platform: Any, page: Any
) -> None:
    cid = _open(dev_platform, "invitation")
    page.goto(f"{dev_platform.url}/consultation/?id={cid}&lang=en")
    page.wait_for_selector("#answers:not([hidden]) #invitation-code")
    assert page.is_hidden("#verify")
    assert axe_violations(page) == []
    page.fill("#invitation-code", "NOT-A-CODE")
    page.check("#q-q_mode-velo")
    page.click("#answers button[type=submit]")
    page.wait_for_selector("#errors:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "errors"
    assert "invitation code is unknown" in page.text_content("#errors")
    assert page.get_attribute("#invitation-code", "aria-invalid") == "true"
    assert axe_violations(page) == []
