"""Public platform routes: health, OpenAPI, Swagger UI, and problem+json for unknown routes."""

from typing import Any

from numeriqc.core.problems import CONTENT_TYPE
from numeriqc.platform.openapi import document
from numeriqc_local.dev.openapi import documented_modules

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def test_health_reports_every_dependency_of_the_template(platform: Any) -> None:
    response = platform.http("GET", "/health")
    assert response.status == 200, response.text
    report = response.json()
    assert report["status"] == "ok"
    kinds = {check["kind"] for check in report["checks"]}
    assert {"dynamodb", "sns", "events", "kms", "secret"} <= kinds
    assert all(check["status"] == "ok" for check in report["checks"])
    assert response.header("cache-control") == "no-store"


def test_health_names_an_unreachable_dependency_and_answers_503(platform: Any) -> None:
    from numeriqc.core import aws

    aws.client("dynamodb").delete_table(TableName=platform.names["IdempotencyTable"])
    response = platform.http("GET", "/health")
    assert response.status == 503
    failed = [check["name"] for check in response.json()["checks"] if check["status"] != "ok"]
    assert len(failed) == 1 and "dempotency" in failed[0]


def test_unknown_routes_are_404_problems(platform: Any) -> None:
    for method, path in [("GET", "/v1/nothing-here"), ("POST", "/v2/whatever"), ("DELETE", "/")]:
        response = platform.http(method, path, headers={"Accept-Language": "en"})
        assert response.status == 404, (method, path, response.text)
        assert response.header("content-type") == CONTENT_TYPE
        assert path in response.json()["detail"]


def test_openapi_and_swagger_ui_are_served(platform: Any) -> None:
    response = platform.http("GET", "/openapi.json")
    assert response.status == 200
    assert response.json() == document(documented_modules(platform.wiring.template))
    page = platform.http("GET", "/docs")
    assert page.status == 200
    assert "swagger-ui" in page.text and 'lang="fr"' in page.text


def test_the_document_lists_every_deployed_route_and_nothing_else(platform: Any) -> None:
    """Its operations are the template's routes: a service routed by `api.add_service` is documented."""
    served = platform.http("GET", "/openapi.json").json()
    documented = {
        f"{method.upper()} {path}"
        for path, operations in served["paths"].items()
        for method in operations
        if method in METHODS
    }
    deployed = set(platform.routes()) - {"$default"}
    assert documented == deployed
    assert any(route.startswith("POST /v1/notifications") for route in documented)
