"""Templates, preview, bulk (JSON, CSV), reminders, quiet hours, limits, unsubscribe, erasure."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from numeriqc.core import aws
from tests.support.notifications import (
    EMAIL_TEMPLATE,
    SMS_TEMPLATE,
    consent,
    consented_sms_rows,
    create_template,
    listen,
    post_bulk,
    raw_emails,
    received,
    send_sms,
)
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)


def _sms(platform: Any) -> list[tuple[str, str]]:
    return [(message.to[0], message.body) for message in platform.outbox() if message.kind == "sms"]


def test_every_edit_is_a_new_version_and_sends_record_theirs(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    edited = platform.http(
        "PUT",
        f"/v1/templates/{template['template_id']}",
        headers=bearer(key),
        json={"name": "Rappel", "body": "Salut ((prénom)), c'est le ((date))."},
    )
    assert edited.status == 200 and edited.json()["version"] == 2
    first = platform.http(
        "GET", f"/v1/templates/{template['template_id']}/versions/1", headers=bearer(key)
    ).json()
    assert first["body"] == SMS_TEMPLATE["body"]
    consent(platform, key, "sms", "514 234 5678")
    sent = send_sms(platform, key, template["template_id"], "514 234 5678").json()
    assert sent["template_version"] == 2
    platform.drain()
    assert _sms(platform) == [("+15142345678", "Salut Zoé, c'est le 1er mars.")]
    archived = platform.http("POST", f"/v1/templates/{template['template_id']}/archive", headers=bearer(key))
    assert archived.json()["archived"] is True
    assert (
        send_sms(platform, key, template["template_id"], "514 234 5678").json()["errors"][0]["code"]
        == "archived"
    )


def test_preview_counts_fragments_and_shows_the_transliteration_saving(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    body = "Votre rendez-vous à la clinique est prêt : ((lieu)). " * 3
    plain = create_template(platform, key, {"channel": "sms", "name": "a", "body": body})
    safe = create_template(platform, key, {"channel": "sms", "name": "b", "body": body, "gsm7_safe": True})
    request = {"personalisation": {"lieu": "Québec"}}
    unicode = platform.http(
        "POST", f"/v1/templates/{plain['template_id']}/preview", headers=bearer(key), json=request
    )
    facts = unicode.json()["sms"]
    assert (facts["encoding"], facts["unicode_characters"], facts["fragments"]) == ("UCS-2", ["ê"], 3)
    # what transliteration would save is shown to the author of a template that does not use it
    assert facts["transliteration"] == {
        "applied": False,
        "characters_replaced": ["ê"],
        "fragments_without": 3,
        "fragments_with": 1,
        "fragments_saved": 2,
    }
    gsm = platform.http(
        "POST", f"/v1/templates/{safe['template_id']}/preview", headers=bearer(key), json=request
    ).json()
    assert gsm["sms"]["encoding"] == "GSM-7" and gsm["sms"]["fragments"] == 1
    assert gsm["sms"]["transliteration"] == {
        "applied": True,
        "characters_replaced": ["ê"],
        "fragments_with": 1,
        "fragments_without": 3,
        "fragments_saved": 2,
    }
    assert "pret" in gsm["text"] and "à la" in gsm["text"]  # à is GSM-7: kept
    missing = platform.http(
        "POST",
        f"/v1/templates/{plain['template_id']}/preview",
        headers=bearer(key, "en"),
        json={"personalisation": {"x": 1}},
    )
    assert missing.status == 422
    assert {e["field"] for e in missing.json()["errors"]} == {
        "body.personalisation.lieu",
        "body.personalisation.x",
    }


def test_a_bulk_job_is_validated_whole_then_sent(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    rows = consented_sms_rows(platform, key, [f"514 234 {5600 + i}" for i in range(5)])
    bad = [*rows, {"phone_number": "123", "prénom": "X"}]
    refused = post_bulk(platform, key, template["template_id"], bad)
    assert refused.status == 422
    assert {(e["field"], e["code"]) for e in refused.json()["errors"]} == {
        ("rows[6].phone_number", "invalid_recipient"),
        ("rows[6].date", "missing_placeholder"),
    }
    assert platform.outbox() == []

    rows.append({"phone_number": "514 234 9999", "prénom": "Sans", "date": "mardi"})  # no consent recorded
    accepted = post_bulk(platform, key, template["template_id"], rows)
    assert accepted.status == 201, accepted.text
    job = accepted.json()
    assert (job["rows"], job["accepted"], job["status"]) == (6, 6, "planning")
    platform.drain()
    assert sorted(to for to, _ in _sms(platform)) == sorted(f"+1514234{5600 + i}" for i in range(5))
    job = platform.http("GET", f"/v1/jobs/{job['job_id']}", headers=bearer(key)).json()
    assert job["counts"] == {"sending": 5, "opted-out": 1}
    listed = platform.http(
        "GET",
        "/v1/notifications",
        headers=bearer(key),
        query={"job_id": job["job_id"], "status": "opted-out"},
    )
    assert [item["failure_reason"] for item in listed.json()["items"]] == ["no-consent"]


def test_a_bulk_csv_upload_with_skip_invalid(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    created = platform.http(
        "POST",
        "/v1/notifications/bulk",
        headers=bearer(key),
        json={"template_id": template["template_id"], "upload": True, "skip_invalid": True},
    ).json()
    assert created["status"] == "awaiting-upload"
    not_yet = platform.http("POST", f"/v1/jobs/{created['job_id']}/start", headers=bearer(key))
    assert not_yet.json()["errors"][0]["code"] == "not_uploaded"
    csv_text = "Téléphone,prénom,date\n514 234 5678,Zoé,lundi\nabc,Luc,mardi\n"
    uploaded = requests.put(
        created["upload_url"], data=csv_text.encode(), headers={"Content-Type": "text/csv"}, timeout=5
    )
    assert uploaded.status_code == 200
    started = platform.http("POST", f"/v1/jobs/{created['job_id']}/start", headers=bearer(key)).json()
    assert (started["rows"], started["accepted"], started["skipped"]) == (2, 1, 1)
    assert started["row_errors"][0]["row"] == 2 and started["row_errors"][0]["column"] == "Téléphone"
    platform.drain()
    assert _sms(platform) == [("+15142345678", "Bonjour Zoé, votre rendez-vous est le lundi.")]


def test_reminders_go_out_at_nine_and_a_series_can_be_cancelled(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    request = {
        "channel": "sms",
        "template_id": template["template_id"],
        "recipient": "514 234 5678",
        "personalisation": {"prénom": "Zoé", "date": "31 mars"},
        "due_date": "2030-03-31",
        "days_before": [30, 20, 7],
    }
    series = platform.http("POST", "/v1/reminders", headers=bearer(key), json=request).json()
    assert series["skipped_in_past"] == [30]
    first, second = series["notifications"]
    assert first["scheduled_for"] == "2030-03-11T13:00:00Z"  # 09:00 EDT (daylight saving started 03-10)
    assert second["status"] == "scheduled"
    platform.clock.set(datetime(2030, 3, 11, 13, 0, 30, tzinfo=UTC))
    platform.tick()
    platform.drain()
    assert len(_sms(platform)) == 1
    cancelled = platform.http(
        "POST", f"/v1/reminders/{series['series_id']}/cancel", headers=bearer(key)
    ).json()
    assert [item["status"] for item in cancelled["items"]] == ["sending", "cancelled"]
    platform.clock.set(datetime(2030, 3, 24, 13, 1, tzinfo=UTC))
    platform.tick()
    platform.drain()
    assert len(_sms(platform)) == 1


def test_an_sms_sent_in_quiet_hours_waits_for_the_morning(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    platform.clock.set(datetime(2030, 3, 6, 3, 30, tzinfo=UTC))  # 22:30 in Montréal
    created = send_sms(platform, key, template["template_id"], "514 234 5678").json()
    assert (created["status"], created["scheduled_for"]) == ("scheduled", "2030-03-06T13:00:00Z")
    platform.tick()
    platform.drain()
    assert _sms(platform) == []
    platform.clock.set(datetime(2030, 3, 6, 13, 0, 5, tzinfo=UTC))
    platform.tick()
    platform.drain()
    assert len(_sms(platform)) == 1


def test_a_bulk_sms_asked_for_now_in_quiet_hours_waits_for_the_morning(
    platform: Any, new_key: NewKey
) -> None:
    """The quiet hours hold for every SMS path: a bulk without `scheduled_for` as well as a one-off."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    rows = consented_sms_rows(platform, key, [f"514 234 {5600 + i}" for i in range(3)])
    platform.clock.set(datetime(2030, 3, 6, 3, 30, tzinfo=UTC))  # 22:30 in Montréal
    job = post_bulk(platform, key, template["template_id"], rows).json()
    assert (job["status"], job["scheduled_for"]) == ("scheduled", "2030-03-06T13:00:00Z")
    platform.tick()
    platform.drain()
    assert _sms(platform) == []
    platform.clock.set(datetime(2030, 3, 6, 13, 0, 5, tzinfo=UTC))
    platform.tick()
    platform.drain()
    assert sorted(to for to, _ in _sms(platform)) == sorted(f"+1514234{5600 + i}" for i in range(3))


def test_the_daily_limit_refuses_and_warns_at_eighty_percent(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    numbers = [f"514 234 {5600 + i}" for i in range(6)]
    for number in numbers:
        consent(platform, key, "sms", number)
    events = listen(platform, key)
    # As an operator would configure a small limit: the function's environment, as infra sets it.
    platform.wiring.functions["NotificationsApi"].environment["DAILY_LIMIT_SMS"] = "5"
    statuses = [send_sms(platform, key, template["template_id"], n).status for n in numbers]
    assert statuses == [201, 201, 201, 201, 201, 429]
    platform.drain()
    warnings = [
        e for e in received(events) if e["type"] == "ca.qc.numeriqc.notifications.daily-limit.warning.v1"
    ]
    assert [w["data"]["used"] for w in warnings] == [4]


def test_one_click_unsubscribe_withdraws_consent(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, EMAIL_TEMPLATE)
    consent(platform, key, "email", "zoe@example.com")
    body = {
        "template_id": template["template_id"],
        "email_address": "zoe@example.com",
        "personalisation": {"prénom": "Zoé", "document": "permis"},
    }
    assert platform.http("POST", "/v1/notifications/email", headers=bearer(key), json=body).status == 201
    platform.drain()
    url = raw_emails()[0]["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("/", 3)[3]
    answer = platform.http(
        "POST",
        path,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        body="List-Unsubscribe=One-Click",
    )
    assert answer.status == 200, answer.text
    again = platform.http("POST", "/v1/notifications/email", headers=bearer(key), json=body)
    assert again.json()["errors"][0]["code"] == "withdrawn"
    forged = platform.http("POST", path[:-3] + "xyz")
    assert forged.status == 422


def test_erasure_removes_consent_and_content_and_keeps_anonymous_statuses(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    created = send_sms(platform, key, template["template_id"], "514 234 5678").json()
    platform.drain()
    erased = platform.http(
        "POST",
        "/v1/citizens/erasure",
        headers=bearer(key),
        json={"channel": "sms", "recipient": "+15142345678"},
    ).json()
    assert erased == {"consents_removed": 1, "contents_removed": 1, "notifications_anonymized": 1}
    read = platform.http("GET", f"/v1/notifications/{created['id']}", headers=bearer(key)).json()
    assert read["status"] == "sending" and read["content"] is None
    lookup = platform.http(
        "POST",
        "/v1/consents/lookup",
        headers=bearer(key),
        json={"channel": "sms", "recipient": "514 234 5678"},
    )
    assert lookup.status == 404


def test_content_is_gone_after_the_retention_period(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    created = send_sms(platform, key, template["template_id"], "514 234 5678").json()
    platform.clock.advance(timedelta(days=7, seconds=1).total_seconds())
    read = platform.http("GET", f"/v1/notifications/{created['id']}", headers=bearer(key)).json()
    assert read["content"] is None and read["template_id"] == template["template_id"]
    item = aws.client("dynamodb").get_item(
        TableName=platform.names["NotificationsTable"],
        Key={"pk": {"S": "ORG#saaq"}, "sk": {"S": f"C#{created['id']}"}},
    )["Item"]
    assert int(item["expires_at"]["N"]) <= int(platform.clock.now().timestamp())  # DynamoDB's TTL deletes it


class _TimePassesPerSms:
    """Each SMS the provider takes moves the services' clock by `step` (a botocore hook), as a bulk
    at the account's pacing does; and the visibility the sender asks SQS for is kept."""

    def __init__(self, platform: Any, step: timedelta) -> None:
        self.platform, self.step = platform, step
        self.postponed: list[tuple[str, int]] = []  # (receipt handle, visibility seconds)

    def publish(self, **_: Any) -> None:
        self.platform.clock.set(self.platform.clock.now() + self.step)

    def visibility(self, params: dict[str, Any], **_: Any) -> None:
        self.postponed.append((params["ReceiptHandle"], params["VisibilityTimeout"]))


def test_a_bulk_still_sending_when_the_quiet_hours_begin_waits_for_the_morning(
    platform: Any, new_key: NewKey
) -> None:
    """Acceptance checks the quiet hours once; a bulk started at 20:59 must still stop at 21:00:
    the sender checks before each SMS, the rest stays `queued`, and the message comes back at 08:00."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    rows = consented_sms_rows(platform, key, [f"514 234 {5600 + i}" for i in range(6)])
    evening = datetime(2030, 3, 6, 1, 59, 30, tzinfo=UTC)  # 20:59:30 in Montréal
    platform.clock.set(evening)
    job = post_bulk(platform, key, template["template_id"], rows).json()
    assert job["status"] != "scheduled"
    platform.postponements.honored = True  # as `numeriqc dev` and AWS: the message waits
    hooks = _TimePassesPerSms(platform, timedelta(seconds=12))
    events = aws.client("sns").meta.events
    events.register("before-call.sns.Publish", hooks.publish)
    aws.client("sqs").meta.events.register(
        "before-parameter-build.sqs.ChangeMessageVisibility", hooks.visibility
    )

    platform.drain()

    sent_at_night = _sms(platform)
    assert len(sent_at_night) == 3  # 20:59:30, :42, :54; the fourth would have gone at 21:00:06
    counts = platform.http("GET", f"/v1/jobs/{job['job_id']}", headers=bearer(key)).json()["counts"]
    assert counts.get("queued") == 3
    [(handle, seconds)] = hooks.postponed
    morning = datetime(2030, 3, 6, 13, 0, tzinfo=UTC)  # 08:00 in Montréal
    assert seconds == int((morning - platform.clock.now()).total_seconds())
    queue = platform.names["SmsBulkQueue"]
    assert aws.client("sqs").receive_message(QueueUrl=queue).get("Messages") is None  # not before then

    platform.clock.set(morning)
    aws.client("sqs").change_message_visibility(QueueUrl=queue, ReceiptHandle=handle, VisibilityTimeout=0)
    platform.drain()

    assert sorted(to for to, _ in _sms(platform)) == sorted(f"+1514234{5600 + i}" for i in range(6))
    counts = platform.http("GET", f"/v1/jobs/{job['job_id']}", headers=bearer(key)).json()["counts"]
    assert "queued" not in counts
