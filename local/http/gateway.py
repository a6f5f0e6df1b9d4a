"""The HTTP API, emulated: routing, the Lambda REQUEST authorizer with its cache, CORS, errors.

What API Gateway answers by itself is reproduced exactly, because clients (and our tests) see it:
no route -> 404 `{"message":"Not Found"}`; identity source missing -> 401
`{"message":"Unauthorized"}` without calling the authorizer; authorizer says no -> 403
`{"message":"Forbidden"}`; authorizer or function crash -> 500 `{"message":"Internal Server
Error"}`. Authorizer answers are cached per identity-source values for the authorizer's TTL, on
the runtime's clock, so a revoked key keeps working until the TTL ends, locally as in AWS.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ..clock import Clock
from ..template.wiring import ApiDef, AuthorizerDef, RouteDef
from .events import (
    HttpRequest,
    HttpResponse,
    RequestInfo,
    authorizer_event,
    function_response,
    gateway_error,
    http_event,
    new_request_id,
    query_parameters,
    request_context,
    route_arn,
)
from .routes import match_route

log = logging.getLogger("numeriqc_local")

Invoke = Callable[[str, Any], Any]


@dataclass(frozen=True)
class _Decision:
    allowed: bool
    context: Mapping[str, Any]
    expires: Any


class Gateway:
    """One HTTP API of the template, answering `HttpRequest`s by invoking functions in-process."""

    def __init__(self, api: ApiDef, invoke: Invoke, clock: Clock) -> None:
        self.api = api
        self._invoke = invoke
        self._clock = clock
        self._routes: dict[str, RouteDef] = {route.route_key: route for route in api.routes}
        self._cache: dict[tuple[str, tuple[str, ...]], _Decision] = {}
        self.authorizer_calls = 0

    @property
    def route_keys(self) -> list[str]:
        return sorted(self._routes)

    def handle(self, request: HttpRequest) -> HttpResponse:
        preflight = self._preflight(request)
        if preflight is not None:
            return preflight
        response = self._route(request)
        return self._with_cors(request, response)

    def forget_authorizations(self) -> None:
        self._cache.clear()

    def _route(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        if self.api.stage != "$default":
            prefix = f"/{self.api.stage}"
            if not (path == prefix or path.startswith(prefix + "/")):
                return gateway_error(404, "Not Found")
            path = path[len(prefix) :] or "/"
        found = match_route(self._routes, request.method, path)
        if found is None:
            return gateway_error(404, "Not Found")
        route = self._routes[found.route_key]
        request_id = new_request_id()
        info = RequestInfo(
            self.api.api_id,
            self.api.stage,
            route.route_key,
            request_id,
            self._clock.now(),
            found.path_parameters,
        )
        authorizer_context: Mapping[str, Any] | None = None
        if route.authorizer is not None:
            outcome = self._authorize(route.authorizer, request, info)
            if isinstance(outcome, HttpResponse):
                return outcome
            authorizer_context = outcome
        if route.function is None:
            return gateway_error(500, "Internal Server Error")
        try:
            result = self._invoke(route.function, http_event(request, info, authorizer_context))
            response = function_response(result)
        except Exception:
            log.exception("%s failed on %s %s", route.function, request.method, request.path)
            return gateway_error(500, "Internal Server Error")
        response.headers.setdefault("apigw-requestid", request_id)
        return response

    def _authorize(
        self, authorizer: AuthorizerDef, request: HttpRequest, info: RequestInfo
    ) -> HttpResponse | Mapping[str, Any]:
        identity: list[str] = []
        for source in authorizer.identity_sources:
            value = identity_value(source, request, info)
            if not value:
                return gateway_error(401, "Unauthorized")
            identity.append(value)
        key = (authorizer.id, tuple(identity))
        now = self._clock.now()
        cached = self._cache.get(key)
        if cached is None or cached.expires <= now:
            try:
                self.authorizer_calls += 1
                result = self._invoke(authorizer.function, authorizer_event(request, info, identity))
                allowed, context = parse_authorizer_result(
                    result, authorizer, route_arn(info, request.method, request.path)
                )
            except Exception:
                log.exception("authorizer %s failed", authorizer.function)
                return gateway_error(500, "Internal Server Error")
            cached = _Decision(allowed, context, now + timedelta(seconds=authorizer.ttl_seconds))
            if authorizer.ttl_seconds > 0 and identity:
                self._cache[key] = cached
        if not cached.allowed:
            return gateway_error(403, "Forbidden")
        return cached.context

    def _cors(self) -> Mapping[str, Any] | None:
        return self.api.cors or None

    def _preflight(self, request: HttpRequest) -> HttpResponse | None:
        cors = self._cors()
        if cors is None or request.method.upper() != "OPTIONS":
            return None
        if not request.header("origin") or not request.header("access-control-request-method"):
            return None
        headers = cors_headers(cors, request.header("origin") or "", preflight=True)
        return HttpResponse(204, headers)

    def _with_cors(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        cors = self._cors()
        origin = request.header("origin")
        if cors is None or not origin:
            return response
        for name in [name for name in response.headers if name.startswith("access-control-")]:
            del response.headers[name]
        response.headers.update(cors_headers(cors, origin, preflight=False))
        return response


def identity_value(source: str, request: HttpRequest, info: RequestInfo) -> str | None:
    """The value of one identity source (`$request.header.X`, `$request.querystring.X`, `$context.X`)."""
    if source.startswith("$request.header."):
        return request.header(source.removeprefix("$request.header."))
    if source.startswith("$request.querystring."):
        return query_parameters(request.query).get(source.removeprefix("$request.querystring."))
    if source.startswith("$context."):
        value: Any = request_context(request, info)
        for part in source.removeprefix("$context.").split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return None if value is None else str(value)
    return None


def parse_authorizer_result(
    result: Any, authorizer: AuthorizerDef, arn: str
) -> tuple[bool, Mapping[str, Any]]:
    """(allowed, context) from a simple response or an IAM policy response."""
    if not isinstance(result, dict):
        raise ValueError(f"authorizer answered {type(result).__name__}, not an object")
    context = result.get("context") or {}
    if authorizer.simple_responses:
        allowed = result.get("isAuthorized")
        if not isinstance(allowed, bool):
            raise ValueError("a simple authorizer response needs a boolean isAuthorized")
        return allowed, context
    statements = ((result.get("policyDocument") or {}).get("Statement")) or []
    effects = set()
    for statement in statements:
        resources = statement.get("Resource") or []
        resources = [resources] if isinstance(resources, str) else resources
        if any(fnmatch.fnmatchcase(arn, pattern) for pattern in resources):
            effects.add(statement.get("Effect"))
    return ("Allow" in effects and "Deny" not in effects), context


def cors_headers(cors: Mapping[str, Any], origin: str, *, preflight: bool) -> dict[str, str]:
    origins = [str(item) for item in cors.get("AllowOrigins") or []]
    if "*" in origins:
        allowed = "*"
    elif origin in origins:
        allowed = origin
    else:
        return {}
    headers = {"access-control-allow-origin": allowed}
    if cors.get("AllowCredentials"):
        headers["access-control-allow-credentials"] = "true"
    if not preflight and cors.get("ExposeHeaders"):
        headers["access-control-expose-headers"] = ",".join(cors["ExposeHeaders"])
    if preflight:
        headers["access-control-allow-methods"] = ",".join(cors.get("AllowMethods") or ["*"])
        if cors.get("AllowHeaders"):
            headers["access-control-allow-headers"] = ",".join(cors["AllowHeaders"])
        if cors.get("MaxAge") is not None:
            headers["access-control-max-age"] = str(cors["MaxAge"])
    return headers
