"""Event-topic subscriptions through the real wiring: bus -> rule -> family topic -> subscriber queue."""

import json
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.events import EventPublisher, cloud_event
from tests.support.platform import NewKey, bearer


def _queue(name: str) -> tuple[str, str]:
    sqs = aws.client("sqs")
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return url, arn


def _received(url: str) -> list[dict[str, Any]]:
    messages = aws.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(message["Body"]) for message in messages]


def _subscribe(platform: Any, key: str, **body: Any) -> Any:
    return platform.http(
        "POST", "/v1/subscriptions", headers=bearer(key), json={"family": "feedback", **body}
    )


def _publish(platform: Any, *events: Any) -> None:
    EventPublisher(aws.client("events"), platform.names["EventBus"]).publish(events)
    platform.drain()


def test_an_organization_receives_its_own_events_and_never_anothers(platform: Any, new_key: NewKey) -> None:
    saaq_key, mtq_key = new_key("saaq"), new_key("mtq")
    saaq_url, saaq_arn = _queue("saaq-events")
    mtq_url, mtq_arn = _queue("mtq-events")
    assert _subscribe(platform, saaq_key, protocol="sqs", endpoint=saaq_arn).status == 201
    # mtq tries to listen to everything; the platform still pins mtq's own orgid.
    assert _subscribe(platform, mtq_key, protocol="sqs", endpoint=mtq_arn).status == 201

    saaq_event = cloud_event("feedback", "received", "saaq", {"rating": 5})
    mtq_event = cloud_event("feedback", "received", "mtq", {"rating": 2})
    _publish(platform, saaq_event, mtq_event, cloud_event("notifications", "status", "saaq", {}))

    assert _received(saaq_url) == [saaq_event.model_dump(mode="json")]  # the bare CloudEvent
    assert _received(mtq_url) == [mtq_event.model_dump(mode="json")]


def test_event_types_narrow_a_subscription(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    url, arn = _queue("low-ratings")
    response = _subscribe(
        platform, key, protocol="sqs", endpoint=arn, event_types=["ca.qc.numeriqc.feedback.low-rating.v1"]
    )
    assert response.status == 201, response.text
    _publish(
        platform,
        cloud_event("feedback", "received", "saaq", {"rating": 1}),
        cloud_event("feedback", "low-rating", "saaq", {"rating": 1}),
    )
    assert [event["type"] for event in _received(url)] == ["ca.qc.numeriqc.feedback.low-rating.v1"]


def test_subscription_lifecycle_and_isolation(platform: Any, new_key: NewKey) -> None:
    saaq_key, mtq_key = new_key("saaq"), new_key("mtq")
    _, arn = _queue("saaq-events")
    created = _subscribe(platform, saaq_key, protocol="sqs", endpoint=arn)
    assert created.status == 201
    subscription = created.json()
    location = created.header("location")
    assert location == f"/v1/subscriptions/{subscription['subscription_id']}"
    assert subscription["status"] == "active"

    assert platform.http("GET", location, headers=bearer(saaq_key)).json() == subscription
    assert platform.http("GET", "/v1/subscriptions", headers=bearer(saaq_key)).json() == {
        "items": [subscription]
    }
    # Another organization sees nothing and cannot delete it: 404, not 403 (no existence leak).
    assert platform.http("GET", "/v1/subscriptions", headers=bearer(mtq_key)).json() == {"items": []}
    assert platform.http("GET", location, headers=bearer(mtq_key)).status == 404
    assert platform.http("DELETE", location, headers=bearer(mtq_key)).status == 404

    assert platform.http("DELETE", location, headers=bearer(saaq_key)).status == 204
    assert platform.http("GET", location, headers=bearer(saaq_key)).status == 404
    topic = platform.names["FeedbackTopic"]
    remaining = aws.client("sns").list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
    assert arn not in [item["Endpoint"] for item in remaining]  # the platform's own consumers stay


def test_email_and_https_subscriptions_wait_for_confirmation(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    email = _subscribe(platform, key, protocol="email", endpoint="ti@saaq.example")
    assert email.status == 201, email.text
    assert email.json()["status"] == "pending-confirmation"


def test_idempotency_key_replays_the_first_answer(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    _, arn = _queue("saaq-events")
    headers = {**bearer(key), "Idempotency-Key": "abonnement-1"}
    body = {"family": "feedback", "protocol": "sqs", "endpoint": arn}
    first = platform.http("POST", "/v1/subscriptions", headers=headers, json=body)
    again = platform.http("POST", "/v1/subscriptions", headers=headers, json=body)
    assert first.status == again.status == 201
    assert again.json() == first.json()
    assert len(platform.http("GET", "/v1/subscriptions", headers=bearer(key)).json()["items"]) == 1

    reused = platform.http("POST", "/v1/subscriptions", headers=headers, json={**body, "family": "barometer"})
    assert reused.status == 422
    assert "idempotence" in reused.json()["detail"]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"body.family", "body.protocol", "body.endpoint"}),
        (
            {"family": "meteo", "protocol": "ftp", "endpoint": "x"},
            {"body.family", "body.protocol", "body.endpoint"},
        ),
        ({"family": "feedback", "protocol": "sqs", "endpoint": "arn:aws:sqs:nope"}, {"body.endpoint"}),
        (
            {"family": "feedback", "protocol": "email", "endpoint": "a@b.example", "surprise": 1},
            {"body.surprise"},
        ),
        (
            {
                "family": "feedback",
                "protocol": "email",
                "endpoint": "a@b.example",
                "event_types": ["ca.qc.numeriqc.exchange.delivered.v1"],
            },
            {"body.event_types[0]"},
        ),
    ],
)
def test_invalid_subscriptions_name_every_faulty_field(
    platform: Any, new_key: NewKey, body: dict[str, Any], fields: set[str]
) -> None:
    response = platform.http("POST", "/v1/subscriptions", headers=bearer(new_key("saaq")), json=body)
    assert response.status == 422, response.text
    problem = response.json()
    assert {error["field"] for error in problem["errors"]} == fields
    assert all(error["detail"] for error in problem["errors"])


def test_malformed_json_is_a_400_problem(platform: Any, new_key: NewKey) -> None:
    response = platform.http(
        "POST",
        "/v1/subscriptions",
        headers={**bearer(new_key("saaq")), "Content-Type": "application/json"},
        body='{"family": "feedback",',
    )
    assert response.status == 400, response.text
    assert response.json()["title"] == "Requête malformée"


def test_subscribing_needs_the_scope(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq", {Scope.FEEDBACK_READ})
    assert _subscribe(platform, key, protocol="email", endpoint="a@b.example").status == 403
