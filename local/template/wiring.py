"""What the template wires: the records of `definitions.py`, read once by `resource_reader.py`, plus
lookups.

Everything the runtime does (creating resources in moto, routing HTTP requests, running triggers)
reads these records, never the raw template, so each CloudFormation property is interpreted in
exactly one place. This module only holds and looks up the records: `resource_reader.read_wiring()`
fills a `Wiring`, so the reader depends on the wiring and never the other way round.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .assembly import Template
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
from .intrinsics import IntrinsicError, Resolver

__all__ = [
    "ApiDef",
    "AuthorizerDef",
    "FunctionDef",
    "MappingDef",
    "QueueDef",
    "ResourceNames",
    "RouteDef",
    "RuleDef",
    "SimpleDef",
    "SubscriptionDef",
    "TableDef",
    "TargetDef",
    "TopicDef",
    "Wiring",
]


@dataclass
class Wiring:
    """Every record of one template, by logical id; built by `resource_reader.read_wiring()`."""

    template: Template
    resolver: Resolver = field(init=False)
    functions: dict[str, FunctionDef] = field(default_factory=dict)
    queues: dict[str, QueueDef] = field(default_factory=dict)
    tables: dict[str, TableDef] = field(default_factory=dict)
    topics: dict[str, TopicDef] = field(default_factory=dict)
    subscriptions: dict[str, SubscriptionDef] = field(default_factory=dict)
    rules: dict[str, RuleDef] = field(default_factory=dict)
    mappings: dict[str, MappingDef] = field(default_factory=dict)
    apis: dict[str, ApiDef] = field(default_factory=dict)
    others: dict[str, SimpleDef] = field(default_factory=dict)
    unknown_types: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.resolver = Resolver(self.template)

    def function(self, ident: str) -> FunctionDef:
        """A function by logical id, name or ARN (a qualifier such as `:live` is ignored)."""
        if ident in self.functions:
            return self.functions[ident]
        name = ident.split(":function:", 1)[1].split(":", maxsplit=1)[0] if ":function:" in ident else ident
        for function in self.functions.values():
            if function.name == name:
                return function
        raise KeyError(f"no function {ident!r} in the template (known: {', '.join(sorted(self.functions))})")

    def queue_by_arn(self, arn: str) -> QueueDef | None:
        return next((queue for queue in self.queues.values() if queue.arn == arn), None)

    def queue_by_url(self, url: str) -> QueueDef | None:
        return next((queue for queue in self.queues.values() if queue.url == url), None)

    def environment_keys(self) -> frozenset[str]:
        """Every variable any function sets: hidden from the functions that do not set it."""
        return frozenset(key for function in self.functions.values() for key in function.environment)


class ResourceNames(Mapping[str, Any]):
    """Physical names by logical id: `names[id]` is the resource's Ref value (table name, queue
    URL, topic ARN, bus name, bucket name, secret ARN, key id, function name...); `arn(id)` and
    `attr(id, attribute)` answer Fn::GetAtt values."""

    def __init__(self, wiring: Wiring) -> None:
        self._wiring = wiring

    def __getitem__(self, logical_id: str) -> Any:
        try:
            return self._wiring.resolver.ref(logical_id)
        except IntrinsicError as error:
            raise KeyError(logical_id) from error

    def __iter__(self) -> Iterator[str]:
        return iter(self._wiring.template.resources)

    def __len__(self) -> int:
        return len(self._wiring.template.resources)

    def arn(self, logical_id: str) -> str:
        return str(self._wiring.resolver.get_att(logical_id, "Arn"))

    def attr(self, logical_id: str, attribute: str) -> Any:
        return self._wiring.resolver.get_att(logical_id, attribute)

    def name(self, logical_id: str) -> str:
        """The bare physical name (queue name rather than URL, topic name rather than ARN)."""
        return self._wiring.resolver.physical_name(logical_id)
