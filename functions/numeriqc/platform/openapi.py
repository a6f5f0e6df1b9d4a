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
    "numeriqc.platform.api",
    "numeriqc.organizations.api",
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
    merged["paths"] = dict(sorted(merged["paths"].items()))
    merged["components"]["schemas"] = dict(sorted(merged["components"]["schemas"].items()))
    return merged


def render() -> str:
    return json.dumps(document(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


if __name__ == "__main__":
    print(render(), end="")  # noqa: T201
