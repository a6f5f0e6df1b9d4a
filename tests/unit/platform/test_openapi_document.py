import json
from pathlib import Path

from openapi_spec_validator import validate

from numeriqc.platform.openapi import document, render

COMMITTED = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"


def test_committed_openapi_document_matches_the_code() -> None:
    assert COMMITTED.read_text() == render(), "docs/openapi.json is stale: run `make openapi` and commit it"


def test_openapi_document_is_valid_and_every_4xx_is_problem_json() -> None:
    schema = document()
    validate(json.loads(json.dumps(schema)))
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    assert list(response["content"]) == ["application/problem+json"], (method, path, status)
            if operation.get("security"):
                assert {"401", "403"} <= set(operation["responses"]), (method, path)
