"""The platform's HTTP API: one API, one stage, one authorizer; each service adds its resolver.

`add_service(function, resolver)` is the whole wiring of a service's HTTP side: one route per
operation of the resolver's OpenAPI document (`routes_of`), all integrated with the service's
function, the key-protected ones behind the API key authorizer. It also records the resolver's
module: `api_modules()` hands that list to the platform function, whose `/openapi.json` merges
exactly the resolvers that were routed, so a new service is documented with no other edit.
"""

import importlib
import json

import jsii
from aws_cdk import Duration, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_apigatewayv2_authorizers as authorizers
from aws_cdk import aws_apigatewayv2_integrations as integrations
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from constructs import Construct

from numeriqc_infra.functions import LOG_RETENTION, PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform
from numeriqc_infra.routes import routes_of

AUTHORIZER_ID = "HttpApiAuthorizer"
# CloudFormation refuses a stack of more than 500 resources; one invoke permission per route (CDK's
# default) was 98 of them with five services. One per function, for any route of this API, is 7.
PERMISSION_ID = "InvokedByHttpApi"
AUTHORIZER_CACHE_TTL = Duration.seconds(30)
# The same function checks GOV.UK Notify JWTs on /v2 routes, uncached: a cached answer would accept
# a replayed or stale token (docs/decisions/0006).
NOTIFY_AUTHORIZER_ID = "NotifyApiAuthorizer"
# Per account and region, API Gateway's own quota is far above this: these protect the functions.
THROTTLE = apigwv2.ThrottleSettings(rate_limit=50, burst_limit=100)
CORS_HEADERS = ["content-type", "authorization", "idempotency-key", "accept-language"]
# JSON access log lines with the HTTP API's context variables; no query string or body (Loi 25).
ACCESS_LOG_FORMAT = json.dumps(
    {
        "requestId": "$context.requestId",
        "ip": "$context.identity.sourceIp",
        "requestTime": "$context.requestTime",
        "method": "$context.httpMethod",
        "routeKey": "$context.routeKey",
        "path": "$context.path",
        "status": "$context.status",
        "protocol": "$context.protocol",
        "responseLength": "$context.responseLength",
        "responseLatency": "$context.responseLatency",
        "integrationLatency": "$context.integrationLatency",
        "integrationError": "$context.integrationErrorMessage",
        "authorizerError": "$context.authorizer.error",
    }
)


class _OnePermissionIntegration(integrations.HttpLambdaIntegration):
    """CDK's Lambda integration without its per-route invoke permission (`completeBind`): the
    service adds one permission for every route of the API instead (`Api.add_service`). The API
    is what is trusted, not each route: every route of a service reaches the same function anyway."""

    def _complete_bind(self, *args: object, **kwargs: object) -> None:  # jsii's name of completeBind
        return None


@jsii.implements(apigwv2.IAccessLogSettings)
class _AccessLogSettings:
    """A jsii interface (not a struct): Python implements it rather than passing a dict."""

    def __init__(self, log_group: logs.ILogGroup) -> None:
        self._destination = apigwv2.LogGroupLogDestination(log_group)

    @property
    def destination(self) -> apigwv2.IAccessLogDestination:
        return self._destination

    @property
    def format(self) -> apigw.AccessLogFormat:
        return apigw.AccessLogFormat.custom(ACCESS_LOG_FORMAT)


class Api(Construct):
    def __init__(self, scope: Construct, id: str, *, platform: Platform) -> None:
        super().__init__(scope, id)
        self.platform = platform
        self.http_api = apigwv2.HttpApi(
            self,
            "HttpApi",
            api_name=f"numeriqc-{platform.stage}",
            create_default_stage=False,  # our own stage below: access logs and throttling
            cors_preflight=apigwv2.CorsPreflightOptions(
                allow_origins=["*"],  # keys travel in a header, never in cookies: no credentials
                allow_methods=[
                    apigwv2.CorsHttpMethod.GET,
                    apigwv2.CorsHttpMethod.POST,
                    apigwv2.CorsHttpMethod.OPTIONS,
                ],
                allow_headers=CORS_HEADERS,
                max_age=Duration.hours(1),
            ),
        )
        fix_logical_id(self.http_api, "HttpApi")
        access_logs = logs.LogGroup(self, "AccessLogs", retention=LOG_RETENTION, encryption_key=platform.key)
        fix_logical_id(access_logs, "HttpApiAccessLogs")
        self.stage = apigwv2.HttpStage(
            self,
            "DefaultStage",
            http_api=self.http_api,
            stage_name="$default",
            auto_deploy=True,
            throttle=THROTTLE,
            access_log_settings=_AccessLogSettings(access_logs),
        )
        fix_logical_id(self.stage, "HttpApiDefaultStage")
        self.url = self.stage.url
        self._authorizer: authorizers.HttpLambdaAuthorizer | None = None
        self._notify_authorizer: authorizers.HttpLambdaAuthorizer | None = None
        self._api_modules: list[str] = []
        self._api_modules_closed = False
        platform.monitoring.watch_api(self.http_api)

    def api_modules(self) -> list[str]:
        """The module of every resolver routed so far, in order; after this, the list is closed.

        The platform function documents these (`numeriqc.platform.openapi`): a service added
        later would be routed but missing from `/openapi.json`, so `add_service` then refuses.
        """
        self._api_modules_closed = True
        return list(self._api_modules)

    def protect_with(self, function: lambda_.IFunction) -> None:
        """Use `function` as the API key authorizer of every route whose operation is secured.

        It never denies (see docs/decisions/0001): simple responses, 30 s cache per key.
        """
        self._authorizer = authorizers.HttpLambdaAuthorizer(
            AUTHORIZER_ID,
            function,
            response_types=[authorizers.HttpLambdaResponseType.SIMPLE],
            identity_source=["$request.header.Authorization"],
            results_cache_ttl=AUTHORIZER_CACHE_TTL,
        )
        self._notify_authorizer = authorizers.HttpLambdaAuthorizer(
            NOTIFY_AUTHORIZER_ID,
            function,
            response_types=[authorizers.HttpLambdaResponseType.SIMPLE],
            identity_source=["$request.header.Authorization"],
            results_cache_ttl=Duration.seconds(0),
        )

    def add_service(
        self, function: PlatformFunction, resolver: APIGatewayHttpResolver, *, default_route: bool = False
    ) -> None:
        """Route every operation of `resolver` to `function`; `default_route` also gives it `$default`."""
        if self._api_modules_closed:
            raise ValueError(f"{function.node.id}: add every service before PlatformApi (it documents them)")
        self._api_modules.append(_module_serving(function, resolver))
        integration_id = f"{function.node.id}Integration"
        integration = _OnePermissionIntegration(integration_id, function)
        function.add_permission(
            PERMISSION_ID,
            principal=iam.ServicePrincipal("apigateway.amazonaws.com"),
            source_arn=Stack.of(self).format_arn(
                service="execute-api", resource=self.http_api.api_id, resource_name="*/*"
            ),
        )
        routes: list[apigwv2.HttpRoute] = []
        for route in routes_of(resolver):
            if route.needs_key and self._authorizer is None:
                raise ValueError(f"{route.key} needs an API key: call protect_with(authorizer) first")
            authorizer = self._notify_authorizer if route.notify_token else self._authorizer
            http_route = apigwv2.HttpRoute(
                self,
                route.key,
                http_api=self.http_api,
                route_key=apigwv2.HttpRouteKey.with_(route.path, apigwv2.HttpMethod(route.method)),
                integration=integration,
                authorizer=authorizer if route.needs_key else None,
            )
            routes.append(http_route)
            if not route.needs_key:
                acknowledge(
                    http_route,
                    "AwsSolutions-APIG4",
                    "Public by design: the resolver declares no security for this operation.",
                )
        if default_route:
            http_route = apigwv2.HttpRoute(
                self,
                "$default",
                http_api=self.http_api,
                route_key=apigwv2.HttpRouteKey.DEFAULT,
                integration=integration,
            )
            acknowledge(
                http_route,
                "AwsSolutions-APIG4",
                "Catch-all route: it only answers a problem+json 404 for paths no service serves.",
            )
            routes.append(http_route)
        if not routes:
            raise ValueError(f"{function.node.id}: the resolver declares no operation")
        # CDK creates the integration under the first route it is bound to, and the authorizer
        # under the API the first time a route uses it: fix their ids so neither depends on order.
        fix_logical_id(routes[0].node.find_child(integration_id), integration_id)
        for authorizer_id in (AUTHORIZER_ID, NOTIFY_AUTHORIZER_ID):
            created = self.http_api.node.try_find_child(authorizer_id)
            if created is not None:
                fix_logical_id(created, authorizer_id)
        self._one_authorizer_permission()

    def _one_authorizer_permission(self) -> None:
        """Both authorizers are the same function: one invoke permission for this API's authorizers
        (`authorizers/*`) instead of CDK's one per authorizer (the stack's 500-resource limit)."""
        permissions = [
            child
            for child in self.http_api.node.children
            if isinstance(child, lambda_.CfnPermission) and "Authorizer" in child.node.id
        ]
        if len(permissions) < 2:
            return
        kept, *others = sorted(permissions, key=lambda permission: permission.node.id)
        for other in others:
            self.http_api.node.try_remove_child(other.node.id)
        kept.source_arn = Stack.of(self).format_arn(
            service="execute-api", resource=self.http_api.api_id, resource_name="authorizers/*"
        )


def _module_serving(function: PlatformFunction, resolver: APIGatewayHttpResolver) -> str:
    """The module of `function`'s handler, which must hold `resolver` as its `app`.

    The platform function imports these modules to document them: checking here that the handler
    really serves this resolver keeps the document and the routes one and the same list.
    """
    module = function.handler_name.rpartition(".")[0]
    if getattr(importlib.import_module(module), "app", None) is not resolver:
        raise ValueError(f"{function.node.id}: {module}.app is not the resolver given to add_service")
    return module
