"""One OpenAPI document for the whole platform, merged from every service's resolver.

`python -m numeriqc.platform.openapi > docs/openapi.json` regenerates the committed copy; a test
fails when it drifts from the code.
"""

import importlib
import json
from typing import Any

from numeriqc.core.http import API_DESCRIPTION, API_TITLE, API_VERSION

# Every HTTP API module of the platform; infra maps each to its function, this merges their routes.
API_MODULES: tuple[str, ...] = (
    "numeriqc.platform.handlers.api",
    "numeriqc.organizations.handlers.api",
    "numeriqc.feedback.handlers.api",
    "numeriqc.barometer.handlers.api",
)


def document() -> dict[str, Any]:
    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": API_TITLE, "version": API_VERSION, "description": API_DESCRIPTION},
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {}},
        "tags": [],
    }
    for module_name in API_MODULES:
        app = importlib.import_module(module_name).app
        schema = json.loads(app.get_openapi_json_schema())
        for path, operations in schema.get("paths", {}).items():
            merged["paths"].setdefault(path, {}).update(operations)
        components = schema.get("components", {})
        merged["components"]["schemas"].update(components.get("schemas", {}))
        merged["components"]["securitySchemes"].update(components.get("securitySchemes", {}))
        for tag in schema.get("tags", []):
            if tag not in merged["tags"]:
                merged["tags"].append(tag)
    _describe_problems(merged)
    merged["paths"] = dict(sorted(merged["paths"].items()))
    merged["components"]["schemas"] = dict(sorted(merged["components"]["schemas"].items()))
    return merged


_PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details, in French or English (Accept-Language)",
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "code", "detail"],
                "properties": {
                    "field": {"type": "string"},
                    "code": {"type": "string"},
                    "detail": {"type": "string"},
                },
            },
        },
    },
}
_PROBLEM_RESPONSES = {
    "400": "Requête malformée / malformed request",
    "401": "Clé d'API absente, invalide, révoquée ou expirée / missing, invalid, revoked or expired API key",
    "403": "Portée manquante / missing scope",
    "404": "Introuvable / not found",
    "422": "Données invalides, chaque champ nommé / invalid data, each field named",
}


def _describe_problems(document: dict[str, Any]) -> None:
    """Replace Powertools' default 422 schema with ours: every 4xx is problem+json."""
    document["components"]["schemas"].pop("HTTPValidationError", None)
    for name in ("ValidationError", "ResponseValidationError"):
        document["components"]["schemas"].pop(name, None)
    document["components"]["schemas"]["Problem"] = _PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in document["paths"].values():
        for operation in operations.values():
            statuses = ["400", "422"] + (["401", "403", "404"] if operation.get("security") else [])
            for status in statuses:
                operation.setdefault("responses", {})[status] = {
                    "description": _PROBLEM_RESPONSES[status],
                    "content": problem,
                }


def render() -> str:
    return json.dumps(document(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


if __name__ == "__main__":
    print(render(), end="")  # noqa: T201
