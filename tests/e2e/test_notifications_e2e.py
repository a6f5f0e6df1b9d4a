"""Notifications over HTTP against a running `numeriqc dev`: send an email, find it in /_local/outbox."""

import json
from typing import Any

import pytest

from .test_feedback_e2e import call, demo_key

pytestmark = pytest.mark.e2e


def test_send_an_email_then_see_it_in_the_local_outbox(dev_platform: Any) -> None:
    url, key = dev_platform.url, demo_key(dev_platform)
    auth = {"Authorization": f"Bearer {key}"}
    status, _, body = call(
        "POST",
        f"{url}/v1/templates",
        {
            "channel": "email",
            "name": "e2e",
            "subject": "Rappel ((quoi))",
            "body": "Bonjour ((nom)), **rappel**.",
        },
        auth,
    )
    assert status == 201, body
    template_id = json.loads(body)["template_id"]
    consent = {"channel": "email", "recipient": "e2e@exemple.ca", "purpose": "rappels", "source": "e2e"}
    assert call("POST", f"{url}/v1/consents", consent, auth)[0] == 201
    send = {
        "template_id": template_id,
        "email_address": "e2e@exemple.ca",
        "personalisation": {"quoi": "permis", "nom": "Zoé"},
    }
    status, _, body = call("POST", f"{url}/v1/notifications/email", send, auth)
    assert status == 201, body
    assert call("POST", f"{url}/_local/drain")[0] == 200
    status, _, body = call("GET", f"{url}/_local/outbox")
    sent = [m for m in json.loads(body) if m["kind"] == "email" and m["to"] == ["e2e@exemple.ca"]]
    assert [m["subject"] for m in sent] == ["Rappel permis"]
    assert "Bonjour Zoé, rappel." in sent[0]["body"]
