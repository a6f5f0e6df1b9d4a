"""GOV.UK Notify's official Python client (notifications-python-client, unchanged) against a running
`numeriqc dev`: only the base URL and the key differ from Notify (docs/notifications.md)."""

import json
import time
import uuid
from typing import Any

import pytest
from notifications_python_client import authentication
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

from .test_feedback_e2e import call, demo_key

pytestmark = pytest.mark.e2e
DELIVERED = "+1 514 555 0100"  # simulated recipient: delivered, never reaches a provider


def _notify_key(dev_platform: Any, kind: str) -> str:
    status, _, body = call(
        "POST",
        f"{dev_platform.url}/v1/notify/keys",
        {"name": f"e2e {kind}", "kind": kind},
        {"Authorization": f"Bearer {demo_key(dev_platform)}"},
    )
    assert status == 201, body
    return str(json.loads(body)["key"])


def _uuid(ulid: str) -> str:
    alphabet, value = "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 0
    for char in ulid:
        value = value * 32 + alphabet.index(char)
    return str(uuid.UUID(int=value))


@pytest.fixture(scope="module")
def ready(dev_platform: Any) -> tuple[str, str]:
    """(SMS template UUID, email template UUID) of the demo organization, consent recorded."""
    auth = {"Authorization": f"Bearer {demo_key(dev_platform)}"}
    ids = []
    for template in (
        {"channel": "sms", "name": "e2e notify", "body": "Bonjour ((nom)), rendez-vous le ((date))."},
        {"channel": "email", "name": "e2e notify", "subject": "Rappel ((quoi))", "body": "Bonjour ((nom))."},
    ):
        status, _, body = call("POST", f"{dev_platform.url}/v1/templates", template, auth)
        assert status == 201, body
        ids.append(_uuid(json.loads(body)["template_id"]))
    for channel, recipient in (("sms", DELIVERED), ("email", "livre@simulation.numeriqc.quebec")):
        consent = {"channel": channel, "recipient": recipient, "purpose": "rappels", "source": "e2e"}
        assert call("POST", f"{dev_platform.url}/v1/consents", consent, auth)[0] == 201
    return ids[0], ids[1]


@pytest.mark.parametrize("kind", ["live", "test"])
def test_every_client_call_with_live_and_test_keys(
    dev_platform: Any, ready: tuple[str, str], kind: str
) -> None:
    sms_template, email_template = ready
    client = NotificationsAPIClient(_notify_key(dev_platform, kind), base_url=dev_platform.url)
    sms = client.send_sms_notification(
        phone_number=DELIVERED,
        template_id=sms_template,
        personalisation={"nom": "Zoé", "date": "1er mars"},
        reference=f"e2e-{kind}",
    )
    assert sms["content"]["body"] == "Bonjour Zoé, rendez-vous le 1er mars."
    assert sms["template"]["id"] == sms_template
    email = client.send_email_notification(
        email_address="livre@simulation.numeriqc.quebec",
        template_id=email_template,
        personalisation={"nom": "Zoé", "quoi": "permis"},
        reference=f"e2e-{kind}",
        email_reply_to_id=str(uuid.uuid4()),
        one_click_unsubscribe_url="https://exemple.quebec/desabonnement",
    )
    assert email["content"]["subject"] == "Rappel permis"
    assert call("POST", f"{dev_platform.url}/_local/drain")[0] == 200

    read = client.get_notification_by_id(sms["id"])
    assert (read["id"], read["type"], read["reference"]) == (sms["id"], "sms", f"e2e-{kind}")
    # `created` while SMS quiet hours (21:00-08:00 in Montréal, the wall clock here) hold it back.
    assert read["status"] in {"created", "sending", "delivered"}
    listed = client.get_all_notifications(reference=f"e2e-{kind}", template_type="email")
    assert [item["id"] for item in listed["notifications"]] == [email["id"]]
    assert client.get_all_notifications(older_than=email["id"])["notifications"] != []
    assert (
        client.get_all_notifications(status="technical-failure", reference=f"e2e-{kind}")["notifications"]
        == []
    )

    assert client.get_template(sms_template)["type"] == "sms"
    assert client.get_template_version(email_template, 1)["subject"] == "Rappel ((quoi))"
    assert email_template in [t["id"] for t in client.get_all_templates(template_type="email")["templates"]]
    preview = client.post_template_preview(sms_template, personalisation={"nom": "Léa", "date": "mardi"})
    assert preview["body"] == "Bonjour Léa, rendez-vous le mardi."
    assert client.get_received_texts()["received_text_messages"] == []


def test_errors_are_notify_errors(
    dev_platform: Any, ready: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sms_template, _ = ready
    client = NotificationsAPIClient(_notify_key(dev_platform, "live"), base_url=dev_platform.url)
    cases = [
        (dict(phone_number=DELIVERED, template_id=str(uuid.uuid4())), 400, "Template not found"),
        (
            dict(phone_number="123", template_id=sms_template, personalisation={"nom": "a", "date": "b"}),
            400,
            "phone_number",
        ),
        (
            dict(
                phone_number="+1 514 234 0000",
                template_id=sms_template,
                personalisation={"nom": "a", "date": "b"},
            ),
            400,
            "consent",
        ),
    ]
    for arguments, status, text in cases:
        with pytest.raises(HTTPError) as raised:
            client.send_sms_notification(**arguments)
        assert raised.value.status_code == status
        assert text.lower() in json.dumps(raised.value.message).lower()
    with pytest.raises(HTTPError) as raised:
        client.send_letter_notification(template_id=sms_template, personalisation={"address_line_1": "x"})
    assert raised.value.status_code == 400
    with pytest.raises(HTTPError) as raised:
        client.get_notification_by_id(str(uuid.uuid4()))
    assert raised.value.status_code == 404

    stale = int(time.time()) - 120
    monkeypatch.setattr(authentication, "epoch_seconds", lambda: stale)
    with pytest.raises(HTTPError) as raised:
        client.get_all_templates()
    assert raised.value.status_code == 403
    assert raised.value.message == [
        {"error": "AuthError", "message": "Error: Your system clock must be accurate to within 30 seconds"}
    ]


def test_a_team_key_sends_to_its_guest_list_only(dev_platform: Any, ready: tuple[str, str]) -> None:
    sms_template, _ = ready
    auth = {"Authorization": f"Bearer {demo_key(dev_platform)}"}
    guests = {"recipients": ["514-555-0100", "equipe@example.qc.ca"]}
    status, _, body = call("PUT", f"{dev_platform.url}/v1/notify/guest-list", guests, auth)
    assert status == 200, body
    client = NotificationsAPIClient(_notify_key(dev_platform, "team"), base_url=dev_platform.url)
    personalisation = {"nom": "Zoé", "date": "1er mars"}
    sms = client.send_sms_notification(
        phone_number=DELIVERED,
        template_id=sms_template,
        personalisation=personalisation,
        reference="e2e-team",
    )
    assert client.get_notification_by_id(sms["id"])["reference"] == "e2e-team"
    with pytest.raises(HTTPError) as raised:
        client.send_sms_notification(
            phone_number="+1 514 234 0000", template_id=sms_template, personalisation=personalisation
        )
    assert raised.value.status_code == 400
    assert raised.value.message == [
        {"error": "BadRequestError", "message": "Can’t send to this recipient using a team-only API key"}
    ]
