"""The outbox viewer: every message listed, an email's HTML only ever inside a sandbox, both languages."""

from numeriqc_local.aws.outbox import OutboxMessage, _sms_info, _unsubscribe_link
from numeriqc_local.dev.outbox_viewer import BODY_POLICY, PREFIX, serve

HOSTILE = '<p>Bonjour</p><script>alert(1)</script><img src="https://tracker.example/p.gif">'
EMAIL = OutboxMessage(
    "email",
    "m-1",
    ["zoe@example.com"],
    "Bonjour <Zoé>",
    "avis@numeriqc.example",
    "Votre rendez-vous <demain>",
    html=HOSTILE,
    headers=[("List-Unsubscribe", "<http://127.0.0.1:3000/v1/unsubscribe/abc.def>")],
    raw="Subject: x\r\n\r\nBonjour",
    unsubscribe_url="http://127.0.0.1:3000/v1/unsubscribe/abc.def",
    one_click=True,
)
SMS = OutboxMessage(
    "sms", "s-1", ["+15142345678"], "Rappel : êtes-vous là?", sms=_sms_info("Rappel : êtes-vous là?")
)


def _get(path: str, query: str = "") -> tuple[int, dict[str, str], str]:
    response = serve([EMAIL, SMS], "GET", path, query)
    assert response is not None
    return response.status, response.headers, response.content.decode()


def test_the_list_shows_every_message_newest_first_with_its_status_in_both_languages() -> None:
    status, headers, page = _get(PREFIX)
    assert status == 200 and '<html lang="fr">' in page
    assert page.index("Rappel") < page.index("Votre rendez-vous &lt;demain&gt;")  # escaped, newest first
    assert page.count(">envoyé<") == 2
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none': no script at all
    _, _, english = _get(PREFIX, "lang=en")
    assert '<html lang="en">' in english and english.count(">sent<") == 2


def test_an_emails_html_is_shown_only_in_a_sandboxed_frame_served_under_a_sandbox_policy() -> None:
    _, _, page = _get(f"{PREFIX}/1")
    assert "<script>" not in page and "tracker.example" not in page
    assert f'<iframe sandbox src="{PREFIX}/1/body.html"' in page
    assert "Bonjour &lt;Zoé&gt;" in page  # the text part, escaped, beside it
    status, headers, body = _get(f"{PREFIX}/1/body.html")
    assert status == 200 and body == HOSTILE
    assert headers["content-security-policy"] == BODY_POLICY and BODY_POLICY.startswith("sandbox;")


def test_the_unsubscribe_link_is_followed_on_this_server_by_get_or_one_click_post() -> None:
    _, _, page = _get(f"{PREFIX}/1", "lang=en")
    assert 'href="/v1/unsubscribe/abc.def?lang=en"' in page
    assert '<form method="post" action="/v1/unsubscribe/abc.def?lang=en">' in page
    assert 'name="List-Unsubscribe" value="One-Click"' in page
    status, headers, raw = _get(f"{PREFIX}/1/message.eml")
    assert status == 200 and headers["content-type"] == "message/rfc822" and raw.startswith("Subject: x")


def test_an_sms_shows_its_encoding_and_fragments() -> None:
    _, _, page = _get(f"{PREFIX}/2")
    assert "Encodage</th><td>UCS-2<" in page
    assert "UCS-2</th><td>ê<" in page  # the characters that force UCS-2: what to change to get GSM-7 back
    assert "Fragments</th><td>1<" in page


def test_unknown_messages_and_parts_are_not_found_and_other_paths_are_not_the_viewers() -> None:
    for path in (f"{PREFIX}/3", f"{PREFIX}/0", f"{PREFIX}/x", f"{PREFIX}/2/body.html", f"{PREFIX}/1/other"):
        assert _get(path)[0] == 404
    assert serve([EMAIL], "GET", "/_local/outbox", "") is None
    assert serve([EMAIL], "POST", PREFIX, "") is None


def test_list_unsubscribe_keeps_the_web_link() -> None:
    assert _unsubscribe_link("<mailto:u@x.example>, <https://api.example/v1/unsubscribe/t>") == (
        "https://api.example/v1/unsubscribe/t"
    )
    assert _unsubscribe_link("<mailto:u@x.example>") is None


def test_the_status_says_what_the_providers_receipt_said_in_both_languages() -> None:
    """A user reads "delivered" or "bounced (Permanent)", not "sent" for every message."""
    from dataclasses import replace

    messages = [
        replace(SMS, receipt="SUCCESS"),
        replace(SMS, id="s-2", receipt="FAILURE", receipt_detail="Invalid phone number"),
        replace(EMAIL, receipt="Bounce", receipt_detail="Permanent"),
    ]
    pages = {}
    for language in ("fr", "en"):
        response = serve(messages, "GET", PREFIX, f"lang={language}")
        assert response is not None
        pages[language] = response.content.decode()
    assert ">envoyé · livré<" in pages["fr"] and ">sent · delivered<" in pages["en"]
    assert ">envoyé · échec (Invalid phone number)<" in pages["fr"]
    assert ">sent · bounced (Permanent)<" in pages["en"]
    detail = serve(messages, "GET", f"{PREFIX}/3", "lang=en")
    assert detail is not None and "sent · bounced (Permanent)" in detail.content.decode()
