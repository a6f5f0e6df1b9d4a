"""One OpenAPI document for the whole platform, merged from every service's resolver.

Which resolvers: exactly those infra routed. `Api.add_service` records each resolver's module and
the platform function receives the list (`API_MODULES`, see `settings.py`), so a service added
with `api.add_service` is documented with no edit here, and the document's operations are the
deployed routes (a test compares them with the synthesized template's). `make openapi` renders it
with the synthesized template's list into docs/openapi.json; a test fails when that copy drifts.
"""

import importlib
import json
from collections.abc import Sequence
from typing import Any

from numeriqc.core.http import API_DESCRIPTION, API_TITLE, API_VERSION
from numeriqc.core.idempotency import MAX_KEY_LENGTH


def document(api_modules: Sequence[str]) -> dict[str, Any]:
    """The merged document of the resolvers (`module.app`) of `api_modules`."""
    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": API_TITLE, "version": API_VERSION, "description": API_DESCRIPTION},
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {}},
        "tags": [],
    }
    for module_name in api_modules:
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
    _describe_empty_answers(merged)
    _describe_idempotency_keys(merged)
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
# GOV.UK Notify's error envelope: every refusal of the /v2 surface (notifications' notify_v2 routes).
_NOTIFY_ERRORS_SCHEMA: dict[str, Any] = {
    "title": "NotifyErrors",
    "description": "GOV.UK Notify's error envelope (/v2), in English or French (Accept-Language: fr)",
    "type": "object",
    "required": ["status_code", "errors"],
    "properties": {
        "status_code": {"type": "integer"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["error", "message"],
                "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}
_NOTIFY_RESPONSES = {
    "400": "BadRequestError, ValidationError",
    "401": "AuthError: jeton absent / token missing",
    "403": "AuthError: jeton invalide, périmé, rejoué / bad, stale or replayed token, revoked key",
    "404": "NoResultFound",
    "429": "TooManyRequestsError: limite quotidienne / daily limit",
}
_PROBLEM_RESPONSES = {
    "400": "Requête malformée / malformed request",
    "401": "Clé d'API absente, invalide, révoquée ou expirée / missing, invalid, revoked or expired API key",
    "403": "Portée manquante / missing scope",
    "404": "Introuvable / not found",
    "415": "Le corps doit être du JSON (application/json) / the body must be JSON (application/json)",
    "422": "Données invalides, chaque champ nommé / invalid data, each field named",
}


def _describe_problems(document: dict[str, Any]) -> None:
    """Replace Powertools' default 422 schema with ours: every 4xx is problem+json.

    Each operation lists the refusals it can answer: input refusals where it takes input (a body
    or parameters), 415 where it takes a body, key refusals where it needs a key.
    """
    document["components"]["schemas"].pop("HTTPValidationError", None)
    for name in ("ValidationError", "ResponseValidationError"):
        document["components"]["schemas"].pop(name, None)
    document["components"]["schemas"]["Problem"] = _PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in document["paths"].items():
        if path.startswith("/v2/"):
            _describe_notify_errors(document, operations)
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)  # Powertools' own, re-added below only where there is input
            takes_body = "requestBody" in operation
            statuses = []
            if takes_body or operation.get("parameters"):
                statuses += ["400", "422"]
            if takes_body:
                statuses.append("415")
            if operation.get("security"):
                statuses += ["401", "403", "404"]
            elif "{" in path:
                statuses.append("404")
            for status in sorted(set(statuses)):
                responses[status] = {"description": _PROBLEM_RESPONSES[status], "content": problem}


def _describe_notify_errors(document: dict[str, Any], operations: dict[str, Any]) -> None:
    """/v2 answers Notify's envelope, never problem+json: Notify's clients read `errors[].message`."""
    document["components"]["schemas"]["NotifyErrors"] = _NOTIFY_ERRORS_SCHEMA
    envelope = {"application/json": {"schema": {"$ref": "#/components/schemas/NotifyErrors"}}}
    for operation in operations.values():
        responses = operation.setdefault("responses", {})
        responses.pop("422", None)
        statuses = ["400", "401", "403", "404"] + (["429"] if "requestBody" in operation else [])
        for status in statuses:
            responses[status] = {"description": _NOTIFY_RESPONSES[status], "content": envelope}


def _describe_empty_answers(document: dict[str, Any]) -> None:
    """A 204 has no body (RFC 9110): Powertools declares the handler's `None` as JSON content."""
    for operations in document["paths"].values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if status == "204":
                    response.pop("content", None)


_IDEMPOTENCY_KEY = (
    f"Rejouer sans doublon : de 1 à {MAX_KEY_LENGTH} caractères imprimables, valable 24 h, propre "
    f"à l'organisme et à la route. / Retry without duplicates: 1 to {MAX_KEY_LENGTH} printable "
    "characters, kept 24 h, scoped to the organization and the route."
)


def _describe_idempotency_keys(document: dict[str, Any]) -> None:
    """The limits `core.idempotency` enforces, stated where clients read them."""
    for operations in document["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "header" and parameter.get("name") == "idempotency-key":
                    parameter["description"] = _IDEMPOTENCY_KEY
                    parameter["schema"] = {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": MAX_KEY_LENGTH,
                        "title": "Idempotency-Key",
                    }


def render(api_modules: Sequence[str]) -> str:
    return json.dumps(document(api_modules), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
