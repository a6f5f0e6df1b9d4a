"""API Gateway HTTP API payload format 2.0: the request event, the authorizer event, the response.

These shapes are what Powertools' `APIGatewayHttpResolver` parses in AWS, so they follow AWS's
documented format field by field (lower-cased headers, repeated headers and query keys joined by
commas, cookies split out of the headers, binary bodies base64-encoded, empty fields omitted).
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from ..account import ACCOUNT_ID, REGION
from ..template import naming

_TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/javascript",
    "application/problem+",
)
_TEXT_SUFFIXES = ("+json", "+xml")


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str
    query: str = ""
    headers: Sequence[tuple[str, str]] = ()
    body: bytes = b""
    source_ip: str = "127.0.0.1"
    protocol: str = "HTTP/1.1"

    def header(self, name: str) -> str | None:
        """A header's value (repeated headers joined by commas), by case-insensitive name."""
        values = [value for key, value in self.headers if key.lower() == name.lower()]
        return ",".join(values) if values else None


@dataclass
class HttpResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""
    cookies: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    @property
    def text(self) -> str:
        return self.body

    def json(self) -> Any:
        return json.loads(self.content)

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), None)


def gateway_error(status: int, message: str) -> HttpResponse:
    """API Gateway's own answers (not the function's): a bare `{"message": ...}` JSON."""
    return HttpResponse(
        status, {"content-type": "application/json"}, json.dumps({"message": message}).encode()
    )


def is_text(content_type: str | None) -> bool:
    if not content_type:
        return False
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith(_TEXT_TYPES) or kind.endswith(_TEXT_SUFFIXES)


def lowered_headers(request: HttpRequest) -> dict[str, str]:
    headers: dict[str, str] = {}
    for key, value in request.headers:
        name = key.lower()
        if name == "cookie":
            continue
        headers[name] = f"{headers[name]},{value}" if name in headers else value
    return headers


def cookies_of(request: HttpRequest) -> list[str]:
    cookies: list[str] = []
    for key, value in request.headers:
        if key.lower() == "cookie":
            cookies.extend(part.strip() for part in value.split(";") if part.strip())
    return cookies


def query_parameters(raw_query: str) -> dict[str, str]:
    parameters: dict[str, str] = {}
    for key, value in parse_qsl(raw_query, keep_blank_values=True):
        parameters[key] = f"{parameters[key]},{value}" if key in parameters else value
    return parameters


@dataclass(frozen=True)
class RequestInfo:
    """What API Gateway knows about a request beyond the request itself."""

    api_id: str
    stage: str
    route_key: str
    request_id: str
    now: datetime
    path_parameters: Mapping[str, str] = field(default_factory=dict)

    def domain(self, request: HttpRequest) -> str:
        host = request.header("host")
        return host or f"{self.api_id}.execute-api.{REGION}.amazonaws.com"


def request_context(request: HttpRequest, info: RequestInfo) -> dict[str, Any]:
    domain = info.domain(request)
    return {
        "accountId": ACCOUNT_ID,
        "apiId": info.api_id,
        "domainName": domain,
        "domainPrefix": domain.split(".")[0].split(":")[0],
        "http": {
            "method": request.method.upper(),
            "path": request.path,
            "protocol": request.protocol,
            "sourceIp": request.source_ip,
            "userAgent": request.header("user-agent") or "",
        },
        "requestId": info.request_id,
        "routeKey": info.route_key,
        "stage": info.stage,
        "time": info.now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
        "timeEpoch": int(info.now.timestamp() * 1000),
    }


def http_event(
    request: HttpRequest, info: RequestInfo, authorizer_context: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The payload 2.0 event a Lambda integration receives."""
    context = request_context(request, info)
    if authorizer_context is not None:
        context["authorizer"] = {"lambda": dict(authorizer_context)}
    headers = lowered_headers(request)
    headers.setdefault("x-forwarded-for", request.source_ip)
    headers.setdefault("x-forwarded-proto", "http")
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": info.route_key,
        "rawPath": request.path,
        "rawQueryString": request.query,
        "headers": headers,
        "requestContext": context,
        "isBase64Encoded": False,
    }
    cookies = cookies_of(request)
    if cookies:
        event["cookies"] = cookies
    if request.query:
        event["queryStringParameters"] = query_parameters(request.query)
    if info.path_parameters:
        event["pathParameters"] = dict(info.path_parameters)
    if request.body:
        if is_text(request.header("content-type")):
            event["body"] = request.body.decode("utf-8", errors="replace")
        else:
            event["body"] = base64.b64encode(request.body).decode()
            event["isBase64Encoded"] = True
    return event


def authorizer_event(request: HttpRequest, info: RequestInfo, identity: Sequence[str]) -> dict[str, Any]:
    """The payload 2.0 REQUEST authorizer event."""
    event: dict[str, Any] = {
        "version": "2.0",
        "type": "REQUEST",
        "routeArn": route_arn(info, request.method, request.path),
        "identitySource": list(identity),
        "routeKey": info.route_key,
        "rawPath": request.path,
        "rawQueryString": request.query,
        "headers": lowered_headers(request),
        "requestContext": request_context(request, info),
    }
    cookies = cookies_of(request)
    if cookies:
        event["cookies"] = cookies
    if request.query:
        event["queryStringParameters"] = query_parameters(request.query)
    if info.path_parameters:
        event["pathParameters"] = dict(info.path_parameters)
    return event


def route_arn(info: RequestInfo, method: str, path: str) -> str:
    return naming.arn("execute-api", f"{info.api_id}/{info.stage}/{method.upper()}{path}")


def new_request_id() -> str:
    return str(uuid.uuid4())


def function_response(result: Any) -> HttpResponse:
    """The HTTP response API Gateway builds from a function's 2.0-format result."""
    if not isinstance(result, dict) or "statusCode" not in result:
        body = result if isinstance(result, str) else json.dumps(result)
        return HttpResponse(200, {"content-type": "application/json"}, body.encode())
    headers = {str(key).lower(): str(value) for key, value in (result.get("headers") or {}).items()}
    for key, values in (result.get("multiValueHeaders") or {}).items():
        joined = ",".join(str(value) for value in values)
        headers[str(key).lower()] = (
            f"{headers[str(key).lower()]},{joined}" if str(key).lower() in headers else joined
        )
    raw_body = result.get("body")
    text = "" if raw_body is None else raw_body if isinstance(raw_body, str) else json.dumps(raw_body)
    content = base64.b64decode(text) if result.get("isBase64Encoded") else text.encode()
    cookies = [str(cookie) for cookie in result.get("cookies") or []]
    return HttpResponse(int(result["statusCode"]), headers, content, cookies)
