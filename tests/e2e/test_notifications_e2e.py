"""Notifications over HTTP: a reserved recipient's email delivered on any target; locally, the
email itself found in /_local/outbox."""

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from .target import Target
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


def test_an_email_to_the_delivered_simulation_address_ends_delivered(target: Target) -> None:
    """The reserved recipient never reaches a provider, on any target, and its status is final."""
    url, auth = target.url, target.auth
    template = {
        "channel": "email",
        "name": f"e2e-{uuid.uuid4().hex[:8]}",
        "subject": "Rappel",
        "body": "Bonjour.",
    }
    status, _, body = call("POST", f"{url}/v1/templates", template, auth)
    assert status == 201, body
    recipient = "livre@simulation.numeriqc.quebec"
    consent = {"channel": "email", "recipient": recipient, "purpose": "rappels", "source": "e2e"}
    assert call("POST", f"{url}/v1/consents", consent, auth)[0] == 201
    send = {"template_id": json.loads(body)["template_id"], "email_address": recipient}
    status, headers, body = call("POST", f"{url}/v1/notifications/email", send, auth)
    assert status == 201, body
    read = target.until(  # the sender works from its queue
        lambda: json.loads(call("GET", f"{url}{headers['location']}", headers=auth)[2]),
        lambda notification: notification.get("status") == "delivered",
    )
    assert read["status"] == "delivered", read


def test_after_an_edit_under_functions_the_receipts_still_come(dev_platform: Any) -> None:
    """An edit makes the dev server re-import the functions' code, with a new boto3 session: the
    runtime's hooks go on it again, or no send is heard and every message stays `sending`."""
    url, key = dev_platform.url, demo_key(dev_platform)
    auth = {"Authorization": f"Bearer {key}"}
    edited = (
        Path(__file__).resolve().parents[2] / "functions" / "numeriqc" / "notifications" / "send_times.py"
    )
    os.utime(edited)  # what an editor's save does to the watcher
    assert call("POST", f"{url}/_local/drain")[0] == 200  # a drain applies edits first
    assert "handlers reloaded" in (dev_platform.dev_env.parent / "dev.log").read_text()
    template = {"channel": "email", "name": "e2e-reload", "subject": "Rappel", "body": "Bonjour."}
    status, _, body = call("POST", f"{url}/v1/templates", template, auth)
    assert status == 201, body
    recipient = f"e2e-{uuid.uuid4().hex[:8]}@exemple.ca"  # a real address: the provider's receipt decides
    consent = {"channel": "email", "recipient": recipient, "purpose": "rappels", "source": "e2e"}
    assert call("POST", f"{url}/v1/consents", consent, auth)[0] == 201
    send = {"template_id": json.loads(body)["template_id"], "email_address": recipient}
    status, headers, body = call("POST", f"{url}/v1/notifications/email", send, auth)
    assert status == 201, body
    assert call("POST", f"{url}/_local/drain")[0] == 200
    read = json.loads(call("GET", f"{url}{headers['location']}", headers=auth)[2])
    assert read["status"] == "delivered", read
