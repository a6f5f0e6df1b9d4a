"""The platform answers like the deployed API would (any target); `numeriqc dev`'s own endpoints."""

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from .target import Target

pytestmark = pytest.mark.e2e

# `dev_platform` (tests/e2e/conftest.py) has .url, .moto_url, .dev_env and .ready_seconds.


def call(method: str, url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_health_answers_200(target: Target) -> None:
    status, headers, body = call("GET", f"{target.url}/health")
    assert status == 200, body
    assert headers["content-type"].startswith("application/json")
    assert json.loads(body)["status"] == "ok"


def test_an_unknown_route_is_a_problem_json_404(target: Target) -> None:
    status, headers, body = call("GET", f"{target.url}/no/such/route")
    assert status == 404
    assert headers["content-type"].startswith("application/problem+json")
    problem: dict[str, Any] = json.loads(body)
    assert problem["status"] == 404
    assert problem["title"]


def test_a_protected_route_without_key_is_api_gateways_401(target: Target) -> None:
    status, _, body = call("GET", f"{target.url}/v1/organization")
    assert (status, json.loads(body)) == (401, {"message": "Unauthorized"})


def test_local_outbox_and_tick_answer_json(dev_platform: Any) -> None:
    status, headers, body = call("GET", f"{dev_platform.url}/_local/outbox")
    assert status == 200
    assert headers["content-type"] == "application/json"
    assert isinstance(json.loads(body), list)
    status, _, body = call("POST", f"{dev_platform.url}/_local/tick")
    assert status == 200
    assert isinstance(json.loads(body)["fired"], int)


def test_dev_env_points_other_tools_at_the_platform(dev_platform: Any) -> None:
    values = dict(
        line.split("=", 1)
        for line in dev_platform.dev_env.read_text().splitlines()
        if "=" in line and line[0] != "#"
    )
    assert values["AWS_ENDPOINT_URL"] == dev_platform.moto_url
    assert values["NUMERIQC_API_URL"] == dev_platform.url
    assert values["AWS_REGION"] == "ca-central-1"


def test_the_stack_outputs_name_this_server_where_aws_would_name_its_domains(dev_platform: Any) -> None:
    """outputs.json lists what `describe-stacks` would, once deployed; the API's execute-api and the
    barometer site's CloudFront addresses are this server (the site's was missing, with a warning
    per start, and the API's named a host that does not exist)."""
    outputs = json.loads((dev_platform.dev_env.parent / "outputs.json").read_text())
    assert outputs["BarometerSiteUrl"] == f"{dev_platform.url}/barometre/"
    assert outputs["ApiUrl"] == f"{dev_platform.url}/"
    assert {"ApiUrl", "EventBusName", "BarometerSiteBucketName"} <= outputs.keys()
    with urllib.request.urlopen(outputs["BarometerSiteUrl"], timeout=30) as page:  # local dev server
        assert page.status == 200
