"""Consent per purpose through the API: a template (or a send, a bulk job, overriding it) names the
purpose it serves, and consent is checked for that purpose and channel; naming none is the default
purpose, which any active consent covers, so clients that never name one keep working."""

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.notifications import SMS_TEMPLATE, consent, create_template, send_sms
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal: outside SMS quiet hours
REMINDERS, SURVEYS = "+15142340001", "+15142340002"


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    platform.clock.set(MORNING)


def _consent(platform: Any, key: str, number: str, purpose: str) -> dict[str, Any]:
    answer = platform.http(
        "POST",
        "/v1/consents",
        headers=bearer(key),
        json={"channel": "sms", "recipient": number, "purpose": purpose, "source": "formulaire-papier"},
    )
    assert answer.status == 201, answer.text
    recorded: dict[str, Any] = answer.json()
    return recorded


def test_a_send_needs_consent_for_its_purpose_and_the_default_purpose_needs_any(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    permits = create_template(platform, key, {**SMS_TEMPLATE, "purpose": "rappels-permis"})
    assert permits["purpose"] == "rappels-permis"
    plain = create_template(platform, key, SMS_TEMPLATE)["template_id"]
    _consent(platform, key, REMINDERS, "rappels-permis")
    consent(platform, key, "sms", SURVEYS)  # the helper's purpose: "rappels"

    assert send_sms(platform, key, permits["template_id"], REMINDERS).status == 201
    refused = platform.http(
        "POST",
        "/v1/notifications/sms",
        headers=bearer(key, "en"),
        json={"template_id": permits["template_id"], "phone_number": SURVEYS,
              "personalisation": {"prénom": "Zoé", "date": "1er mars"}},
    )  # fmt: skip
    assert refused.status == 422
    assert refused.headers["content-language"] == "en"
    [error] = refused.json()["errors"]
    assert (error["field"], error["code"]) == ("body.phone_number", "no-consent-for-purpose")
    assert "rappels-permis" in error["detail"] and "purpose" in error["detail"]
    # the default purpose (no purpose named): any active consent, as before purposes were checked
    assert send_sms(platform, key, plain, SURVEYS).status == 201
    # a send names a purpose over its template's
    named = send_sms(platform, key, plain, SURVEYS, purpose="rappels-permis")
    assert named.status == 422 and named.json()["errors"][0]["code"] == "no-consent-for-purpose"
    # a second purpose is added to the active consent; the first is kept
    assert _consent(platform, key, SURVEYS, "rappels-permis")["purposes"] == ["rappels", "rappels-permis"]
    assert send_sms(platform, key, permits["template_id"], SURVEYS).status == 201

    # a bulk job's rows are checked for the job's purpose (the template's here), like a one-off
    newcomer = "+15142340003"
    _consent(platform, key, newcomer, "sondages")
    job = platform.http(
        "POST",
        "/v1/notifications/bulk",
        headers=bearer(key),
        json={
            "template_id": permits["template_id"],
            "rows": [
                {"phone_number": number, "prénom": "A", "date": "lundi"} for number in (REMINDERS, newcomer)
            ],
        },
    )
    assert job.status == 201, job.text
    platform.drain()
    items = platform.http(
        "GET", "/v1/notifications", headers=bearer(key), query={"job_id": job.json()["job_id"]}
    ).json()["items"]
    assert sorted((item["status"], item["failure_reason"]) for item in items) == [
        ("opted-out", "no-consent-for-purpose"),
        ("sending", None),
    ]


def test_a_purpose_that_is_not_a_slug_is_refused_in_both_languages(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    for language in ("fr", "en"):
        answer = platform.http(
            "POST",
            "/v1/templates",
            headers=bearer(key, language),
            json={**SMS_TEMPLATE, "purpose": "Rappels de permis!"},
        )
        assert answer.status == 422
        assert answer.headers["content-language"] == language
        assert answer.json()["errors"][0]["field"] == "body.purpose"
