"""The notification pipeline through the real wiring in moto: API -> queues -> senders -> outbox."""

from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.core import aws
from tests.support.notifications import (
    EMAIL_TEMPLATE,
    SMS_TEMPLATE,
    consent,
    create_template,
    listen,
    raw_emails,
    received,
    send_email,
    send_sms,
    ses_event,
)
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)  # 10:00 in Montréal: outside SMS quiet hours


def test_an_email_reaches_the_outbox_and_its_delivery_becomes_an_event(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    events = listen(platform, key)
    template = create_template(platform, key, EMAIL_TEMPLATE)
    consent(platform, key, "email", "zoe@example.com")

    response = send_email(platform, key, template["template_id"], "Zoe@Example.com")
    assert response.status == 201, response.text
    created = response.json()
    assert created["status"] == "queued" and created["template_version"] == 1
    platform.drain()

    [sent] = [message for message in platform.outbox() if message.kind == "email"]
    assert sent.to == ["Zoe@example.com"]
    assert sent.subject == "Rappel : permis"
    assert "Bonjour Zoé" in sent.body and "Hello" not in sent.body
    [raw] = raw_emails()
    assert raw["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/v1/unsubscribe/" in raw["List-Unsubscribe"]

    read = platform.http("GET", f"/v1/notifications/{created['id']}", headers=bearer(key)).json()
    assert read["status"] == "sending"
    assert read["content"]["recipient"] == "Zoe@example.com"

    ses_event(platform, "Delivery", "saaq", created["id"])
    platform.drain()
    read = platform.http("GET", f"/v1/notifications/{created['id']}", headers=bearer(key)).json()
    assert read["status"] == "delivered"
    [event] = received(events)
    assert event["type"] == "ca.qc.numeriqc.notifications.status.v1"
    assert event["data"]["id"] == created["id"] and event["data"]["status"] == "delivered"

    ses_event(platform, "Delivery", "saaq", created["id"])  # a receipt delivered twice changes nothing
    platform.drain()
    assert received(events) == []


def test_an_sms_reaches_the_outbox_and_stop_refuses_the_next_one(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    first = send_sms(platform, key, template["template_id"], "(514) 234-5678")
    assert first.status == 201, first.text
    platform.drain()
    [sms] = [message for message in platform.outbox() if message.kind == "sms"]
    assert sms.to == ["+15142345678"]
    assert sms.body == "Bonjour Zoé, votre rendez-vous est le 1er mars."

    topic = platform.names.arn("NotificationsInboundSmsTopic")
    reply = {"originationNumber": "+15142345678", "messageBody": "Arrêt", "inboundMessageId": "in-1"}
    import json

    aws.client("sns").publish(TopicArn=topic, Message=json.dumps(reply))
    aws.client("sns").publish(TopicArn=topic, Message=json.dumps(reply))  # delivered twice
    platform.drain()
    confirmations = [m for m in platform.outbox() if m.kind == "sms" and "ABONNER" in m.body]
    assert len(confirmations) == 1

    refused = send_sms(
        platform,
        key,
        template["template_id"],
        "5142345678",
    )
    assert refused.status == 422
    problem = refused.json()
    assert problem["type"].endswith("consentement-requis")
    assert problem["errors"][0] == {
        "field": "body.phone_number",
        "code": "platform-opt-out",
        "detail": "Le destinataire s'est désinscrit des textos (réponse ARRÊT / STOP, ou liste d'exclusion "
        "de son opérateur) : il n'en reçoit plus.",
    }

    aws.client("sns").publish(
        TopicArn=topic,
        Message=json.dumps(
            {"originationNumber": "+15142345678", "messageBody": "ABONNER", "inboundMessageId": "in-2"}
        ),
    )
    platform.drain()
    assert send_sms(platform, key, template["template_id"], "5142345678").status == 201


def test_a_send_without_consent_is_refused_naming_the_reason_in_english(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, EMAIL_TEMPLATE)
    response = platform.http(
        "POST",
        "/v1/notifications/email",
        headers=bearer(key, "en"),
        json={
            "template_id": template["template_id"],
            "email_address": "nobody@example.com",
            "personalisation": {"prénom": "A", "document": "B"},
        },
    )
    assert response.status == 422
    assert response.json()["errors"][0]["code"] == "no-consent"
    assert response.json()["title"] == "Consent required"
    assert platform.outbox() == []


def test_bad_input_names_every_field(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, EMAIL_TEMPLATE)
    response = platform.http(
        "POST",
        "/v1/notifications/email",
        headers=bearer(key),
        json={
            "template_id": template["template_id"],
            "email_address": "pas-une-adresse",
            "personalisation": {"prénom": "A", "inconnu": "x"},
        },
    )
    assert response.status == 422, response.text
    fields = {(error["field"], error["code"]) for error in response.json()["errors"]}
    assert fields == {
        ("body.email_address", "invalid_recipient"),
        ("body.personalisation.document", "missing_placeholder"),
        ("body.personalisation.inconnu", "unknown_placeholder"),
    }


def test_test_keys_and_simulated_recipients_never_reach_a_provider(platform: Any, new_key: NewKey) -> None:
    from numeriqc.core.auth import KeyKind

    live = new_key("saaq")
    test = new_key("saaq", kind=KeyKind.TEST)
    template = create_template(platform, live, SMS_TEMPLATE)
    outcomes = {}
    for number in ("+15145550100", "+15145550101", "+15145550102"):
        response = send_sms(platform, test, template["template_id"], number)
        assert response.status == 201, response.text
        outcomes[number] = response.json()["id"]
    consent(platform, live, "sms", "514 234 5678")
    real = send_sms(platform, test, template["template_id"], "514 234 5678").json()["id"]
    platform.drain()
    assert platform.outbox() == []
    read = {  # test and live are two worlds: read with the test key
        number: platform.http("GET", f"/v1/notifications/{nid}", headers=bearer(test)).json()
        for number, nid in {**outcomes, "real": real}.items()
    }
    assert {number: (answer["status"], answer.get("failure_reason")) for number, answer in read.items()} == {
        "+15145550100": ("delivered", None),
        "+15145550101": ("permanent-failure", "simulated"),  # a failure always says why
        "+15145550102": ("temporary-failure", "simulated"),
        "real": ("delivered", None),
    }
