"""Opening an unsubscribe link shows a confirmation page and changes nothing; its button POSTs the
one-click unsubscribe (RFC 8058), which mail clients keep sending themselves and get JSON for."""

from typing import Any

import pytest

from tests.support.notifications import EMAIL_TEMPLATE, consent, create_template, raw_emails
from tests.support.platform import NewKey, bearer

ZOE = "zoe@example.com"


def _link(platform: Any, key: str) -> str:
    template = create_template(platform, key, EMAIL_TEMPLATE)
    consent(platform, key, "email", ZOE)
    body = {"template_id": template["template_id"], "email_address": ZOE,
            "personalisation": {"prénom": "Zoé", "document": "permis"}}  # fmt: skip
    assert platform.http("POST", "/v1/notifications/email", headers=bearer(key), json=body).status == 201
    platform.drain()
    url = raw_emails()[-1]["List-Unsubscribe"].strip("<>")
    return "/" + url.split("/", 3)[3]


def _status(platform: Any, key: str) -> str:
    answer = platform.http(
        "POST", "/v1/consents/lookup", headers=bearer(key), json={"channel": "email", "recipient": ZOE}
    )
    return str(answer.json()["status"])


@pytest.mark.parametrize(
    ("headers", "query", "language", "button"),
    [
        ({}, "", "fr", "Me désabonner"),
        ({"Accept-Language": "en-CA,en;q=0.9"}, "", "en", "Unsubscribe me"),
        ({"Accept-Language": "en"}, "lang=fr", "fr", "Me désabonner"),
    ],
)
def test_opening_the_link_shows_a_page_and_unsubscribes_nobody(
    platform: Any, new_key: NewKey, headers: dict[str, str], query: str, language: str, button: str
) -> None:
    key = new_key("saaq")
    path = _link(platform, key)
    page = platform.http("GET", path, headers=headers, query=query)
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert f'<html lang="{language}">' in html and f">{button}</button>" in html
    token = path.rsplit("/", 1)[1]
    assert f'<form method="post" action="{token}?lang={language}">' in html
    assert 'name="List-Unsubscribe" value="One-Click"' in html
    assert "<script" not in html and "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"
    assert _status(platform, key) == "active"


def test_the_pages_button_unsubscribes_and_shows_it_while_mail_clients_get_json(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    path = _link(platform, key)
    pressed = platform.http(
        "POST",
        path,
        query="lang=en",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html,*/*;q=0.8"},
        body="List-Unsubscribe=One-Click",
    )
    assert pressed.status == 200 and "You are unsubscribed" in pressed.text
    assert _status(platform, key) == "withdrawn"
    again = platform.http("POST", path, body="List-Unsubscribe=One-Click")  # a mail client, later
    assert again.status == 200 and again.json() == {"unsubscribed": True}


@pytest.mark.parametrize("token", ["pas-un-jeton", "YWJj.ZGVm", "x" * 400])
def test_a_link_this_platform_did_not_sign_is_refused_without_a_page(platform: Any, token: str) -> None:
    answer = platform.http("GET", f"/v1/unsubscribe/{token}", headers={"Accept-Language": "en"})
    assert answer.status == 422 and answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["errors"][0]["code"] == "invalid_token"
