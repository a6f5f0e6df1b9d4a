"""The whole lifecycle locally: what SES and SNS accepted comes back as their receipts, through the
template's own wiring (local/aws/provider_receipts.py), so each send moves queued -> sending ->
delivered or the failure its recipient asks for, with its status event (the callbacks), and the
outbox shows what the provider reported for each message."""

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.notifications import (
    EMAIL_TEMPLATE,
    SMS_TEMPLATE,
    consent,
    create_template,
    listen,
    received,
    send_email,
    send_sms,
)
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal: outside SMS quiet hours
DOMAIN = "recus.simulation.numeriqc.quebec"
EMAILS = {  # recipient -> (status, failure reason, the provider's receipt in the outbox)
    "zoe@exemple.quebec": ("delivered", None, "Delivery"),
    f"rebond-permanent@{DOMAIN}": ("permanent-failure", "bounce-permanent", "Bounce"),
    f"rebond-temporaire@{DOMAIN}": ("temporary-failure", "bounce-transient", "Bounce"),
    f"rejet@{DOMAIN}": ("technical-failure", "reject", "Reject"),
    f"plainte@{DOMAIN}": ("delivered", None, "Complaint"),
}
PHONES = {
    "+15142345678": ("delivered", None, "SUCCESS"),
    "+15145550111": ("temporary-failure", "phone-unreachable", "FAILURE"),
    "+15145550112": ("permanent-failure", "invalid-number", "FAILURE"),
    "+15145550113": ("permanent-failure", "opted-out", "FAILURE"),
    "+15145550114": ("technical-failure", "carrier-blocked", "FAILURE"),
    "+15145550115": ("technical-failure", "unknown", "FAILURE"),
}


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    platform.clock.set(MORNING)
    platform.receipts.enabled = True  # as under `numeriqc dev`


def test_each_reserved_recipient_gets_its_status_through_the_providers_receipts(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    events = listen(platform, key)
    email_template = create_template(platform, key, EMAIL_TEMPLATE)["template_id"]
    sms_template = create_template(platform, key, SMS_TEMPLATE)["template_id"]
    sent: dict[str, str] = {}
    for address in EMAILS:
        consent(platform, key, "email", address)
        answer = send_email(platform, key, email_template, address)
        assert answer.status == 201, answer.text
        sent[address] = answer.json()["id"]
    for number in PHONES:
        consent(platform, key, "sms", number)
        answer = send_sms(platform, key, sms_template, number)
        assert answer.status == 201, answer.text
        sent[number] = answer.json()["id"]
    platform.drain()

    expected = {**EMAILS, **PHONES}
    for recipient, notification_id in sent.items():
        read = platform.http("GET", f"/v1/notifications/{notification_id}", headers=bearer(key)).json()
        assert (read["status"], read["failure_reason"]) == expected[recipient][:2], recipient
        assert read["sent_at"] is not None  # it went through the provider: it was `sending` first
    finals = {event["data"]["id"]: event["data"]["status"] for event in received(events)}
    assert finals == {nid: expected[recipient][0] for recipient, nid in sent.items()}  # one callback each

    outbox = {message.to[0]: message for message in platform.outbox()}
    assert {recipient: outbox[recipient].receipt for recipient in expected} == {
        recipient: outcome[2] for recipient, outcome in expected.items()
    }
    # what the receipts mean beyond the status: a complaint withdraws the organization's consent,
    # an opted-out receipt puts the number on the platform-wide opt-out
    looked_up = platform.http(
        "POST",
        "/v1/consents/lookup",
        headers=bearer(key),
        json={"channel": "email", "recipient": f"plainte@{DOMAIN}"},
    ).json()
    assert looked_up["status"] == "withdrawn"
    again = send_sms(platform, key, sms_template, "+15145550113")
    assert again.status == 422 and again.json()["errors"][0]["code"] == "platform-opt-out"


def test_without_the_simulation_a_send_stays_sending_as_moto_reports_nothing(
    platform: Any, new_key: NewKey
) -> None:
    platform.receipts.enabled = False
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)["template_id"]
    consent(platform, key, "sms", "+15145550112")
    notification_id = send_sms(platform, key, template, "+15145550112").json()["id"]
    platform.drain()
    read = platform.http("GET", f"/v1/notifications/{notification_id}", headers=bearer(key)).json()
    assert read["status"] == "sending"
    assert [message.receipt for message in platform.outbox()] == [None]
