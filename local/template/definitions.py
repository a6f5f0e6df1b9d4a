"""Typed records of what the template wires, every intrinsic already resolved.

One record type per kind of wiring the runtime acts on; `resource_reader.py` builds them, everything else
(resource creation, gateway, triggers) only reads them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FunctionDef:
    logical_id: str
    name: str
    arn: str
    handler: str
    runtime: str
    environment: Mapping[str, str]
    timeout: int = 3
    memory: int = 128
    dead_letter_arn: str | None = None
    async_retries: int = 2
    on_failure_arn: str | None = None

    @property
    def invocable(self) -> bool:
        """Only Python functions run in-process (CDK's own Node.js helpers do not matter locally)."""
        return self.runtime.startswith("python") and bool(self.handler)


@dataclass(frozen=True)
class QueueDef:
    logical_id: str
    name: str
    url: str
    arn: str
    attributes: Mapping[str, str]

    @property
    def fifo(self) -> bool:
        return self.name.endswith(".fifo")

    @property
    def dead_letter_arn(self) -> str | None:
        policy = self.attributes.get("RedrivePolicy")
        return str(json.loads(policy)["deadLetterTargetArn"]) if policy else None


@dataclass(frozen=True)
class TableDef:
    logical_id: str
    name: str
    arn: str
    create_args: Mapping[str, Any]
    ttl_attribute: str | None = None

    @property
    def streams(self) -> bool:
        return "StreamSpecification" in self.create_args


@dataclass(frozen=True)
class TopicDef:
    logical_id: str
    name: str
    arn: str
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class SubscriptionDef:
    logical_id: str
    topic_arn: str
    protocol: str
    endpoint: str
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class TargetDef:
    """One EventBridge rule target, delivered by the runtime (moto only sees the shim queue)."""

    id: str
    arn: str
    input: str | None = None
    input_path: str | None = None
    input_paths_map: Mapping[str, str] | None = None
    input_template: str | None = None
    message_group_id: str | None = None
    dead_letter_arn: str | None = None


@dataclass(frozen=True)
class RuleDef:
    logical_id: str
    name: str
    arn: str
    bus: str
    pattern: Mapping[str, Any] | None
    schedule: str | None
    enabled: bool
    targets: tuple[TargetDef, ...]


@dataclass(frozen=True)
class MappingDef:
    """An AWS::Lambda::EventSourceMapping (SQS queue or DynamoDB stream -> function)."""

    logical_id: str
    source_arn: str
    function: str
    batch_size: int
    enabled: bool
    report_failures: bool
    starting_position: str
    max_retries: int
    on_failure_arn: str | None
    filters: tuple[Mapping[str, Any], ...] = ()

    @property
    def source_kind(self) -> str:
        return "sqs" if self.source_arn.split(":")[2] == "sqs" else "dynamodb"


@dataclass(frozen=True)
class AuthorizerDef:
    logical_id: str
    id: str
    function: str
    identity_sources: tuple[str, ...]
    ttl_seconds: int
    simple_responses: bool
    payload_version: str


@dataclass(frozen=True)
class RouteDef:
    logical_id: str
    route_key: str
    function: str | None
    authorizer: AuthorizerDef | None


@dataclass(frozen=True)
class ApiDef:
    logical_id: str
    api_id: str
    stage: str
    routes: tuple[RouteDef, ...]
    cors: Mapping[str, Any] | None


@dataclass(frozen=True)
class SimpleDef:
    """Resources created as-is: keys, aliases, buses, buckets, secrets, parameters, SES identities."""

    logical_id: str
    type: str
    name: str
    arn: str | None
    properties: Mapping[str, Any]
