"""The emulated HTTP API answers like API Gateway: routing, authorizer and its cache, errors, CORS."""

import base64
import os
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from numeriqc_local.runtime import LocalRuntime
from tests.support import local_handlers

Factory = Callable[..., LocalRuntime]


@pytest.fixture
def handlers() -> ModuleType:
    local_handlers.reset()
    return local_handlers


def function(handler: str, **variables: str) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "Handler": f"{local_handlers.__name__}.{handler}",
        "Runtime": "python3.12",
        "MemorySize": 256,
        "Timeout": 10,
    }
    if variables:
        properties["Environment"] = {"Variables": variables}
    return {"Type": "AWS::Lambda::Function", "Properties": properties}


def integration(function_id: str) -> dict[str, Any]:
    return {
        "Type": "AWS::ApiGatewayV2::Integration",
        "Properties": {
            "ApiId": {"Ref": "Api"},
            "IntegrationType": "AWS_PROXY",
            "IntegrationUri": {"Fn::GetAtt": [function_id, "Arn"]},
            "PayloadFormatVersion": "2.0",
        },
    }


def route(route_key: str, integration_id: str, authorized: bool = False) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "ApiId": {"Ref": "Api"},
        "RouteKey": route_key,
        "Target": {"Fn::Join": ["", ["integrations/", {"Ref": integration_id}]]},
        "AuthorizationType": "CUSTOM" if authorized else "NONE",
    }
    if authorized:
        properties["AuthorizerId"] = {"Ref": "Authorizer"}
    return {"Type": "AWS::ApiGatewayV2::Route", "Properties": properties}


TEMPLATE: dict[str, Any] = {
    "Resources": {
        "Api": {
            "Type": "AWS::ApiGatewayV2::Api",
            "Properties": {
                "Name": "test",
                "ProtocolType": "HTTP",
                "CorsConfiguration": {
                    "AllowOrigins": ["https://app.example"],
                    "AllowMethods": ["GET", "POST"],
                    "AllowHeaders": ["authorization", "content-type"],
                    "MaxAge": 600,
                },
            },
        },
        "Stage": {
            "Type": "AWS::ApiGatewayV2::Stage",
            "Properties": {"ApiId": {"Ref": "Api"}, "StageName": "$default", "AutoDeploy": True},
        },
        "Echo": function("echo"),
        "EnvA": function("environment", ONLY_A="a", SHARED="from-a"),
        "EnvB": function("environment", ONLY_B="b", SHARED="from-b"),
        "Crash": function("crash"),
        "Auth": function("authorizer"),
        "EchoIntegration": integration("Echo"),
        "EnvAIntegration": integration("EnvA"),
        "EnvBIntegration": integration("EnvB"),
        "CrashIntegration": integration("Crash"),
        "Authorizer": {
            "Type": "AWS::ApiGatewayV2::Authorizer",
            "Properties": {
                "ApiId": {"Ref": "Api"},
                "Name": "keys",
                "AuthorizerType": "REQUEST",
                "AuthorizerUri": {
                    "Fn::Join": [
                        "",
                        [
                            "arn:",
                            {"Ref": "AWS::Partition"},
                            ":apigateway:",
                            {"Ref": "AWS::Region"},
                            ":lambda:path/2015-03-31/functions/",
                            {"Fn::GetAtt": ["Auth", "Arn"]},
                            "/invocations",
                        ],
                    ]
                },
                "IdentitySource": ["$request.header.Authorization"],
                "AuthorizerPayloadFormatVersion": "2.0",
                "EnableSimpleResponses": True,
                "AuthorizerResultTtlInSeconds": 30,
            },
        },
        "PublicRoute": route("GET /public/{item_id}", "EchoIntegration"),
        "UploadRoute": route("POST /upload", "EchoIntegration"),
        "PrivateRoute": route("GET /private", "EchoIntegration", authorized=True),
        "EnvARoute": route("GET /env/a", "EnvAIntegration"),
        "EnvBRoute": route("GET /env/b", "EnvBIntegration"),
        "CrashRoute": route("GET /crash", "CrashIntegration"),
    }
}


@pytest.fixture
def api(make_platform: Factory, handlers: ModuleType) -> LocalRuntime:
    return make_platform(TEMPLATE)


def test_a_route_reaches_its_function_with_a_payload_2_event(api: LocalRuntime, handlers: ModuleType) -> None:
    response = api.http("GET", "/public/42", query={"tag": ["a", "b"]}, headers={"X-Trace": "t-1"})
    assert response.status == 200
    event = response.json()
    assert event["routeKey"] == "GET /public/{item_id}"
    assert event["pathParameters"] == {"item_id": "42"}
    assert event["queryStringParameters"] == {"tag": "a,b"}
    assert event["headers"]["x-trace"] == "t-1"
    assert event["requestContext"]["http"]["method"] == "GET"
    assert response.header("apigw-requestid") == event["requestContext"]["requestId"]


def test_binary_bodies_arrive_base64_encoded(api: LocalRuntime) -> None:
    payload = bytes(range(256))
    event = api.http(
        "POST", "/upload", body=payload, headers={"content-type": "application/octet-stream"}
    ).json()
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == payload


def test_no_route_and_no_default_route_is_api_gateways_own_404(
    api: LocalRuntime, handlers: ModuleType
) -> None:
    response = api.http("GET", "/nowhere")
    assert (response.status, response.json()) == (404, {"message": "Not Found"})
    assert handlers.CALLS == []


def test_missing_identity_source_is_401_without_calling_the_authorizer(
    api: LocalRuntime, handlers: ModuleType
) -> None:
    response = api.http("GET", "/private")
    assert (response.status, response.json()) == (401, {"message": "Unauthorized"})
    assert handlers.CALLS == []


def test_a_denying_authorizer_is_a_bare_403_and_the_function_is_not_called(
    api: LocalRuntime, handlers: ModuleType
) -> None:
    response = api.http("GET", "/private", headers={"Authorization": "Bearer bad"})
    assert (response.status, response.json()) == (403, {"message": "Forbidden"})
    assert handlers.calls("echo") == []


def test_authorizer_answers_are_cached_per_identity_for_the_ttl(
    api: LocalRuntime, handlers: ModuleType
) -> None:
    first = api.http("GET", "/private", headers={"Authorization": "Bearer good-1"})
    second = api.http("GET", "/private", headers={"Authorization": "Bearer good-1"})
    assert first.status == second.status == 200
    assert second.json()["requestContext"]["authorizer"]["lambda"] == {"token": "Bearer good-1", "calls": 1}
    assert len(handlers.calls("authorizer")) == 1

    api.http("GET", "/private", headers={"Authorization": "Bearer good-2"})
    assert len(handlers.calls("authorizer")) == 2

    api.clock.advance(29)  # type: ignore[attr-defined]
    api.http("GET", "/private", headers={"Authorization": "Bearer good-1"})
    assert len(handlers.calls("authorizer")) == 2

    api.clock.advance(2)  # type: ignore[attr-defined]
    expired = api.http("GET", "/private", headers={"Authorization": "Bearer good-1"})
    assert len(handlers.calls("authorizer")) == 3
    assert expired.json()["requestContext"]["authorizer"]["lambda"]["calls"] == 3
    event = handlers.calls("authorizer")[-1]
    assert (event["type"], event["identitySource"]) == ("REQUEST", ["Bearer good-1"])


def test_a_crashing_function_is_api_gateways_500(api: LocalRuntime) -> None:
    response = api.http("GET", "/crash")
    assert (response.status, response.json()) == (500, {"message": "Internal Server Error"})


def test_each_function_sees_only_its_own_environment(api: LocalRuntime) -> None:
    seen_a = api.http("GET", "/env/a").json()
    seen_b = api.http("GET", "/env/b").json()
    assert seen_a["env"]["ONLY_A"] == "a"
    assert seen_a["env"]["ONLY_B"] is None
    assert seen_a["env"]["SHARED"] == "from-a"
    assert seen_b["env"]["ONLY_A"] is None
    assert seen_b["env"]["SHARED"] == "from-b"
    assert seen_a["env"]["AWS_LAMBDA_FUNCTION_NAME"] == api.names["EnvA"] == seen_a["function_name"]
    assert seen_a["env"]["AWS_REGION"] == "ca-central-1"
    assert seen_a["env"]["POWERTOOLS_TRACE_DISABLED"] == "true"
    assert seen_a["memory"] == 256
    assert seen_a["arn"] == api.names.arn("EnvA")
    assert 0 < seen_a["remaining_ms"] <= 10_000
    assert "ONLY_A" not in os.environ
    assert api.env("EnvB")["ONLY_B"] == "b"


def test_cors_preflight_is_answered_by_the_gateway(api: LocalRuntime, handlers: ModuleType) -> None:
    preflight = api.http(
        "OPTIONS",
        "/private",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status == 204
    assert preflight.headers["access-control-allow-origin"] == "https://app.example"
    assert preflight.headers["access-control-allow-methods"] == "GET,POST"
    assert handlers.CALLS == []
    simple = api.http("GET", "/public/1", headers={"Origin": "https://app.example"})
    assert simple.headers["access-control-allow-origin"] == "https://app.example"
    refused = api.http("GET", "/public/1", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in refused.headers
