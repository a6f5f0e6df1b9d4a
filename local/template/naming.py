"""Deterministic physical names, ARNs and ids for template resources.

CloudFormation invents names such as `Stack-QueueLogicalId-1A2B3C`; the local runtime instead derives
them from the stack name and logical id only, so the dev server, `numeriqc invoke`, admin commands
and tests all compute the same names without talking to each other. An explicit name property
(`TableName`, `QueueName`, ...) always wins, as in CloudFormation.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..account import ACCOUNT_ID, PARTITION, REGION, URL_SUFFIX

_KEY_NAMESPACE = uuid.UUID("6f1c3a52-4e0b-4c43-9b8a-6e756d657269")


def digest(seed: str, length: int, alphabet: str = "0123456789abcdefghijklmnopqrstuvwxyz") -> str:
    """A short stable id (API ids, route ids...) derived from `seed`."""
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big")
    chars = []
    for _ in range(length):
        number, index = divmod(number, len(alphabet))
        chars.append(alphabet[index])
    return "".join(chars)


def derived_name(
    stack: str, logical_id: str, *, max_length: int, lowercase: bool = False, suffix: str = ""
) -> str:
    """`{stack}-{logical_id}{suffix}`, shortened with a hash when too long (names have limits)."""
    base = f"{stack}-{logical_id}"
    if lowercase:
        base = re.sub(r"[^a-z0-9.-]", "-", base.lower())
    budget = max_length - len(suffix)
    if len(base) > budget:
        tail = digest(base, 8)
        base = base[: budget - 9].rstrip("-") + "-" + tail
    return base + suffix


def kms_key_id(stack: str, logical_id: str) -> str:
    """A KMS key id (a UUID) derived from the logical id; the runtime makes moto use exactly it."""
    return str(uuid.uuid5(_KEY_NAMESPACE, f"{stack}/{logical_id}"))


def arn(service: str, resource: str, *, region: str = REGION, account: str = ACCOUNT_ID) -> str:
    return f"arn:{PARTITION}:{service}:{region}:{account}:{resource}"


def queue_url(name: str) -> str:
    """The queue URL shape AWS answers; moto finds the queue from its last path segment."""
    return f"https://sqs.{REGION}.{URL_SUFFIX}/{ACCOUNT_ID}/{name}"


def truthy(value: Any) -> bool:
    """CloudFormation booleans arrive as true/false or "true"/"false"."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


Props = Mapping[str, Any]
NameFn = Callable[[str, Props], Any]


@dataclass(frozen=True)
class Kind:
    """How one resource type is named: explicit name property, limits, Ref and Fn::GetAtt values."""

    service: str
    name_property: str | None = None
    max_length: int = 64
    lowercase: bool = False
    fifo_flag: str | None = None
    ref: NameFn | None = None
    attributes: Mapping[str, NameFn] | None = None


def _table_arn(name: str, _: Props) -> str:
    return arn("dynamodb", f"table/{name}")


def _stream_arn(name: str, _: Props) -> str:
    # moto labels a stream with its creation time: the runtime looks up the real ARN by table name.
    return arn("dynamodb", f"table/{name}/stream/1970-01-01T00:00:00.000")


def _rule_arn(name: str, props: Props) -> str:
    bus = str(props.get("EventBusName") or "default").split("/")[-1]
    return arn("events", f"rule/{name}" if bus == "default" else f"rule/{bus}/{name}")


def _secret_arn(name: str, _: Props) -> str:
    # A partial ARN (no random suffix): valid for every Secrets Manager call, identical everywhere.
    return arn("secretsmanager", f"secret:{name}")


def _function_arn(name: str, _: Props) -> str:
    return arn("lambda", f"function:{name}")


_TABLE = Kind(
    "dynamodb",
    "TableName",
    255,
    attributes={"Arn": _table_arn, "StreamArn": _stream_arn, "TableId": lambda n, _: digest(n, 16)},
)

KINDS: dict[str, Kind] = {
    "AWS::DynamoDB::Table": _TABLE,
    "AWS::DynamoDB::GlobalTable": _TABLE,
    "AWS::SQS::Queue": Kind(
        "sqs",
        "QueueName",
        80,
        fifo_flag="FifoQueue",
        ref=lambda n, _: queue_url(n),
        attributes={
            "Arn": lambda n, _: arn("sqs", n),
            "QueueName": lambda n, _: n,
            "QueueUrl": lambda n, _: queue_url(n),
        },
    ),
    "AWS::SNS::Topic": Kind(
        "sns",
        "TopicName",
        256,
        fifo_flag="FifoTopic",
        ref=lambda n, _: arn("sns", n),
        attributes={"TopicArn": lambda n, _: arn("sns", n), "TopicName": lambda n, _: n},
    ),
    "AWS::SNS::Subscription": Kind("sns", ref=lambda n, _: arn("sns", f"subscription/{digest(n, 36)}")),
    "AWS::Events::EventBus": Kind(
        "events",
        "Name",
        256,
        attributes={"Arn": lambda n, _: arn("events", f"event-bus/{n}"), "Name": lambda n, _: n},
    ),
    "AWS::Events::Rule": Kind("events", "Name", 64, attributes={"Arn": _rule_arn}),
    "AWS::S3::Bucket": Kind(
        "s3",
        "BucketName",
        63,
        lowercase=True,
        attributes={
            "Arn": lambda n, _: f"arn:{PARTITION}:s3:::{n}",
            "DomainName": lambda n, _: f"{n}.s3.{URL_SUFFIX}",
            "RegionalDomainName": lambda n, _: f"{n}.s3.{REGION}.{URL_SUFFIX}",
            "DualStackDomainName": lambda n, _: f"{n}.s3.dualstack.{REGION}.{URL_SUFFIX}",
            "WebsiteURL": lambda n, _: f"http://{n}.s3-website.{REGION}.{URL_SUFFIX}",
        },
    ),
    "AWS::SecretsManager::Secret": Kind(
        "secretsmanager", "Name", 512, ref=_secret_arn, attributes={"Id": _secret_arn, "Arn": _secret_arn}
    ),
    "AWS::KMS::Alias": Kind("kms", "AliasName", 256, attributes={}),
    "AWS::Lambda::Function": Kind("lambda", "FunctionName", 64, attributes={"Arn": _function_arn}),
    "AWS::IAM::Role": Kind(
        "iam",
        "RoleName",
        64,
        attributes={
            "Arn": lambda n, _: f"arn:{PARTITION}:iam::{ACCOUNT_ID}:role/{n}",
            "RoleId": lambda n, _: "AROA" + digest(n, 17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
        },
    ),
    "AWS::IAM::ManagedPolicy": Kind(
        "iam", "ManagedPolicyName", 128, ref=lambda n, _: f"arn:{PARTITION}:iam::{ACCOUNT_ID}:policy/{n}"
    ),
    "AWS::Logs::LogGroup": Kind(
        "logs", "LogGroupName", 512, attributes={"Arn": lambda n, _: arn("logs", f"log-group:{n}:*")}
    ),
    "AWS::SSM::Parameter": Kind(
        "ssm",
        "Name",
        1011,
        attributes={
            "Type": lambda _n, p: p.get("Type", "String"),
            "Arn": lambda n, _: arn("ssm", "parameter/" + n.lstrip("/")),
        },
    ),
    "AWS::SES::ConfigurationSet": Kind("ses", "Name", 64),
    "AWS::SES::EmailIdentity": Kind("ses", "EmailIdentity", 320),
    "AWS::CloudWatch::Alarm": Kind(
        "cloudwatch", "AlarmName", 255, attributes={"Arn": lambda n, _: arn("cloudwatch", f"alarm:{n}")}
    ),
    "AWS::Scheduler::ScheduleGroup": Kind(
        "scheduler", "Name", 64, attributes={"Arn": lambda n, _: arn("scheduler", f"schedule-group/{n}")}
    ),
    "AWS::Scheduler::Schedule": Kind(
        "scheduler",
        "Name",
        64,
        attributes={"Arn": lambda n, p: arn("scheduler", f"schedule/{p.get('GroupName') or 'default'}/{n}")},
    ),
    "AWS::ApiGatewayV2::Stage": Kind("apigateway", "StageName", 128),
}


def api_id(stack: str, logical_id: str) -> str:
    """API Gateway ids are 10 lower-case alphanumerics."""
    return digest(f"{stack}/{logical_id}", 10)


def api_endpoint(api: str) -> str:
    return f"https://{api}.execute-api.{REGION}.{URL_SUFFIX}"
