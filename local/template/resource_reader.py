"""Reading a template into records: one method per resource type, each property read in one place.

Resource types that do not matter locally are listed explicitly in IGNORED; any other unknown type
is reported once per process, so a new construct in `infra/` cannot be silently dropped.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from . import naming
from .assembly import Resource, Template
from .definitions import (
    ApiDef,
    AuthorizerDef,
    FunctionDef,
    MappingDef,
    QueueDef,
    RouteDef,
    RuleDef,
    SimpleDef,
    SubscriptionDef,
    TableDef,
    TargetDef,
    TopicDef,
)
from .intrinsics import IntrinsicError
from .wiring import Wiring

log = logging.getLogger("numeriqc_local")

IGNORED = frozenset(
    {
        "AWS::CDK::Metadata",
        "AWS::IAM::Role",
        "AWS::IAM::Policy",
        "AWS::IAM::ManagedPolicy",
        "AWS::IAM::InstanceProfile",
        "AWS::Lambda::Permission",
        "AWS::Lambda::LayerVersion",
        "AWS::Lambda::LayerVersionPermission",
        "AWS::Lambda::Version",
        "AWS::Lambda::Alias",
        "AWS::Lambda::Url",
        "AWS::Logs::LogGroup",
        "AWS::Logs::MetricFilter",
        "AWS::Logs::SubscriptionFilter",
        "AWS::Logs::ResourcePolicy",
        "AWS::CloudWatch::Alarm",
        "AWS::CloudWatch::CompositeAlarm",
        "AWS::CloudWatch::Dashboard",
        "AWS::SQS::QueuePolicy",
        "AWS::SNS::TopicPolicy",
        "AWS::S3::BucketPolicy",
        "AWS::Events::EventBusPolicy",
        "AWS::Events::Archive",
        "AWS::SecretsManager::RotationSchedule",
        "AWS::SecretsManager::ResourcePolicy",
        "AWS::SES::ConfigurationSetEventDestination",
        "AWS::ApiGatewayV2::ApiMapping",
        "AWS::ApiGatewayV2::DomainName",
        "AWS::ApiGatewayV2::Deployment",
        "AWS::ApiGatewayV2::Stage",
        "AWS::ApiGatewayV2::Integration",
        "AWS::ApiGatewayV2::Route",
        "AWS::ApiGatewayV2::Authorizer",
        "AWS::WAFv2::WebACL",
        "AWS::WAFv2::WebACLAssociation",
        "AWS::Budgets::Budget",
        "AWS::XRay::Group",
        "AWS::XRay::SamplingRule",
        # The CDN in front of the barometer's site: `numeriqc dev` serves the bucket itself (dev/site.py).
        "AWS::CloudFront::Distribution",
        "AWS::CloudFront::OriginAccessControl",
        "AWS::CloudFront::ResponseHeadersPolicy",
        "Custom::LogRetention",
    }
)
HANDLED = frozenset(
    {
        "AWS::KMS::Key",
        "AWS::KMS::Alias",
        "AWS::DynamoDB::Table",
        "AWS::DynamoDB::GlobalTable",
        "AWS::SQS::Queue",
        "AWS::SNS::Topic",
        "AWS::SNS::Subscription",
        "AWS::Events::EventBus",
        "AWS::Events::Rule",
        "AWS::S3::Bucket",
        "AWS::SecretsManager::Secret",
        "AWS::SSM::Parameter",
        "AWS::SES::EmailIdentity",
        "AWS::SES::ConfigurationSet",
        "AWS::Scheduler::ScheduleGroup",
        "AWS::Scheduler::Schedule",
        "AWS::Lambda::Function",
        "AWS::Lambda::EventSourceMapping",
        "AWS::Lambda::EventInvokeConfig",
        "AWS::ApiGatewayV2::Api",
    }
)
_FUNCTION_IN_URI = re.compile(r"functions/(arn:[^/]+?:lambda:[^/]+?:function:[^/]+?)/invocations")
_reported_types: set[str] = set()


def read_wiring(template: Template | Mapping[str, Any]) -> Wiring:
    """The wiring of a template (or of a template body, as a dict), every record read once."""
    wiring = Wiring(template if isinstance(template, Template) else Template.from_dict(template))
    Reader(wiring).read()
    return wiring


class Reader:
    """Reads each resource type into its record; one method per type."""

    def __init__(self, wiring: Wiring) -> None:
        self.wiring = wiring
        self.resolver = wiring.resolver

    def read(self) -> None:
        resources = [r for r in self.wiring.template.resources.values() if self.resolver.enabled(r)]
        invoke_configs = [r for r in resources if r.type == "AWS::Lambda::EventInvokeConfig"]
        readers = {
            "AWS::Lambda::Function": self._function,
            "AWS::SQS::Queue": self._queue,
            "AWS::DynamoDB::Table": self._table,
            "AWS::DynamoDB::GlobalTable": self._global_table,
            "AWS::SNS::Topic": self._topic,
            "AWS::SNS::Subscription": self._subscription,
            "AWS::Events::Rule": self._rule,
        }
        for resource in resources:
            if resource.type in readers:
                readers[resource.type](resource)
            elif resource.type in HANDLED and resource.type not in _DEFERRED:
                self._simple(resource)
            elif resource.type not in IGNORED and resource.type not in HANDLED:
                self.wiring.unknown_types.add(resource.type)
        for resource in invoke_configs:
            self._invoke_config(resource)
        for resource in resources:
            if resource.type == "AWS::Lambda::EventSourceMapping":
                self._mapping(resource)
            elif resource.type == "AWS::ApiGatewayV2::Api":
                self._api(resource, resources)
        fresh = self.wiring.unknown_types - _reported_types
        if fresh:
            _reported_types.update(fresh)
            log.warning("resource types not emulated locally (ignored): %s", ", ".join(sorted(fresh)))

    def _props(self, resource: Resource) -> dict[str, Any]:
        return self.resolver.properties(resource)

    def _arn(self, resource: Resource) -> str | None:
        try:
            return str(self.resolver.get_att(resource.logical_id, "Arn"))
        except IntrinsicError:
            return None

    def _function(self, resource: Resource) -> None:
        props = self._props(resource)
        variables = (props.get("Environment") or {}).get("Variables") or {}
        self.wiring.functions[resource.logical_id] = FunctionDef(
            logical_id=resource.logical_id,
            name=self.resolver.physical_name(resource.logical_id),
            arn=str(self.resolver.get_att(resource.logical_id, "Arn")),
            handler=str(props.get("Handler") or ""),
            runtime=str(props.get("Runtime") or ""),
            environment={str(key): _env_text(value) for key, value in variables.items()},
            timeout=int(props.get("Timeout") or 3),
            memory=int(props.get("MemorySize") or 128),
            dead_letter_arn=(props.get("DeadLetterConfig") or {}).get("TargetArn"),
        )

    def _invoke_config(self, resource: Resource) -> None:
        props = self._props(resource)
        try:
            function = self.wiring.function(str(props["FunctionName"]))
        except KeyError:
            return
        on_failure = ((props.get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination")
        retries = props.get("MaximumRetryAttempts")
        self.wiring.functions[function.logical_id] = _replace(
            function,
            async_retries=function.async_retries if retries is None else int(retries),
            on_failure_arn=on_failure or function.on_failure_arn,
        )

    def _queue(self, resource: Resource) -> None:
        props = self._props(resource)
        attributes: dict[str, str] = {}
        for key in _QUEUE_ATTRIBUTES:
            if key in props:
                attributes[key] = _attribute_text(props[key])
        if attributes.get("FifoQueue") != "true":
            attributes.pop("FifoQueue", None)
        name = self.resolver.physical_name(resource.logical_id)
        self.wiring.queues[resource.logical_id] = QueueDef(
            resource.logical_id, name, naming.queue_url(name), naming.arn("sqs", name), attributes
        )

    def _table(self, resource: Resource) -> None:
        props = self._props(resource)
        args = _key_args(props)
        args["TableName"] = self.resolver.physical_name(resource.logical_id)
        if args["BillingMode"] == "PROVISIONED":
            args["ProvisionedThroughput"] = _throughput(props.get("ProvisionedThroughput"))
        if props.get("GlobalSecondaryIndexes"):
            args["GlobalSecondaryIndexes"] = [
                _index(index, args["BillingMode"]) for index in props["GlobalSecondaryIndexes"]
            ]
        if props.get("StreamSpecification"):
            view = props["StreamSpecification"]["StreamViewType"]
            args["StreamSpecification"] = {"StreamEnabled": True, "StreamViewType": view}
        sse = props.get("SSESpecification") or {}
        if naming.truthy(sse.get("SSEEnabled")):
            args["SSESpecification"] = {"Enabled": True, "SSEType": sse.get("SSEType", "KMS")}
            if sse.get("KMSMasterKeyId"):
                args["SSESpecification"]["KMSMasterKeyId"] = sse["KMSMasterKeyId"]
        self._add_table(resource, args, props)

    def _global_table(self, resource: Resource) -> None:
        props = self._props(resource)
        args = _key_args(props)
        args["TableName"] = self.resolver.physical_name(resource.logical_id)
        if args["BillingMode"] == "PROVISIONED":
            args["ProvisionedThroughput"] = _throughput(None)
        if props.get("GlobalSecondaryIndexes"):
            args["GlobalSecondaryIndexes"] = [
                _index(index, args["BillingMode"]) for index in props["GlobalSecondaryIndexes"]
            ]
        if props.get("StreamSpecification"):
            view = props["StreamSpecification"]["StreamViewType"]
            args["StreamSpecification"] = {"StreamEnabled": True, "StreamViewType": view}
        if naming.truthy((props.get("SSESpecification") or {}).get("SSEEnabled")):
            args["SSESpecification"] = {"Enabled": True, "SSEType": "KMS"}
            replicas = props.get("Replicas") or [{}]
            key = ((replicas[0].get("SSESpecification") or {}).get("KMSMasterKeyId")) if replicas else None
            if key:
                args["SSESpecification"]["KMSMasterKeyId"] = key
        self._add_table(resource, args, props)

    def _add_table(self, resource: Resource, args: dict[str, Any], props: Mapping[str, Any]) -> None:
        ttl = props.get("TimeToLiveSpecification") or {}
        name = str(args["TableName"])
        self.wiring.tables[resource.logical_id] = TableDef(
            resource.logical_id,
            name,
            naming.arn("dynamodb", f"table/{name}"),
            args,
            ttl.get("AttributeName") if naming.truthy(ttl.get("Enabled")) else None,
        )

    def _topic(self, resource: Resource) -> None:
        props = self._props(resource)
        attributes = {key: _attribute_text(props[key]) for key in _TOPIC_ATTRIBUTES if key in props}
        if attributes.get("FifoTopic") != "true":
            attributes.pop("FifoTopic", None)
        name = self.resolver.physical_name(resource.logical_id)
        arn = naming.arn("sns", name)
        self.wiring.topics[resource.logical_id] = TopicDef(resource.logical_id, name, arn, attributes)
        for index, inline in enumerate(props.get("Subscription") or []):
            logical_id = f"{resource.logical_id}.Subscription{index}"
            self.wiring.subscriptions[logical_id] = SubscriptionDef(
                logical_id, arn, str(inline["Protocol"]), str(inline["Endpoint"]), {}
            )

    def _subscription(self, resource: Resource) -> None:
        props = self._props(resource)
        attributes: dict[str, str] = {}
        for key in (
            "FilterPolicy",
            "FilterPolicyScope",
            "RawMessageDelivery",
            "RedrivePolicy",
            "DeliveryPolicy",
        ):
            if key in props:
                attributes[key] = _attribute_text(props[key])
        self.wiring.subscriptions[resource.logical_id] = SubscriptionDef(
            resource.logical_id,
            str(props["TopicArn"]),
            str(props["Protocol"]),
            str(props.get("Endpoint", "")),
            attributes,
        )

    def _rule(self, resource: Resource) -> None:
        props = self._props(resource)
        pattern = props.get("EventPattern")
        if isinstance(pattern, str):
            pattern = json.loads(pattern)
        bus = str(props.get("EventBusName") or "default").split("event-bus/")[-1]
        targets = tuple(_target(target) for target in props.get("Targets") or [])
        self.wiring.rules[resource.logical_id] = RuleDef(
            logical_id=resource.logical_id,
            name=self.resolver.physical_name(resource.logical_id),
            arn=str(self.resolver.get_att(resource.logical_id, "Arn")),
            bus=bus,
            pattern=pattern,
            schedule=props.get("ScheduleExpression"),
            enabled=str(props.get("State", "ENABLED")).startswith("ENABLED"),
            targets=targets,
        )

    def _mapping(self, resource: Resource) -> None:
        props = self._props(resource)
        source = str(props.get("EventSourceArn") or "")
        kind = source.split(":")[2] if source.count(":") >= 2 else ""
        if kind not in ("sqs", "dynamodb"):
            self.wiring.unknown_types.add(f"AWS::Lambda::EventSourceMapping({kind or 'no source'})")
            return
        on_failure = ((props.get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination")
        filters = tuple(
            json.loads(item["Pattern"]) if isinstance(item.get("Pattern"), str) else item.get("Pattern", {})
            for item in (props.get("FilterCriteria") or {}).get("Filters") or []
        )
        self.wiring.mappings[resource.logical_id] = MappingDef(
            logical_id=resource.logical_id,
            source_arn=source,
            function=self.wiring.function(str(props["FunctionName"])).logical_id,
            batch_size=int(props.get("BatchSize") or (10 if kind == "sqs" else 100)),
            enabled=props.get("Enabled") is None or naming.truthy(props.get("Enabled")),
            report_failures="ReportBatchItemFailures" in (props.get("FunctionResponseTypes") or []),
            starting_position=str(props.get("StartingPosition") or "LATEST"),
            max_retries=int(props.get("MaximumRetryAttempts", -1)),
            on_failure_arn=on_failure,
            filters=filters,
        )

    def _api(self, resource: Resource, resources: list[Resource]) -> None:
        props = self._props(resource)
        if props.get("ProtocolType", "HTTP") != "HTTP":
            self.wiring.unknown_types.add("AWS::ApiGatewayV2::Api(WEBSOCKET)")
            return
        api_id = str(self.resolver.ref(resource.logical_id))
        mine = [r for r in resources if r.type.startswith("AWS::ApiGatewayV2::") and r is not resource]
        mine = [r for r in mine if self.resolver.resolve(r.properties.get("ApiId"), r.stack) == api_id]
        integrations = {
            str(self.resolver.ref(r.logical_id)): self._integration_function(r)
            for r in mine
            if r.type == "AWS::ApiGatewayV2::Integration"
        }
        authorizers = {
            str(self.resolver.ref(r.logical_id)): self._authorizer(r)
            for r in mine
            if r.type == "AWS::ApiGatewayV2::Authorizer"
        }
        stages = [
            self._props(r).get("StageName", "$default") for r in mine if r.type == "AWS::ApiGatewayV2::Stage"
        ]
        routes = []
        for route in (r for r in mine if r.type == "AWS::ApiGatewayV2::Route"):
            route_props = self._props(route)
            target = str(route_props.get("Target") or "")
            authorizer = None
            if route_props.get("AuthorizationType") == "CUSTOM":
                authorizer = authorizers.get(str(route_props.get("AuthorizerId")))
            routes.append(
                RouteDef(
                    route.logical_id,
                    str(route_props["RouteKey"]),
                    integrations.get(target.removeprefix("integrations/")),
                    authorizer,
                )
            )
        self.wiring.apis[resource.logical_id] = ApiDef(
            resource.logical_id,
            api_id,
            str(stages[0]) if stages else "$default",
            tuple(routes),
            props.get("CorsConfiguration"),
        )

    def _integration_function(self, resource: Resource) -> str | None:
        props = self._props(resource)
        if props.get("IntegrationType") != "AWS_PROXY":
            log.warning(
                "integration %s (%s) is not emulated locally",
                resource.logical_id,
                props.get("IntegrationType"),
            )
            return None
        return self._function_of(str(props.get("IntegrationUri") or ""))

    def _authorizer(self, resource: Resource) -> AuthorizerDef | None:
        props = self._props(resource)
        if props.get("AuthorizerType") != "REQUEST":
            log.warning(
                "authorizer %s (%s) is not emulated locally", resource.logical_id, props.get("AuthorizerType")
            )
            return None
        function = self._function_of(str(props.get("AuthorizerUri") or ""))
        if function is None:
            return None
        sources = props.get("IdentitySource") or []
        if isinstance(sources, str):
            sources = [part.strip() for part in sources.split(",") if part.strip()]
        return AuthorizerDef(
            logical_id=resource.logical_id,
            id=str(self.resolver.ref(resource.logical_id)),
            function=function,
            identity_sources=tuple(str(source) for source in sources),
            ttl_seconds=int(props.get("AuthorizerResultTtlInSeconds") or 0),
            simple_responses=naming.truthy(props.get("EnableSimpleResponses")),
            payload_version=str(props.get("AuthorizerPayloadFormatVersion") or "2.0"),
        )

    def _function_of(self, uri: str) -> str | None:
        match = _FUNCTION_IN_URI.search(uri)
        arn = match.group(1) if match else uri
        try:
            return self.wiring.function(arn).logical_id
        except KeyError:
            log.warning("no function of the template behind %s", uri)
            return None

    def _simple(self, resource: Resource) -> None:
        props = self._props(resource)
        if resource.type == "AWS::KMS::Key":
            name = str(self.resolver.ref(resource.logical_id))
        else:
            name = self.resolver.physical_name(resource.logical_id)
        self.wiring.others[resource.logical_id] = SimpleDef(
            resource.logical_id, resource.type, name, self._arn(resource), props
        )


_DEFERRED = frozenset(
    {"AWS::Lambda::EventSourceMapping", "AWS::Lambda::EventInvokeConfig", "AWS::ApiGatewayV2::Api"}
)
_QUEUE_ATTRIBUTES = (
    "DelaySeconds",
    "MaximumMessageSize",
    "MessageRetentionPeriod",
    "ReceiveMessageWaitTimeSeconds",
    "VisibilityTimeout",
    "KmsMasterKeyId",
    "KmsDataKeyReusePeriodSeconds",
    "SqsManagedSseEnabled",
    "FifoQueue",
    "ContentBasedDeduplication",
    "DeduplicationScope",
    "FifoThroughputLimit",
    "RedrivePolicy",
    "RedriveAllowPolicy",
)
_TOPIC_ATTRIBUTES = (
    "DisplayName",
    "KmsMasterKeyId",
    "FifoTopic",
    "ContentBasedDeduplication",
    "SignatureVersion",
)


def _replace(function: FunctionDef, **changes: Any) -> FunctionDef:
    return replace(function, **changes)


def _env_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def _attribute_text(value: Any) -> str:
    """SQS/SNS attributes are strings: booleans lower-case, policies JSON."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return _env_text(value)


def _key_args(props: Mapping[str, Any]) -> dict[str, Any]:
    args: dict[str, Any] = {
        "TableName": "",
        "KeySchema": props["KeySchema"],
        "AttributeDefinitions": props["AttributeDefinitions"],
        "BillingMode": props.get("BillingMode", "PROVISIONED"),
    }
    if props.get("LocalSecondaryIndexes"):
        args["LocalSecondaryIndexes"] = [
            {key: index[key] for key in ("IndexName", "KeySchema", "Projection")}
            for index in props["LocalSecondaryIndexes"]
        ]
    return args


def _throughput(raw: Mapping[str, Any] | None) -> dict[str, int]:
    raw = raw or {}
    return {
        "ReadCapacityUnits": int(raw.get("ReadCapacityUnits", 5)),
        "WriteCapacityUnits": int(raw.get("WriteCapacityUnits", 5)),
    }


def _index(index: Mapping[str, Any], billing: str) -> dict[str, Any]:
    result = {key: index[key] for key in ("IndexName", "KeySchema", "Projection")}
    if billing == "PROVISIONED":
        result["ProvisionedThroughput"] = _throughput(index.get("ProvisionedThroughput"))
    return result


def _target(raw: Mapping[str, Any]) -> TargetDef:
    transformer = raw.get("InputTransformer") or {}
    return TargetDef(
        id=str(raw.get("Id")),
        arn=str(raw["Arn"]),
        input=raw.get("Input"),
        input_path=raw.get("InputPath"),
        input_paths_map=transformer.get("InputPathsMap") if transformer else None,
        input_template=transformer.get("InputTemplate") if transformer else None,
        message_group_id=(raw.get("SqsParameters") or {}).get("MessageGroupId"),
        dead_letter_arn=(raw.get("DeadLetterConfig") or {}).get("Arn"),
    )
