"""Organizations read feedback through the real wiring: services, search, triage, aggregates, events."""

import json
from datetime import timedelta
from typing import Any

from numeriqc.core import aws
from tests.support.feedback import org_key, register, submit
from tests.support.platform import NewKey, bearer


def _queue(name: str) -> tuple[str, str]:
    sqs = aws.client("sqs")
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return url, arn


def _received(url: str) -> list[dict[str, Any]]:
    sqs = aws.client("sqs")
    found: list[dict[str, Any]] = []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


def test_services_are_registered_listed_and_private_to_their_organization(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, mtq = org_key(new_key, "saaq"), org_key(new_key, "mtq")
    created = register(platform, saaq)
    assert created["service_id"] == "saaq.permis"
    again = platform.http(
        "POST",
        "/v1/services",
        headers=bearer(saaq),
        json={"slug": "permis", "name_fr": "ab", "name_en": "ab"},
    )
    assert again.status == 409
    assert platform.http("GET", "/v1/services", headers=bearer(saaq)).json()["items"] == [created]
    assert platform.http("GET", "/v1/services", headers=bearer(mtq)).json()["items"] == []
    assert platform.http("GET", "/v1/services/saaq.permis", headers=bearer(mtq)).status == 404
    assert platform.http("GET", "/v1/services/saaq.permis/aggregates", headers=bearer(mtq)).status == 404
    assert (
        platform.http("GET", "/v1/feedback", headers=bearer(mtq), query={"service_id": "saaq.permis"}).status
        == 404
    )
    reader = new_key("saaq", {"feedback:read"})  # type: ignore[arg-type]
    assert (
        platform.http(
            "POST",
            "/v1/services",
            headers=bearer(reader),
            json={"slug": "x1", "name_fr": "ab", "name_en": "ab"},
        ).status
        == 403
    )


def test_search_filters_paginates_and_triage_moves_items_between_statuses(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    register(platform, key)
    register(platform, key, slug="immatriculation")
    receipts = []
    for index in range(7):
        service = "saaq.permis" if index % 2 == 0 else "saaq.immatriculation"
        body = {
            "service_id": service,
            "rating": index % 5 + 1,
            **({"comment": f"avis {index}"} if index < 4 else {}),
        }
        receipts.append(submit(platform, body, ip=f"198.51.100.{index}").json()["receipt_id"])
        service_clock.advance(3600)
    everything = platform.http("GET", "/v1/feedback", headers=bearer(key)).json()
    assert [item["feedback_id"] for item in everything["items"]] == receipts[::-1]  # newest first
    assert everything["next_cursor"] is None

    pages, cursor = [], None
    while True:
        query = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = platform.http("GET", "/v1/feedback", headers=bearer(key), query=query).json()
        pages.append([item["feedback_id"] for item in page["items"]])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [fid for page in pages for fid in page] == receipts[::-1]

    def ids(**query: Any) -> list[str]:
        answer = platform.http("GET", "/v1/feedback", headers=bearer(key), query=query)
        assert answer.status == 200, answer.text
        return [item["feedback_id"] for item in answer.json()["items"]]

    assert ids(service_id="saaq.permis") == [receipts[6], receipts[4], receipts[2], receipts[0]]
    assert ids(rating=1) == [receipts[5], receipts[0]]
    assert ids(has_comment="true") == receipts[3::-1]
    start = service_clock.now() - timedelta(hours=7)
    since = (start + timedelta(hours=2)).isoformat()
    until = (start + timedelta(hours=4)).isoformat()
    assert ids(since=since, until=until) == [receipts[3], receipts[2]]

    flagged = platform.http(
        "PATCH", f"/v1/feedback/{receipts[2]}", headers=bearer(key), json={"status": "flagged"}
    )
    assert flagged.status == 200, flagged.text
    assert flagged.json()["status"] == "flagged"
    assert ids(status="flagged") == [receipts[2]]
    assert receipts[2] not in ids(status="new")
    assert ids(status="flagged", service_id="saaq.permis") == [receipts[2]]
    assert (
        platform.http("GET", f"/v1/feedback/{receipts[2]}", headers=bearer(key)).json()["status"] == "flagged"
    )

    assert platform.http("DELETE", f"/v1/feedback/{receipts[2]}", headers=bearer(key)).status == 204
    assert platform.http("GET", f"/v1/feedback/{receipts[2]}", headers=bearer(key)).status == 404
    assert receipts[2] not in ids()

    other = org_key(new_key, "mtq")
    assert platform.http("GET", f"/v1/feedback/{receipts[0]}", headers=bearer(other)).status == 404
    assert (
        platform.http(
            "PATCH", f"/v1/feedback/{receipts[0]}", headers=bearer(other), json={"status": "read"}
        ).status
        == 404
    )
    assert platform.http("DELETE", f"/v1/feedback/{receipts[0]}", headers=bearer(other)).status == 404
    assert platform.http("GET", "/v1/feedback", headers=bearer(other)).json()["items"] == []


def test_a_cursor_from_another_search_is_refused(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    key = org_key(new_key)
    register(platform, key)
    for index in range(3):
        submit(platform, {"service_id": "saaq.permis", "rating": 3}, ip=f"198.51.100.{index}")
    cursor = platform.http("GET", "/v1/feedback", headers=bearer(key), query={"limit": 1}).json()[
        "next_cursor"
    ]
    assert cursor
    other = org_key(new_key, "mtq")
    stolen = platform.http("GET", "/v1/feedback", headers=bearer(other), query={"cursor": cursor})
    assert stolen.status == 422
    assert stolen.json()["errors"][0]["field"] == "query.cursor"
    assert platform.http("GET", "/v1/feedback", headers=bearer(key), query={"cursor": "%%%"}).status == 422


def test_aggregates_per_day_week_and_month_from_counters(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    register(platform, key)
    ratings = [5, 4, 4, 2, 1]
    for index, rating in enumerate(ratings):
        body = {
            "service_id": "saaq.permis",
            "rating": rating,
            "drivers": {"ease": "positive" if rating >= 4 else "negative"},
            **({"comment": "ok"} if index < 2 else {}),
        }
        assert submit(platform, body, ip=f"198.51.100.{index}").status == 201
    for period in ("day", "week", "month"):
        answer = platform.http(
            "GET", "/v1/services/saaq.permis/aggregates", headers=bearer(key), query={"period": period}
        )
        assert answer.status == 200, answer.text
        body = answer.json()
        (item,) = body["items"]
        assert item["count"] == 5
        assert item["mean"] == 3.2
        assert item["distribution"] == {"1": 1, "2": 1, "3": 0, "4": 2, "5": 1}
        assert item["csat"] == 0.6
        assert item["with_comment"] == 2
        assert item["drivers"]["ease"] == {"positive": 3, "negative": 2}
        assert body["total"]["count"] == 5
    bad = platform.http(
        "GET",
        "/v1/services/saaq.permis/aggregates",
        headers=bearer(key),
        query={"period": "day", "since": "2020-01-01", "until": "2026-01-01"},
    )
    assert bad.status == 422
    assert bad.json()["errors"][0]["field"] == "query.since"


def test_received_and_low_rating_events_reach_a_subscribed_queue_without_personal_information(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    register(platform, key)
    url, arn = _queue("saaq-retroaction")
    subscribed = platform.http(
        "POST",
        "/v1/subscriptions",
        headers=bearer(key),
        json={"family": "feedback", "protocol": "sqs", "endpoint": arn},
    )
    assert subscribed.status == 201, subscribed.text
    comment = "Appelez-moi au 418-555-0142"
    first = submit(platform, {"service_id": "saaq.permis", "rating": 1, "comment": comment}).json()
    second = submit(platform, {"service_id": "saaq.permis", "rating": 5}, ip="198.51.100.2").json()
    platform.drain()
    events = _received(url)
    assert sorted((event["type"], event["data"]["feedback_id"]) for event in events) == sorted(
        [
            ("ca.qc.numeriqc.feedback.received.v1", first["receipt_id"]),
            ("ca.qc.numeriqc.feedback.low-rating.v1", first["receipt_id"]),
            ("ca.qc.numeriqc.feedback.received.v1", second["receipt_id"]),
        ]
    )
    for event in events:
        assert event["orgid"] == "saaq"
        assert event["data"]["service_id"] == "saaq.permis"
        assert "comment" not in event["data"]
        assert "555" not in json.dumps(event)
    # Triage and counters also go through the stream: they make no event.
    platform.http(
        "PATCH", f"/v1/feedback/{first['receipt_id']}", headers=bearer(key), json={"status": "read"}
    )
    platform.drain()
    assert _received(url) == []
