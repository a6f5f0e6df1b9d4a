"""A user's state survives a restart of `numeriqc dev`; `--clean` forgets it; the demo keys never change."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import READY_TIMEOUT_SECONDS
from tests.support.dev_server import DevServerFailed, running_dev_server

pytestmark = pytest.mark.e2e


@contextmanager
def dev(home: Path, *arguments: str) -> Iterator[tuple[str, dict[str, str]]]:
    """A `numeriqc dev` with its .numeriqc/ in `home`, stopped with Ctrl-C (which saves the state)."""
    try:
        with running_dev_server(
            home, args=arguments, limit_seconds=READY_TIMEOUT_SECONDS, stop_seconds=120
        ) as server:
            yield server.url, server.values()
    except DevServerFailed as failure:
        pytest.fail(str(failure))


def call(method: str, url: str, key: str, body: Any = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        url,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def test_state_and_keys_survive_a_restart_and_a_clean_start_forgets_only_the_state(tmp_path: Path) -> None:
    with dev(tmp_path) as (url, values):
        key = values["NUMERIQC_DEMO_LIVE_KEY"]
        status, template = call(
            "POST", f"{url}/v1/templates", key, {"channel": "sms", "name": "garde", "body": "Bonjour"}
        )
        assert status == 201, template

    assert (tmp_path / "state" / "snapshot.json.gz").is_file()
    with dev(tmp_path) as (url, again):
        assert again["NUMERIQC_DEMO_LIVE_KEY"] == key
        assert again["NUMERIQC_DEMO_TEST_KEY"] == values["NUMERIQC_DEMO_TEST_KEY"]
        status, kept = call("GET", f"{url}/v1/templates/{template['template_id']}", key)
        assert status == 200 and kept["name"] == "garde"
        status, services = call("GET", f"{url}/v1/services", key)
        assert [item["service_id"] for item in services["items"]] == ["demo.permis"]

    with dev(tmp_path, "--clean") as (url, clean):
        assert clean["NUMERIQC_DEMO_LIVE_KEY"] == key
        status, _ = call("GET", f"{url}/v1/templates/{template['template_id']}", key)
        assert status == 404
