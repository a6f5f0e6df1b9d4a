"""The local platform as a place to work, used as a developer would: Swagger UI offline, the outbox
viewer, an unsubscribe link followed to its confirmation page and pressed, the movable clock."""

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.support.browser import axe_violations

from .test_feedback_e2e import call, demo_key

pytestmark = pytest.mark.e2e


@pytest.fixture
def audited_page(browser: Any) -> Iterator[Any]:
    """A page axe can be injected into: these pages' policies forbid every script, axe's included
    (the policies themselves are checked on the responses, in the integration tests)."""
    context = browser.new_context(bypass_csp=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def _offline(page: Any, origin: str) -> list[str]:
    """Refuse every request to another origin (as without internet); answers what was attempted."""
    attempted: list[str] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(origin):
            request_route.continue_()
        else:
            attempted.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    return attempted


def _csp_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return errors


def test_swagger_ui_works_offline_under_a_strict_policy(dev_platform: Any, page: Any) -> None:
    attempted, refused = _offline(page, dev_platform.url), _csp_errors(page)
    response = page.goto(f"{dev_platform.url}/docs")
    policy = response.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    page.wait_for_selector(".opblock", timeout=30000)  # operations rendered from /openapi.json
    assert page.locator(".opblock").count() > 20
    assert attempted == [] and refused == []


def test_an_email_seen_in_the_viewer_and_unsubscribed_from_its_confirmation_page(
    dev_platform: Any, audited_page: Any
) -> None:
    page = audited_page
    url, auth = dev_platform.url, {"Authorization": f"Bearer {demo_key(dev_platform)}"}
    recipient = "viewer@exemple.ca"
    template = {
        "channel": "email",
        "name": "viewer",
        "subject": "Rappel ((quoi))",
        "body": "Bonjour **Zoé**.",
    }
    status, _, body = call("POST", f"{url}/v1/templates", template, auth)
    assert status == 201, body
    consent = {"channel": "email", "recipient": recipient, "purpose": "rappels", "source": "e2e"}
    assert call("POST", f"{url}/v1/consents", consent, auth)[0] == 201
    send = {
        "template_id": json.loads(body)["template_id"],
        "email_address": recipient,
        "personalisation": {"quoi": "permis"},
    }
    assert call("POST", f"{url}/v1/notifications/email", send, auth)[0] == 201
    assert call("POST", f"{url}/_local/drain")[0] == 200
    attempted = _offline(page, url)

    for language in ("fr", "en"):
        page.goto(f"{url}/_local/viewer?lang={language}")
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == []
    page.get_by_role("link", name="Rappel permis").first.click()
    frame = page.locator("iframe")
    assert frame.get_attribute("sandbox") == ""  # every restriction: no script, form or navigation
    assert "Zoé" in page.frame_locator("iframe").locator("body").inner_text()
    assert page.get_by_text("List-Unsubscribe-Post").count() == 1
    assert axe_violations(page) == []

    page.get_by_role("link", name="Follow the link (confirmation page, GET)").click()
    assert urlparse(page.url).path.startswith("/v1/unsubscribe/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []
    assert _consent_status(url, auth, recipient) == "active"  # opening the link changed nothing
    page.get_by_role("link", name="Français").click()
    assert page.locator("h1").inner_text() == "Se désabonner"
    assert axe_violations(page) == []
    page.get_by_role("button", name="Me désabonner").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Vous êtes désabonné")
    assert axe_violations(page) == []
    assert _consent_status(url, auth, recipient) == "withdrawn"
    assert attempted == []


def _consent_status(url: str, auth: dict[str, str], recipient: str) -> str:
    status, _, body = call(
        "POST", f"{url}/v1/consents/lookup", {"channel": "email", "recipient": recipient}, auth
    )
    assert status == 200, body
    return str(json.loads(body)["status"])


def test_the_clock_moves_and_health_says_so_until_reset(dev_platform: Any) -> None:
    url = dev_platform.url
    assert json.loads(call("GET", f"{url}/health")[2])["clock"] is None
    try:
        status, _, body = call("POST", f"{url}/_local/clock/advance?by=30d")
        assert status == 200 and json.loads(body)["real"] is False
        shown = json.loads(call("GET", f"{url}/health")[2])["clock"]
        assert 30 * 86400 - 60 < shown["offset_seconds"] <= 30 * 86400 + 60
        refused = call("POST", f"{url}/_local/clock/advance?by=bientot")
        assert refused[0] == 400 and b"30d" in refused[2]
    finally:
        assert call("POST", f"{url}/_local/clock/reset")[0] == 200
    assert json.loads(call("GET", f"{url}/health")[2])["clock"] is None
