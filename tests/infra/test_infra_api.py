"""The HTTP API of the real template: routes come from the resolvers, the authorizer guards secured ones."""

import importlib
from typing import Any

import pytest
from infra_cfn import props, ref_target, render, resources

from numeriqc_infra.routes import routes_of

SERVICES = {
    "OrganizationsApi": "numeriqc.organizations.handlers.api",
    "PlatformApi": "numeriqc.platform.handlers.api",
    "FeedbackApi": "numeriqc.feedback.handlers.api",
    "NotificationsApi": "numeriqc.notifications.handlers.api",
    "ConsultationsApi": "numeriqc.consultations.handlers.api",
    "ExchangeApi": "numeriqc.exchange.handlers.api",
    "BarometerApi": "numeriqc.barometer.handlers.api",
}


def integration_of(template: dict[str, Any], function: str) -> str:
    (integration,) = [
        lid
        for lid, res in resources(template, "AWS::ApiGatewayV2::Integration").items()
        if ref_target(res["Properties"]["IntegrationUri"]) == function
    ]
    return integration


def routes_by_key(template: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    by_key: dict[str, list[dict[str, Any]]] = {}
    for res in resources(template, "AWS::ApiGatewayV2::Route").values():
        by_key.setdefault(res["Properties"]["RouteKey"], []).append(res["Properties"])
    return by_key


def test_integrations_are_lambda_proxy_payload_2(template: dict[str, Any]) -> None:
    for function in SERVICES:
        integration = props(template, integration_of(template, function))
        assert integration["IntegrationType"] == "AWS_PROXY"
        assert integration["PayloadFormatVersion"] == "2.0"


@pytest.mark.parametrize("function", sorted(SERVICES))
def test_every_resolver_route_is_wired_once_with_the_authorizer_iff_secured(
    template: dict[str, Any], function: str
) -> None:
    resolver = importlib.import_module(SERVICES[function]).app
    routes = routes_of(resolver)
    assert routes, "a service API has routes"
    by_key = routes_by_key(template)
    for route in routes:
        assert len(by_key.get(route.key, [])) == 1, route.key
        (wired,) = by_key[route.key]
        assert render(wired["Target"]) == f"integrations/${{{integration_of(template, function)}}}"
        if route.needs_key:
            assert wired["AuthorizationType"] == "CUSTOM", route.key
            expected = "NotifyApiAuthorizer" if route.notify_token else "HttpApiAuthorizer"
            assert ref_target(wired["AuthorizerId"]) == expected, route.key
            assert route.notify_token == route.path.startswith("/v2/"), route.key
        else:
            assert wired["AuthorizationType"] == "NONE", route.key
            assert "AuthorizerId" not in wired


def test_no_route_exists_that_no_resolver_declares(template: dict[str, Any]) -> None:
    declared = {"$default"}
    for module in SERVICES.values():
        declared |= {route.key for route in routes_of(importlib.import_module(module).app)}
    assert set(routes_by_key(template)) == declared


def test_some_routes_are_secured_and_some_public(template: dict[str, Any]) -> None:
    kinds = {route["AuthorizationType"] for routes in routes_by_key(template).values() for route in routes}
    assert kinds == {"CUSTOM", "NONE"}


def test_default_route_goes_to_the_platform_function_unauthenticated(template: dict[str, Any]) -> None:
    (default,) = routes_by_key(template)["$default"]
    assert render(default["Target"]) == f"integrations/${{{integration_of(template, 'PlatformApi')}}}"
    assert default["AuthorizationType"] == "NONE"


def test_authorizer_is_the_authorizer_function_with_simple_responses_cached_30s(
    template: dict[str, Any],
) -> None:
    """The key authorizer caches 30 s; the Notify one (same function, /v2 routes) never caches: a
    cached answer would accept a replayed or stale JWT (docs/decisions/0006)."""
    found = resources(template, "AWS::ApiGatewayV2::Authorizer")
    assert set(found) == {"HttpApiAuthorizer", "NotifyApiAuthorizer"}
    for authorizer_id, ttl in (("HttpApiAuthorizer", 30), ("NotifyApiAuthorizer", 0)):
        authorizer = props(template, authorizer_id)
        assert authorizer["AuthorizerType"] == "REQUEST"
        assert authorizer["AuthorizerPayloadFormatVersion"] == "2.0"
        assert authorizer["EnableSimpleResponses"] is True
        assert authorizer["IdentitySource"] == ["$request.header.Authorization"]
        assert authorizer.get("AuthorizerResultTtlInSeconds", 0) == ttl
        assert "${Authorizer.Arn}" in render(authorizer["AuthorizerUri"])


def test_api_gateway_may_invoke_the_functions_it_routes_to(template: dict[str, Any]) -> None:
    invokable = {
        ref_target(res["Properties"]["FunctionName"])
        for res in resources(template, "AWS::Lambda::Permission").values()
        if res["Properties"]["Principal"] == "apigateway.amazonaws.com"
        and res["Properties"]["Action"] == "lambda:InvokeFunction"
    }
    assert invokable == {"Authorizer", *SERVICES}


def test_one_invoke_permission_per_function_not_per_route(template: dict[str, Any]) -> None:
    """CloudFormation refuses stacks of more than 500 resources: a permission per route (98 routes
    with five services) would have crossed it. Each function is trusted for every route of the API."""
    permissions = [
        res["Properties"]
        for res in resources(template, "AWS::Lambda::Permission").values()
        if res["Properties"]["Principal"] == "apigateway.amazonaws.com"
    ]
    assert len(permissions) == len({"Authorizer", *SERVICES})
    routes = resources(template, "AWS::ApiGatewayV2::Route")
    assert len(routes) > len(permissions)
    assert len(template["Resources"]) < 500


def test_stage_throttles_and_logs_access_to_an_encrypted_log_group(template: dict[str, Any]) -> None:
    (stage_id,) = resources(template, "AWS::ApiGatewayV2::Stage")
    stage = props(template, stage_id)
    assert stage["StageName"] == "$default"
    assert stage["AutoDeploy"] is True
    assert stage["DefaultRouteSettings"] == {"ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50}
    log_group = props(template, ref_target(stage["AccessLogSettings"]["DestinationArn"]))
    assert ref_target(log_group["KmsKeyId"]) == "PlatformKey"
    assert log_group["RetentionInDays"] > 0
    assert "$context.requestId" in stage["AccessLogSettings"]["Format"]


def test_cors_allows_browser_calls_to_public_routes(template: dict[str, Any]) -> None:
    cors = props(template, "HttpApi")["CorsConfiguration"]
    assert set(cors["AllowMethods"]) == {"GET", "POST", "OPTIONS"}
    assert {"content-type", "authorization", "idempotency-key", "accept-language"} <= set(
        cors["AllowHeaders"]
    )
    assert "AllowCredentials" not in cors or cors["AllowCredentials"] is False


def test_api_5xx_alarms(template: dict[str, Any]) -> None:
    alarms = [
        alarm["Properties"]
        for alarm in resources(template, "AWS::CloudWatch::Alarm").values()
        if alarm["Properties"].get("MetricName") == "5xx"
    ]
    assert len(alarms) == 1
    assert [ref_target(d["Value"]) for d in alarms[0]["Dimensions"]] == ["HttpApi"]
    assert [ref_target(a) for a in alarms[0]["AlarmActions"]] == ["AlarmTopic"]


def test_outputs_let_the_cli_reach_a_deployed_platform(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    for name in (
        "ApiUrl",
        "OrganizationsTableName",
        "IdempotencyTableName",
        "EventBusName",
        "PepperSecretArn",
        "PlatformKeyArn",
        "AlarmTopicArn",
        "FeedbackTopicArn",
    ):
        assert name in outputs, name
    assert "${HttpApi}" in render(outputs["ApiUrl"]["Value"])
