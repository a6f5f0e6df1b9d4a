import json
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from numeriqc.core.idempotency import MAX_KEY_LENGTH
from numeriqc.platform.openapi import document, render
from numeriqc_local.dev.openapi import documented_modules
from numeriqc_local.template.assembly import Template

COMMITTED = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"


@pytest.fixture(scope="module")
def schema(numeriqc_template: Template) -> dict[str, Any]:
    return document(documented_modules(numeriqc_template))


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, ops in schema["paths"].items() for method, op in ops.items()]


def test_committed_openapi_document_matches_the_code(numeriqc_template: Template) -> None:
    rendered = render(documented_modules(numeriqc_template))
    assert COMMITTED.read_text() == rendered, "docs/openapi.json is stale: run `make openapi` and commit it"


def test_every_routed_service_is_documented(numeriqc_template: Template) -> None:
    modules = documented_modules(numeriqc_template)
    assert "numeriqc.platform.handlers.api" in modules
    assert "numeriqc.notifications.handlers.api" in modules
    assert len(modules) == len(set(modules))


def test_openapi_document_is_valid_and_every_4xx_is_problem_json(schema: dict[str, Any]) -> None:
    validate(json.loads(json.dumps(schema)))
    for method, path, operation in _operations(schema):
        notify = path.startswith("/v2/")  # GOV.UK Notify's surface answers Notify's envelope
        for status, response in operation["responses"].items():
            if status.startswith("4"):
                expected = (
                    {"application/json": "NotifyErrors"}
                    if notify
                    else {"application/problem+json": "Problem"}
                )
                assert {
                    kind: body["schema"]["$ref"].rsplit("/", 1)[-1]
                    for kind, body in response["content"].items()
                } == (expected), (method, path, status)
        if operation.get("security"):
            assert {"401", "403"} <= set(operation["responses"]), (method, path)
        if "requestBody" in operation:
            assert ({"400"} if notify else {"400", "415", "422"}) <= set(operation["responses"]), (
                method,
                path,
            )


def test_a_204_answer_declares_no_content(schema: dict[str, Any]) -> None:
    empty = [(m, p, op["responses"]["204"]) for m, p, op in _operations(schema) if "204" in op["responses"]]
    assert empty, "some routes answer 204"
    for method, path, response in empty:
        assert "content" not in response, (method, path)


def test_every_idempotency_key_header_states_its_limits(schema: dict[str, Any]) -> None:
    headers = [
        parameter
        for _, _, operation in _operations(schema)
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "header" and parameter["name"] == "idempotency-key"
    ]
    assert len(headers) >= 5
    for parameter in headers:
        assert parameter["schema"]["maxLength"] == MAX_KEY_LENGTH
        assert parameter["schema"]["minLength"] == 1
        assert str(MAX_KEY_LENGTH) in parameter["description"]


def test_health_declares_both_of_its_answers(schema: dict[str, Any]) -> None:
    responses = schema["paths"]["/health"]["get"]["responses"]
    for status in ("200", "503"):
        content = responses[status]["content"]["application/json"]["schema"]
        assert content == {"$ref": "#/components/schemas/HealthReport"}
    assert not any(status.startswith("4") for status in responses), "health takes no input"
