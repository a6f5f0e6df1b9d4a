""" "How was your service? Reply 1 to 5" through the real wiring: the organization asks one consenting
number, the reply is routed by the notification service and recorded once as a rating (channel sms)."""

import json
from typing import Any

from numeriqc.core import aws
from numeriqc.core.auth import Scope
from tests.integration.consultations.test_sms_polls import daytime
from tests.support.feedback import READ_AND_MANAGE, register
from tests.support.notifications import consent
from tests.support.platform import NewKey, bearer

NUMBER = "+15142345678"


def _reply(platform: Any, body: str, message_id: str) -> None:
    topic = platform.names.arn("NotificationsInboundSmsTopic")
    message = {"originationNumber": NUMBER, "messageBody": body, "inboundMessageId": message_id}
    aws.client("sns").publish(TopicArn=topic, Message=json.dumps(message))


def test_a_rating_asked_by_sms_is_recorded_once_for_that_service(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    daytime(service_clock)  # the quiet hours would hold the question until the morning
    key = new_key("saaq", {*READ_AND_MANAGE, Scope.NOTIFICATIONS_MANAGE, Scope.NOTIFICATIONS_SEND})
    service = register(platform, key)
    sid = service["service_id"]
    path = f"/v1/services/{sid}/rating-requests"
    no_consent = platform.http("POST", path, headers=bearer(key), json={"phone_number": "514 234 5678"})
    assert no_consent.status == 202  # accepted here; the notification service refuses it (no consent)
    platform.drain()
    assert [m for m in platform.outbox() if m.kind == "sms"] == []

    consent(platform, key, "sms", NUMBER)
    asked = platform.http(
        "POST", path, headers=bearer(key), json={"phone_number": "514 234 5678", "language": "en"}
    )
    assert asked.status == 202, asked.text
    platform.drain()
    (question,) = [m.body for m in platform.outbox() if m.kind == "sms"]
    assert question.startswith("Driver's licence: how was your service?")

    _reply(platform, "4", "in-1")
    _reply(platform, "4", "in-1")  # delivered twice
    _reply(platform, "5", "in-2")  # a second reply to the same request: the first one counts
    platform.drain()
    inbox = platform.http("GET", "/v1/feedback", headers=bearer(key), query={"service_id": sid})
    assert inbox.status == 200, inbox.text
    ratings = [(item["rating"], item["channel"]) for item in inbox.json()["items"]]
    assert ratings == [(4, "sms")]


def test_a_rating_request_refuses_bad_input_naming_the_field(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq", {*READ_AND_MANAGE})
    sid = register(platform, key)["service_id"]
    invalid = platform.http(
        "POST",
        f"/v1/services/{sid}/rating-requests",
        headers={**bearer(key), "Accept-Language": "en"},
        json={"phone_number": "123 456 7"},
    )
    assert invalid.status == 422
    assert invalid.json()["errors"] == [
        {
            "field": "body.phone_number",
            "code": "invalid",
            "detail": "This phone number is not valid (for example 514 234 5678).",
        }
    ]
    unknown = platform.http(
        "POST", "/v1/services/saaq.nope/rating-requests", headers=bearer(key), json={"phone_number": NUMBER}
    )
    assert unknown.status == 404
    platform.drain()
    assert [m for m in platform.outbox() if m.kind == "sms"] == []
