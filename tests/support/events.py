"""Helpers for tests that listen to the platform's events: a queue subscribed to a family, what
arrived in it, and what a table's stream holds (to prove that nothing was streamed)."""

import json
from typing import Any

from numeriqc.core import aws
from tests.support.platform import bearer


def subscribe_queue(platform: Any, key: str, family: str, name: str | None = None) -> str:
    """An SQS queue subscribed (through the API) to the key's organization's `family` events."""
    sqs = aws.client("sqs")
    url = sqs.create_queue(QueueName=name or f"events-{family}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    response = platform.http(
        "POST",
        "/v1/subscriptions",
        headers=bearer(key),
        json={"family": family, "protocol": "sqs", "endpoint": arn},
    )
    assert response.status == 201, response.text
    return str(url)


def take_events(url: str) -> list[dict[str, Any]]:
    """Every CloudEvent waiting in the queue, removed from it."""
    sqs = aws.client("sqs")
    found: list[dict[str, Any]] = []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


def stream_records(platform: Any, table_name: str) -> list[dict[str, Any]]:
    """Every record of the table's stream from its start (GetRecords, as botocore parses it)."""
    dynamodb, streams = platform.clients("dynamodb"), platform.clients("dynamodbstreams")
    arn = dynamodb.describe_table(TableName=table_name)["Table"]["LatestStreamArn"]
    found: list[dict[str, Any]] = []
    for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
        iterator = streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        while True:
            answer = streams.get_records(ShardIterator=iterator, Limit=1000)
            found.extend(answer["Records"])
            if not answer["Records"]:
                break
            iterator = answer["NextShardIterator"]
    return found


def table_items(table_name: str) -> list[dict[str, Any]]:
    """The whole table, in a stable order (a test's before/after snapshot, never a request path)."""
    items = aws.client("dynamodb").scan(TableName=table_name)["Items"]
    return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))
