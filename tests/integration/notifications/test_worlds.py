"""Test and live are two worlds (as in GOV.UK Notify): every route that reads or acts on what was
sent shows a test key only what test keys sent and a live key only what live keys sent; and the
consent rule is one rule for both worlds and every path (a one-off send, a bulk row)."""

from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.core.auth import KeyKind
from tests.support.notifications import SMS_TEMPLATE, consent, create_template, send_sms
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal: outside SMS quiet hours
LATER = "2030-03-20T15:00:00Z"


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    platform.clock.set(MORNING)


def _sent_by(platform: Any, key: str, template_id: str, number: str) -> dict[str, str]:
    """One of each thing a key can send: a one-off, a scheduled one-off, a bulk job, a series."""
    one = send_sms(platform, key, template_id, number)
    scheduled = send_sms(platform, key, template_id, number, scheduled_for=LATER)
    job = platform.http(
        "POST",
        "/v1/notifications/bulk",
        headers=bearer(key),
        json={"template_id": template_id, "rows": [{"phone_number": number, "prénom": "A", "date": "lundi"}]},
    )
    upload = platform.http(
        "POST",
        "/v1/notifications/bulk",
        headers=bearer(key),
        json={"template_id": template_id, "upload": True},
    )
    series = platform.http(
        "POST",
        "/v1/reminders",
        headers=bearer(key),
        json={
            "channel": "sms",
            "template_id": template_id,
            "recipient": number,
            "personalisation": {"prénom": "Zoé", "date": "31 mars"},
            "due_date": "2030-03-31",
            "days_before": [7],
        },
    )
    for answer in (one, scheduled, job, upload, series):
        assert answer.status == 201, answer.text
    return {
        "one": one.json()["id"],
        "scheduled": scheduled.json()["id"],
        "job": job.json()["job_id"],
        "upload": upload.json()["job_id"],
        "series": series.json()["series_id"],
    }


def test_each_world_sees_and_acts_on_its_own_notifications_only(platform: Any, new_key: NewKey) -> None:
    live, test = new_key("saaq"), new_key("saaq", kind=KeyKind.TEST)
    template = create_template(platform, live, SMS_TEMPLATE)["template_id"]  # templates are shared
    consent(platform, live, "sms", "514 234 5678")
    sent = {
        "live": _sent_by(platform, live, template, "514 234 5678"),
        "test": _sent_by(platform, test, template, "514 234 5678"),
    }
    platform.drain()
    keys = {"live": live, "test": test}
    for world, key in keys.items():
        other = sent["test" if world == "live" else "live"]
        listed = platform.http("GET", "/v1/notifications", headers=bearer(key), query={"limit": 200})
        ids = {item["id"] for item in listed.json()["items"]}
        assert sent[world]["one"] in ids and sent[world]["scheduled"] in ids
        assert not ids & {other["one"], other["scheduled"]}
        assert all(item["key_kind"] == world for item in listed.json()["items"])
        by_job = platform.http(
            "GET", "/v1/notifications", headers=bearer(key), query={"job_id": other["job"]}
        )
        assert by_job.json()["items"] == []
        # the other world's things are a 404, as another organization's would be
        for method, path in (
            ("GET", f"/v1/notifications/{other['one']}"),
            ("POST", f"/v1/notifications/{other['scheduled']}/cancel"),
            ("GET", f"/v1/jobs/{other['job']}"),
            ("POST", f"/v1/jobs/{other['upload']}/start"),
            ("POST", f"/v1/reminders/{other['series']}/cancel"),
        ):
            answer = platform.http(method, path, headers=bearer(key, "en"))
            assert answer.status == 404, (world, path, answer.text)
            assert answer.headers["content-language"] == "en"
        assert platform.http("GET", f"/v1/jobs/{sent[world]['job']}", headers=bearer(key)).status == 200
    # a page token is sealed for its world too
    for _ in range(2):
        send_sms(platform, live, template, "514 234 5678")
    page = platform.http("GET", "/v1/notifications", headers=bearer(live), query={"limit": 1}).json()["next"]
    assert page
    crossed = platform.http("GET", "/v1/notifications", headers=bearer(test), query={"page": page})
    assert crossed.status == 400 and crossed.json()["errors"][0]["field"] == "query.page"


def test_the_consent_rule_is_the_same_for_a_test_key_one_off_and_bulk_row(
    platform: Any, new_key: NewKey
) -> None:
    """One rule (consent.applies), both paths, both worlds: a recipient without consent is refused
    (a one-off: 422; a bulk row: opted-out, no-consent); the simulated recipients need none."""
    live, test = new_key("saaq"), new_key("saaq", kind=KeyKind.TEST)
    template = create_template(platform, live, SMS_TEMPLATE)["template_id"]
    consent(platform, live, "sms", "514 234 0001")
    for key in (live, test):
        refused = send_sms(platform, key, template, "514 234 0002")
        assert refused.status == 422 and refused.json()["errors"][0]["code"] == "no-consent"
        assert send_sms(platform, key, template, "514 234 0001").status == 201
        assert send_sms(platform, key, template, "+15145550100").status == 201
    rows = [
        {"phone_number": number, "prénom": "A", "date": "lundi"}
        for number in ("514 234 0001", "514 234 0002", "+15145550100")
    ]
    jobs = {}
    for world, key in (("live", live), ("test", test)):
        answer = platform.http(
            "POST",
            "/v1/notifications/bulk",
            headers=bearer(key),
            json={"template_id": template, "rows": rows},
        )
        assert answer.status == 201, answer.text
        jobs[world] = answer.json()["job_id"]
    platform.drain()
    for world, key in (("live", live), ("test", test)):
        items = platform.http(
            "GET", "/v1/notifications", headers=bearer(key), query={"job_id": jobs[world]}
        ).json()["items"]
        outcomes = sorted((item["status"], item["failure_reason"]) for item in items)
        # live: the consenting real number is `sending` (SNS took it); test: simulated delivered
        first = ("sending", None) if world == "live" else ("delivered", None)
        assert outcomes == sorted([first, ("opted-out", "no-consent"), ("delivered", None)]), world
        counts = platform.http("GET", f"/v1/jobs/{jobs[world]}", headers=bearer(key)).json()["counts"]
        assert counts["opted-out"] == 1
