"""Route selection follows API Gateway's HTTP API rules (most specific first, $default last)."""

import pytest

from numeriqc_local.http.routes import DEFAULT_ROUTE, match_route

ROUTES = [
    "GET /v1/subscriptions",
    "GET /v1/subscriptions/{subscription_id}",
    "GET /v1/subscriptions/active",
    "DELETE /v1/subscriptions/{subscription_id}",
    "ANY /v1/subscriptions/{subscription_id}",
    "GET /files/{proxy+}",
    "ANY /{proxy+}",
    "GET /",
    DEFAULT_ROUTE,
]


@pytest.mark.parametrize(
    ("method", "path", "route_key", "parameters"),
    [
        ("GET", "/v1/subscriptions", "GET /v1/subscriptions", {}),
        ("GET", "/v1/subscriptions/active", "GET /v1/subscriptions/active", {}),
        (
            "GET",
            "/v1/subscriptions/sub-1",
            "GET /v1/subscriptions/{subscription_id}",
            {"subscription_id": "sub-1"},
        ),
        (
            "DELETE",
            "/v1/subscriptions/sub-1",
            "DELETE /v1/subscriptions/{subscription_id}",
            {"subscription_id": "sub-1"},
        ),
        (
            "PATCH",
            "/v1/subscriptions/sub-1",
            "ANY /v1/subscriptions/{subscription_id}",
            {"subscription_id": "sub-1"},
        ),
        ("GET", "/files/a/b%20c.txt", "GET /files/{proxy+}", {"proxy": "a/b c.txt"}),
        ("POST", "/files/a", "ANY /{proxy+}", {"proxy": "files/a"}),
        ("GET", "/", "GET /", {}),
        ("GET", "/v1/subscriptions/a/b", "ANY /{proxy+}", {"proxy": "v1/subscriptions/a/b"}),
    ],
)
def test_the_most_specific_route_wins(
    method: str, path: str, route_key: str, parameters: dict[str, str]
) -> None:
    found = match_route(ROUTES, method, path)
    assert found is not None
    assert found.route_key == route_key
    assert found.path_parameters == parameters


def test_default_route_only_catches_what_nothing_else_matches() -> None:
    routes = ["GET /health", DEFAULT_ROUTE]
    assert match_route(routes, "GET", "/health").route_key == "GET /health"  # type: ignore[union-attr]
    assert match_route(routes, "POST", "/health").route_key == DEFAULT_ROUTE  # type: ignore[union-attr]
    assert match_route(routes, "GET", "/health/").route_key == DEFAULT_ROUTE  # type: ignore[union-attr]


def test_no_route_and_no_default_means_no_match() -> None:
    assert match_route(["GET /health"], "GET", "/other") is None
    assert match_route(["GET /items/{id}"], "GET", "/items/") is None
    assert match_route(["GET /files/{proxy+}"], "GET", "/files") is None


def test_a_greedy_variable_must_be_last() -> None:
    with pytest.raises(ValueError, match="greedy"):
        match_route(["GET /{proxy+}/x"], "GET", "/a/x")
