"""Health probes: one read-only AWS call per kind of dependency, each a `health.Probe`."""

from collections.abc import Callable
from typing import Any

from numeriqc.platform.health import Probe


def probes(client: Callable[[str], Any]) -> dict[str, Probe]:
    """The cheapest read-only call that proves each kind of dependency answers to this function."""
    return {
        "dynamodb": lambda target: client("dynamodb").describe_table(TableName=target),
        "sns": lambda target: client("sns").get_topic_attributes(TopicArn=target),
        "sqs": lambda target: client("sqs").get_queue_attributes(
            QueueUrl=target, AttributeNames=["QueueArn"]
        ),
        "events": lambda target: client("events").describe_event_bus(Name=target),
        "kms": lambda target: client("kms").describe_key(KeyId=target),
        "secret": lambda target: client("secretsmanager").describe_secret(SecretId=target),
        "s3": lambda target: client("s3").head_bucket(Bucket=target),
    }
