"""Feedback over HTTP: submission, inbox and export download on any target; the widget locally."""

import json
import uuid
from typing import Any

import pytest

from .target import Target, call

pytestmark = pytest.mark.e2e
__all__ = ["call", "demo_key"]


def demo_key(dev_platform: Any) -> str:
    values = dict(
        line.split("=", 1)
        for line in dev_platform.dev_env.read_text().splitlines()
        if "=" in line and line[0] != "#"
    )
    return values["NUMERIQC_DEMO_LIVE_KEY"].strip().strip("'\"")


def test_the_widget_is_served_with_its_script(dev_platform: Any) -> None:
    status, headers, body = call("GET", f"{dev_platform.url}/widget/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert b'class="numeriqc-feedback"' in body
    status, headers, body = call("GET", f"{dev_platform.url}/widget/widget.js")
    assert status == 200
    assert b"/v1/feedback" in body
    assert call("GET", f"{dev_platform.url}/widget/../../pyproject.toml")[0] == 404


def test_submit_read_and_export_over_http(target: Target) -> None:
    url, auth = target.url, target.auth
    status, _, body = call("GET", f"{url}/v1/organization", headers=auth)
    assert status == 200, body
    service_id = f"{json.loads(body)['org_id']}.e2e{uuid.uuid4().hex[:8]}"
    slug = service_id.split(".", 1)[1]
    status, _, body = call(
        "POST", f"{url}/v1/services", {"slug": slug, "name_fr": "Essai", "name_en": "Test"}, auth
    )
    assert status == 201, body
    status, _, body = call(
        "POST",
        f"{url}/v1/feedback",
        {"service_id": service_id, "rating": 2, "comment": "Écrivez-moi à e2e@exemple.ca"},
        {"X-Forwarded-For": "198.51.100.77"},
    )
    assert status == 201, body
    receipt = json.loads(body)
    assert receipt["removed"] == ["email"]
    status, _, body = call("GET", f"{url}/v1/feedback/{receipt['receipt_id']}", headers=auth)
    assert status == 200, body
    assert json.loads(body)["comment"] == "Écrivez-moi à [courriel]"
    status, headers, body = call("POST", f"{url}/v1/feedback/exports", {"service_id": service_id}, auth)
    assert status == 202, body
    location = headers["location"]
    job = target.until(  # the export worker runs from its queue
        lambda: json.loads(call("GET", f"{url}{location}", headers=auth)[2]),
        lambda job: job.get("status") == "done",
    )
    assert job["status"] == "done", job
    status, _, content = call("GET", job["download_url"])  # the presigned URL, served by S3 (or moto)
    assert status == 200
    assert receipt["receipt_id"].encode() in content
    assert b"e2e@exemple.ca" not in content
