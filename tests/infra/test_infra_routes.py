"""`routes_of`: the routes of a resolver, and which of them need an API key, from its OpenAPI document."""

from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.event_handler.openapi.models import HTTPBearer, OpenAPI

from numeriqc_infra.routes import Route, routes_of

KEY = [{"key": []}]


def resolver() -> APIGatewayHttpResolver:
    app = APIGatewayHttpResolver(enable_validation=True)
    app.configure_openapi(security_schemes={"key": HTTPBearer()})  # type: ignore[dict-item]
    return app


def test_operations_become_routes_with_api_gateway_paths_and_keys() -> None:
    app = resolver()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {}

    @app.post("/v1/things/<thing_id>/parts", security=KEY)
    def add_part(thing_id: str) -> dict[str, str]:
        return {}

    @app.delete("/v1/things/<thing_id>", security=KEY)
    def delete(thing_id: str) -> dict[str, str]:
        return {}

    assert routes_of(app) == [
        Route("DELETE", "/v1/things/{thing_id}", needs_key=True),
        Route("GET", "/health", needs_key=False),
        Route("POST", "/v1/things/{thing_id}/parts", needs_key=True),
    ]
    assert Route("GET", "/health", needs_key=False).key == "GET /health"


def test_global_security_applies_to_every_operation() -> None:
    app = resolver()
    app.configure_openapi(security_schemes={"key": HTTPBearer()}, security=KEY)  # type: ignore[dict-item]

    @app.get("/v1/secret")
    def secret() -> dict[str, str]:
        return {}

    assert routes_of(app) == [Route("GET", "/v1/secret", needs_key=True)]


class _Documented:
    """A resolver reduced to its OpenAPI document (Powertools cannot write `security: []` itself)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = OpenAPI.model_validate(document)

    def get_openapi_schema(self) -> OpenAPI:
        return self.document


def test_an_operation_with_empty_security_opts_out_of_the_global_requirement() -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "security": KEY,
        "paths": {
            "/v1/secret": {"get": {"responses": {}}},
            "/v1/public": {"get": {"security": [], "responses": {}}},
        },
    }
    needs = {route.path: route.needs_key for route in routes_of(_Documented(document))}  # type: ignore[arg-type]
    assert needs == {"/v1/secret": True, "/v1/public": False}


def test_routes_hidden_from_the_schema_are_not_routed() -> None:
    """They reach the platform function through `$default`, which answers them or 404s."""
    app = resolver()

    @app.get("/docs", include_in_schema=False)
    def docs() -> str:
        return ""

    assert routes_of(app) == []
