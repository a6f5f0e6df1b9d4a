"""The `platform` fixture restores a copy of moto's state instead of creating every resource again
(`numeriqc_local.aws.moto_image`): a restored platform must be the one the AWS calls would have
made, and no test may see what another test wrote."""

from collections.abc import Callable
from typing import Any

from moto.core.base_backend import BackendDict

from numeriqc_local.pytest_plugin import PlatformImage
from numeriqc_local.runtime import LocalRuntime
from numeriqc_local.template.assembly import Template

Factory = Callable[..., LocalRuntime]


def inventory(runtime: LocalRuntime) -> dict[str, Any]:
    """What exists, as the AWS APIs list it (names and settings, not the random ids)."""
    clients = runtime.clients
    tables = sorted(clients("dynamodb").list_tables()["TableNames"])
    queues = sorted(clients("sqs").list_queues().get("QueueUrls", []))
    return {
        "tables": {
            name: {
                key: description[key]
                for key in ("KeySchema", "AttributeDefinitions", "StreamSpecification")
                if key in description
            }
            for name in tables
            for description in [clients("dynamodb").describe_table(TableName=name)["Table"]]
        },
        "queues": {
            url: clients("sqs")
            .get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
            .get("RedrivePolicy")
            for url in queues
        },
        "topics": sorted(topic["TopicArn"] for topic in clients("sns").list_topics()["Topics"]),
        "subscriptions": sorted(
            (item["TopicArn"], item["Protocol"], item["Endpoint"])
            for item in clients("sns").list_subscriptions()["Subscriptions"]
        ),
        "buses": sorted(bus["Name"] for bus in clients("events").list_event_buses()["EventBuses"]),
        "buckets": sorted(bucket["Name"] for bucket in clients("s3").list_buckets()["Buckets"]),
        "secrets": sorted(item["Name"] for item in clients("secretsmanager").list_secrets()["SecretList"]),
        "aliases": sorted(alias["AliasName"] for alias in clients("kms").list_aliases()["Aliases"]),
    }


def test_a_restored_platform_has_what_the_aws_calls_create(
    numeriqc_template: Template, platform_image: PlatformImage, make_platform: Factory
) -> None:
    created = make_platform(numeriqc_template)
    made = inventory(created)
    BackendDict.reset()  # what moto does when a mock starts: nothing left
    assert inventory(created)["tables"] == {}

    platform_image.moto.restore()
    restored = inventory(created)

    assert restored == made
    assert len(made["tables"]) > 5 and len(made["queues"]) > 5 and made["subscriptions"]


def test_what_one_restored_platform_writes_no_later_one_sees(
    platform: LocalRuntime, platform_image: PlatformImage
) -> None:
    table = platform.names["OrganizationsTable"]
    queue_url = next(iter(platform.created.queue_urls.values())) if platform.created else ""
    dynamodb, sqs = platform.clients("dynamodb"), platform.clients("sqs")
    dynamodb.put_item(TableName=table, Item={"pk": {"S": "written"}, "sk": {"S": "by this test"}})
    sqs.send_message(QueueUrl=queue_url, MessageBody="sent by this test")  # moto's queue locks work
    assert dynamodb.scan(TableName=table)["Count"] == 1

    BackendDict.reset()
    platform_image.moto.restore()

    assert dynamodb.scan(TableName=table)["Count"] == 0
    received = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=0)
    assert received.get("Messages", []) == []
