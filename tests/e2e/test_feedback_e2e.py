"""Feedback over HTTP against a running `numeriqc dev`: widget, submission, inbox, export download."""

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

pytestmark = pytest.mark.e2e


def call(
    method: str, url: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
    request = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # loopback
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


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


def test_submit_read_and_export_over_http(dev_platform: Any) -> None:
    url, key = dev_platform.url, demo_key(dev_platform)
    auth = {"Authorization": f"Bearer {key}"}
    status, _, body = call(
        "POST", f"{url}/v1/services", {"slug": "e2e", "name_fr": "Essai", "name_en": "Test"}, auth
    )
    assert status in (201, 409), body
    status, _, body = call(
        "POST",
        f"{url}/v1/feedback",
        {"service_id": "demo.e2e", "rating": 2, "comment": "Écrivez-moi à e2e@exemple.ca"},
        {"X-Forwarded-For": "198.51.100.77"},
    )
    assert status == 201, body
    receipt = json.loads(body)
    assert receipt["removed"] == ["email"]
    status, _, body = call("GET", f"{url}/v1/feedback/{receipt['receipt_id']}", headers=auth)
    assert status == 200, body
    assert json.loads(body)["comment"] == "Écrivez-moi à [courriel]"
    status, headers, body = call("POST", f"{url}/v1/feedback/exports", {"service_id": "demo.e2e"}, auth)
    assert status == 202, body
    location = headers["location"]
    assert call("POST", f"{url}/_local/drain")[0] == 200  # run the export worker now
    status, _, body = call("GET", f"{url}{location}", headers=auth)
    job = json.loads(body)
    assert job["status"] == "done", job
    status, _, content = call("GET", job["download_url"])  # the presigned URL, served by moto
    assert status == 200
    assert receipt["receipt_id"].encode() in content
    assert b"e2e@exemple.ca" not in content
