"""What a refused or failed request leaves behind: nothing, and no event for the next request to publish."""

from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from numeriqc.core import aws
from numeriqc.notifications.adapters.queues import Queues
from numeriqc.notifications.adapters.table import NotificationsTable
from tests.support.languages import other_language
from tests.support.notifications import (
    EMAIL_TEMPLATE,
    SMS_TEMPLATE,
    consent,
    create_template,
    listen,
    received,
    send_sms,
)
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal
WARNING = "ca.qc.numeriqc.notifications.daily-limit.warning.v1"


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)


def _items(platform: Any) -> list[dict[str, Any]]:
    """Every item of the notifications table, in a stable order."""
    dynamodb = aws.client("dynamodb")
    items: list[dict[str, Any]] = []
    request: dict[str, Any] = {"TableName": platform.names["NotificationsTable"]}
    while True:
        answer = dynamodb.scan(**request)
        items.extend(answer.get("Items", []))
        if "LastEvaluatedKey" not in answer:
            break
        request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]
    return sorted(items, key=lambda item: (item["pk"]["S"], item["sk"]["S"]))


def test_a_series_with_a_reminder_too_far_ahead_is_refused_whole(platform: Any, new_key: NewKey) -> None:
    """The first reminder is fine, the second is more than 30 days ahead: nothing of the series may
    be stored, queued or counted against the daily limit, and no series item may be written."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    before = _items(platform)
    request = {
        "channel": "sms",
        "template_id": template["template_id"],
        "recipient": "514 234 5678",
        "personalisation": {"prénom": "Zoé", "date": "20 avril"},
        "due_date": "2030-04-20",
        "days_before": [40, 1],  # 2030-03-11 (in 6 days), then 2030-04-19 (in 45 days: too far)
    }
    response = platform.http("POST", "/v1/reminders", headers=bearer(key), json=request)
    assert response.status == 422, response.text
    assert [error["code"] for error in response.json()["errors"]] == ["too_far"]

    assert _items(platform) == before  # no notification, content, due entry, series, nor limit count
    table = NotificationsTable(aws.client("dynamodb"), platform.names["NotificationsTable"])
    assert table.daily_used("saaq", "sms", MORNING.date().isoformat()) == 0
    listed = platform.http("GET", "/v1/notifications", headers=bearer(key)).json()
    assert listed["items"] == []
    platform.drain()
    platform.clock.set(datetime(2030, 3, 11, 13, 0, 30, tzinfo=UTC))  # when the first would be due
    platform.tick()
    platform.drain()
    assert [message for message in platform.outbox() if message.kind == "sms"] == []


def test_events_of_a_failed_request_are_never_published_by_the_next_one(
    platform: Any, new_key: NewKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 4th send of 5 crosses 80 % of the daily limit (an event is emitted), then fails to queue:
    the request fails, so its event is dropped; the next request publishes only its own events."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    numbers = [f"514 234 {5600 + i}" for i in range(5)]
    for number in numbers:
        consent(platform, key, "sms", number)
    events = listen(platform, key)
    platform.wiring.functions["NotificationsApi"].environment["DAILY_LIMIT_SMS"] = "5"
    assert [send_sms(platform, key, template["template_id"], n).status for n in numbers[:3]] == [201] * 3

    real_send = Queues.send

    def refuse(self: Queues, url: str, bodies: list[str]) -> int:
        raise RuntimeError("SQS is down")

    monkeypatch.setattr(Queues, "send", refuse)
    failed = send_sms(platform, key, template["template_id"], numbers[3])
    assert failed.status == 500, failed.text
    monkeypatch.setattr(Queues, "send", real_send)

    assert send_sms(platform, key, template["template_id"], numbers[4]).status == 201
    platform.drain()
    # The failed send gave its count back, so the 5th is the 4th counted: it crosses 80 % itself
    # and publishes its own warning, once; the failed request's warning was never published.
    warnings = [event for event in received(events) if event["type"] == WARNING]
    assert [event["data"]["used"] for event in warnings] == [4]


def _daily_used(platform: Any, channel: str) -> int:
    table = NotificationsTable(aws.client("dynamodb"), platform.names["NotificationsTable"])
    return table.daily_used("saaq", channel, MORNING.date().isoformat())


def _refuse_queueing(self: Queues, url: str, bodies: list[str]) -> int:
    raise RuntimeError("SQS is down")


@pytest.mark.parametrize("kind", ["email", "sms", "reminders", "bulk"])
def test_a_write_that_fails_after_reserving_gives_the_daily_count_back(
    platform: Any, new_key: NewKey, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Every path that reserves part of the daily limit (one-off sends, series, bulk jobs) gives
    the reservation back when what follows fails: a failed request never uses up the day."""
    key = new_key("saaq")
    channel = "email" if kind == "email" else "sms"
    template = create_template(platform, key, EMAIL_TEMPLATE if channel == "email" else SMS_TEMPLATE)
    recipient = "zoe@example.org" if channel == "email" else "514 234 5678"
    consent(platform, key, channel, recipient)
    personalisation = {
        "prénom": "Zoé",
        **({"document": "permis"} if channel == "email" else {"date": "1er mars"}),
    }
    requests = {
        "email": ("/v1/notifications/email", {"email_address": recipient}),
        "sms": ("/v1/notifications/sms", {"phone_number": recipient}),
        "reminders": (
            "/v1/reminders",
            {"channel": "sms", "recipient": recipient, "due_date": "2030-03-20", "days_before": [1]},
        ),
        "bulk": ("/v1/notifications/bulk", {"rows": [{"phone_number": recipient, **personalisation}]}),
    }
    path, fields = requests[kind]
    body = {"template_id": template["template_id"], **fields}
    if kind != "bulk":
        body["personalisation"] = personalisation
    monkeypatch.setattr(Queues, "send", _refuse_queueing)
    if kind == "reminders":  # a series is queued by the scheduler: fail its one write instead
        from numeriqc.notifications.adapters.table import NotificationsTable as Table

        def refuse_series(self: Table, org_id: str, series_id: str, sends: list[Any]) -> None:
            raise RuntimeError("DynamoDB is down")

        monkeypatch.setattr(Table, "add_series", refuse_series)
    failed = platform.http("POST", path, headers=bearer(key), json=body)
    assert failed.status == 500, failed.text
    assert _daily_used(platform, channel) == 0


def test_personalisation_too_large_for_an_item_is_refused_before_anything_is_counted(
    platform: Any, new_key: NewKey
) -> None:
    from numeriqc.notifications.models import MAX_PERSONALISATION_CHARACTERS, MAX_VALUE_LENGTH

    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    before = _items(platform)
    long_value = {"prénom": "Z" * (MAX_VALUE_LENGTH + 1), "date": "1er mars"}
    many_values = {
        f"champ{i}": "x" * MAX_VALUE_LENGTH for i in range(MAX_PERSONALISATION_CHARACTERS // 2000 + 1)
    }
    long_name = {"n" * 101: "x", "prénom": "Zoé", "date": "1er mars"}
    for personalisation, code in [
        (long_value, "string_too_long"),
        ({**many_values, "prénom": "Zoé", "date": "1er"}, "personalisation_too_large"),
        (long_name, "string_too_long"),
    ]:
        for language in ("fr", "en"):
            response = platform.http(
                "POST",
                "/v1/notifications/sms",
                headers=bearer(key, language),
                json={
                    "template_id": template["template_id"],
                    "phone_number": "514 234 5678",
                    "personalisation": personalisation,
                },
            )
            assert response.status == 422, response.text[:300]
            assert code in [error["code"] for error in response.json()["errors"]]
        bulk = platform.http(
            "POST",
            "/v1/notifications/bulk",
            headers=bearer(key),
            json={
                "template_id": template["template_id"],
                "rows": [{"phone_number": "514 234 5678", **personalisation}],
            },
        )
        assert bulk.status == 422, bulk.text[:300]
    assert _items(platform) == before
    assert _daily_used(platform, "sms") == 0


def test_a_page_token_is_good_only_for_the_organization_it_was_given_to(
    platform: Any, new_key: NewKey
) -> None:
    saaq, ramq = new_key("saaq"), new_key("ramq")
    template = create_template(platform, saaq, SMS_TEMPLATE)
    for number in ("514 234 5600", "514 234 5601"):
        consent(platform, saaq, "sms", number)
        assert send_sms(platform, saaq, template["template_id"], number).status == 201
    first = platform.http("GET", "/v1/notifications?limit=1", headers=bearer(saaq)).json()
    token = first["next"]
    assert token
    second = platform.http("GET", f"/v1/notifications?limit=1&page={token}", headers=bearer(saaq)).json()
    assert second["items"] and second["items"][0]["id"] != first["items"][0]["id"]
    payload, _, mac = token.partition(".")
    for language in ("fr", "en"):
        for foreign in (token, f"{payload}.{mac[::-1]}", "bm90IGEgdG9rZW4", "%ED%A0%80", "e30"):
            for who in (ramq, saaq):
                if who is saaq and foreign == token:
                    continue
                answer = platform.http(
                    "GET", f"/v1/notifications?page={foreign}", headers=bearer(who, language)
                )
                assert answer.status == 400, (foreign, answer.text[:300])
                assert answer.json()["errors"][0]["field"] == "query.page"
                assert answer.header("content-language") == language


BAD_EMAILS = [
    "zoe.example.org",
    "zoe@",
    "@example.org",
    "zoe..t@example.org",
    "Zoé <zoe@example.org>",
    "zoe@exa mple.org",
    "zoe@localhost",
    "zoe@example.org extra",
    "zoé@example.org" + "x" * 300,
    "zoe@[300.1.1.1]",
    "zoe＠example.org",
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_refused_recipient_is_explained_wholly_in_the_language_asked_for(
    platform: Any, new_key: NewKey, language: str
) -> None:
    """email-validator explains in English: our answer says it in our own words, in one language,
    for one-off sends and for every row of a bulk job."""
    key = new_key("saaq")
    template = create_template(platform, key, EMAIL_TEMPLATE)
    personalisation = {"prénom": "Zoé", "document": "permis"}
    rows = []
    for address in BAD_EMAILS:
        response = platform.http(
            "POST",
            "/v1/notifications/email",
            headers=bearer(key, language),
            json={
                "template_id": template["template_id"],
                "email_address": address,
                "personalisation": personalisation,
            },
        )
        assert response.status == 422, (address, response.text[:300])
        rows.append({"email_address": address, **personalisation})
        for error in response.json()["errors"]:
            assert other_language(error["detail"], language) == [], (address, error)
    rows.append({"email_address": "zoe@example.org"})  # a placeholder missing
    bulk = platform.http(
        "POST",
        "/v1/notifications/bulk",
        headers=bearer(key, language),
        json={"template_id": template["template_id"], "rows": rows},
    )
    assert bulk.status == 422, bulk.text[:300]
    problem = bulk.json()
    assert len(problem["errors"]) == len(rows) + 1  # "document" and "prénom" missing on the last row
    for text in [problem["title"], problem["detail"], *(error["detail"] for error in problem["errors"])]:
        assert other_language(text, language) == [], text


def test_an_uploaded_csv_with_a_cell_too_large_is_refused_before_anything_is_counted(
    platform: Any, new_key: NewKey
) -> None:
    from numeriqc.notifications.models import MAX_VALUE_LENGTH

    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    created = platform.http(
        "POST",
        "/v1/notifications/bulk",
        headers=bearer(key),
        json={"template_id": template["template_id"], "upload": True},
    ).json()
    before = _items(platform)
    csv_text = f"téléphone,prénom,date\n514 234 5678,{'Z' * (MAX_VALUE_LENGTH + 1)},lundi\n"
    uploaded = requests.put(
        created["upload_url"], data=csv_text.encode(), headers={"Content-Type": "text/csv"}, timeout=5
    )
    assert uploaded.status_code == 200
    for language in ("fr", "en"):
        started = platform.http("POST", f"/v1/jobs/{created['job_id']}/start", headers=bearer(key, language))
        assert started.status == 422, started.text[:300]
        errors = started.json()["errors"]
        assert [(error["field"], error["code"]) for error in errors] == [
            ("file[0].prénom", "string_too_long")
        ]
        assert other_language(errors[0]["detail"], language) == []
    assert _items(platform) == before
    assert _daily_used(platform, "sms") == 0
