"""The real template, booted locally: everything it declares exists, nothing else does.

Expected sets are read from the raw template JSON (route keys, resource types), and the physical
names come from the runtime's naming; what exists is asked from moto through the AWS APIs and from
the emulated gateway. A resource missing locally, or a local extra, fails the test.
"""

import json
from typing import Any

import boto3
import pytest

from numeriqc_local.aws.resources import SHIM_PREFIX
from numeriqc_local.runtime import LocalRuntime
from numeriqc_local.template.assembly import Template


def declared(template: Template, resource_type: str) -> dict[str, dict[str, Any]]:
    """Logical id -> raw properties of every resource of that type, straight from the JSON."""
    return {
        logical_id: raw.get("Properties") or {}
        for stack in template.stacks
        for logical_id, raw in (stack.body.get("Resources") or {}).items()
        if raw["Type"] == resource_type
    }


def names_of(platform: LocalRuntime, template: Template, resource_type: str) -> set[str]:
    return {platform.names.name(logical_id) for logical_id in declared(template, resource_type)}


def test_routes_served_are_exactly_the_templates(platform: LocalRuntime, numeriqc_template: Template) -> None:
    expected = {
        props["RouteKey"] for props in declared(numeriqc_template, "AWS::ApiGatewayV2::Route").values()
    }
    assert expected
    assert set(platform.routes()) == expected


def test_stores_queues_topics_buses_and_rules_exist_iff_declared(
    platform: LocalRuntime, numeriqc_template: Template
) -> None:
    tables = set(boto3.client("dynamodb").list_tables()["TableNames"])
    assert tables == names_of(platform, numeriqc_template, "AWS::DynamoDB::Table") | names_of(
        platform, numeriqc_template, "AWS::DynamoDB::GlobalTable"
    )

    urls = boto3.client("sqs").list_queues().get("QueueUrls", [])
    queues = {url.rsplit("/", 1)[-1] for url in urls if not url.rsplit("/", 1)[-1].startswith(SHIM_PREFIX)}
    assert queues == names_of(platform, numeriqc_template, "AWS::SQS::Queue")

    topics = {topic["TopicArn"].rsplit(":", 1)[-1] for topic in boto3.client("sns").list_topics()["Topics"]}
    assert topics == names_of(platform, numeriqc_template, "AWS::SNS::Topic")

    events = boto3.client("events")
    buses = {bus["Name"] for bus in events.list_event_buses()["EventBuses"]} - {"default"}
    assert buses == names_of(platform, numeriqc_template, "AWS::Events::EventBus")
    rules = {
        rule["Name"] for bus in [*buses, "default"] for rule in events.list_rules(EventBusName=bus)["Rules"]
    }
    assert rules == names_of(platform, numeriqc_template, "AWS::Events::Rule")

    secrets = {secret["Name"] for secret in boto3.client("secretsmanager").list_secrets()["SecretList"]}
    assert secrets == names_of(platform, numeriqc_template, "AWS::SecretsManager::Secret")

    keys = {key["KeyId"] for key in boto3.client("kms").list_keys()["Keys"]}
    assert keys == {platform.names[logical_id] for logical_id in declared(numeriqc_template, "AWS::KMS::Key")}


def test_subscriptions_exist_iff_declared(platform: LocalRuntime, numeriqc_template: Template) -> None:
    listed = boto3.client("sns").list_subscriptions()["Subscriptions"]
    visible = [s for s in listed if SHIM_PREFIX not in s["Endpoint"]]
    declared_subscriptions = declared(numeriqc_template, "AWS::SNS::Subscription")
    expected = {
        (platform.wiring.resolver.resolve(props["TopicArn"]), props["Protocol"])
        for props in declared_subscriptions.values()
        if props["Protocol"] != "lambda"
    }
    assert {(s["TopicArn"], s["Protocol"]) for s in visible} == expected
    shims = [s for s in listed if SHIM_PREFIX in s["Endpoint"]]
    assert len(shims) == sum(1 for props in declared_subscriptions.values() if props["Protocol"] == "lambda")


def test_function_environments_name_resources_that_exist(platform: LocalRuntime) -> None:
    for function_id in platform.functions:
        env = platform.env(function_id)
        if "ORGANIZATIONS_TABLE" in env:
            boto3.client("dynamodb").describe_table(TableName=env["ORGANIZATIONS_TABLE"])
        if "PEPPER_SECRET_ARN" in env:
            assert boto3.client("secretsmanager").get_secret_value(SecretId=env["PEPPER_SECRET_ARN"])[
                "SecretString"
            ]
        if "PLATFORM_KEY_ARN" in env:
            boto3.client("kms").describe_key(KeyId=env["PLATFORM_KEY_ARN"])
        for arn in json.loads(env.get("EVENT_TOPICS", "{}")).values():
            boto3.client("sns").get_topic_attributes(TopicArn=arn)


def test_health_not_found_and_missing_key_answers(platform: LocalRuntime) -> None:
    health = platform.http("GET", "/health")
    assert health.status == 200, health.body
    assert health.json()["status"] == "ok"

    missing = platform.http("GET", "/no/such/route")
    assert missing.status == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert missing.json()["status"] == 404

    custom_routes = [r for r in platform.gateway.api.routes if r.authorizer is not None]
    assert custom_routes
    method, path = custom_routes[0].route_key.split(" ", 1)
    unauthorized = platform.http(method, path.replace("{", "").replace("}", ""))
    assert (unauthorized.status, unauthorized.json()) == (401, {"message": "Unauthorized"})


@pytest.mark.parametrize("family", ["feedback", "notifications", "organizations"])
def test_platform_events_reach_only_matching_topic_subscribers(platform: LocalRuntime, family: str) -> None:
    """Rule -> family topic (InputPath $.detail) -> SQS subscription with a MessageBody filter policy."""
    rules = [
        rule for rule in platform.wiring.rules.values() if rule.pattern == {"source": [f"numeriqc.{family}"]}
    ]
    assert len(rules) == 1
    (target,) = rules[0].targets
    sqs, sns = boto3.client("sqs"), boto3.client("sns")
    url = sqs.create_queue(QueueName=f"subscriber-{family}")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(
        TopicArn=target.arn,
        Protocol="sqs",
        Endpoint=queue_arn,
        Attributes={
            "RawMessageDelivery": "true",
            "FilterPolicyScope": "MessageBody",
            "FilterPolicy": json.dumps({"orgid": ["saaq"]}),
        },
    )
    for orgid in ("saaq", "mtq"):
        cloud_event = {
            "specversion": "1.0",
            "id": orgid,
            "type": f"ca.qc.numeriqc.{family}.test.v1",
            "orgid": orgid,
        }
        boto3.client("events").put_events(
            Entries=[
                {
                    "EventBusName": rules[0].bus,
                    "Source": f"numeriqc.{family}",
                    "DetailType": cloud_event["type"],
                    "Detail": json.dumps(cloud_event),
                }
            ]
        )

    platform.drain()

    received = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    assert [json.loads(message["Body"])["orgid"] for message in received] == ["saaq"]
    assert json.loads(received[0]["Body"])["specversion"] == "1.0"  # the bare CloudEvent, not the envelope
