"""Schema-driven fuzzing of EVERY operation of the OpenAPI document: never a 5xx.

Schemathesis generates requests from the document (valid ones, and negative ones that break the
schema on purpose) and each goes through the local gateway with a live key holding every scope,
as a real organization's request would. Any 5xx fails; every problem must be wholly in the
language asked for (title and every field's detail). GOV.UK Notify's /v2 operations get a fresh
Notify JWT instead of the key and answer Notify's envelope (`status_code`, `errors`: [{error,
message}]), still never a 5xx. The operations are read from
docs/openapi.json, which a test keeps equal to the deployed routes, so a new service is fuzzed
with no edit here.

Deterministic and bounded: derandomized (same cases on every run, in CI too), no example database,
`EXAMPLES` cases per operation and mode.
"""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.core import NotSet

from numeriqc.core.problems import CONTENT_TYPE
from tests.support.languages import other_language
from tests.support.notify import notify_headers, notify_key
from tests.support.platform import NewKey, bearer

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"
SCHEMA = schemathesis.openapi.from_dict(json.loads(DOCUMENT.read_text()))
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}
EXAMPLES = 8


def _send(platform: Any, key: str, case: Any, language: str) -> Any:
    path = case.operation.path
    for name, value in (case.path_parameters or {}).items():
        path = path.replace("{" + name + "}", quote(str(value), safe=""))
    headers = {str(name): str(value) for name, value in (case.headers or {}).items()}
    headers.pop("authorization", None)
    if path.startswith("/v2/"):  # `key` is then a Notify key: a fresh token per request
        headers.update(notify_headers(key, datetime.now(UTC), language))
    else:
        headers.update(bearer(key, language))
    query = {name: value for name, value in (case.query or {}).items()}
    if isinstance(case.body, NotSet):
        return platform.http(case.method, path, headers=headers, query=query)
    headers["content-type"] = case.media_type or "application/json"
    if isinstance(case.body, bytes | bytearray):
        return platform.http(case.method, path, headers=headers, body=bytes(case.body), query=query)
    if "json" in headers["content-type"]:
        return platform.http(case.method, path, headers=headers, json=case.body, query=query)
    return platform.http(case.method, path, headers=headers, body=str(case.body), query=query)


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_generated_request_is_a_5xx(platform: Any, new_key: NewKey, label: str) -> None:
    operation = OPERATIONS[label]
    key = new_key("saaq")
    if operation.path.startswith("/v2/"):
        key = notify_key(platform, "saaq")
    strategies = [operation.as_strategy(generation_mode=mode) for mode in GenerationMode]

    @settings(
        max_examples=EXAMPLES * len(strategies),
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategies[0] | strategies[1])
    def fuzz(case: Any) -> None:
        language = "en" if len(repr(case.body)) % 2 else "fr"
        response = _send(platform, key, case, language)
        assert response.status < 500, (
            label,
            case.path_parameters,
            case.query,
            case.body,
            response.text[:500],
        )
        if response.status >= 400 and operation.path.startswith("/v2/") and response.status != 401:
            envelope = response.json()
            assert envelope["status_code"] == response.status, (label, envelope)
            assert all(set(error) == {"error", "message"} for error in envelope["errors"]), envelope
        elif response.status >= 400 and response.header("content-type") == CONTENT_TYPE:
            problem = response.json()
            assert {"type", "title", "status"} <= set(problem)
            assert response.header("content-language") == language
            for text in [problem["title"], *(error["detail"] for error in problem.get("errors", []))]:
                assert other_language(text, language) == [], (label, language, text)

    fuzz()
