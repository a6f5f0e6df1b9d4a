"""CloudFormation intrinsic functions, resolved the way the local account would resolve them.

Only what names and environment variables need is implemented: Ref, Fn::GetAtt, Fn::Sub, Fn::Join,
Fn::Select, Fn::Split, Fn::If (with Conditions), Fn::FindInMap, Fn::ImportValue, Fn::Base64,
Fn::GetAZs and the pseudo parameters. Ref and GetAtt values come from `naming`, so they are
deterministic: the same template gives the same names in every process.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from typing import Any

from ..account import ACCOUNT_ID, PARTITION, REGION, URL_SUFFIX
from . import naming
from .assembly import Resource, Template

NO_VALUE = object()
_SUB_VARIABLE = re.compile(r"\$\{([^}]+)\}")


class IntrinsicError(ValueError):
    """A template expression the local runtime cannot resolve."""


class Resolver:
    """Resolves expressions of `template`; names are computed once per logical id and cached."""

    def __init__(self, template: Template, parameters: Mapping[str, Any] | None = None) -> None:
        self.template = template
        self.parameters = dict(parameters or {})
        self._names: dict[str, str] = {}
        self._resolving: set[str] = set()
        self._exports: dict[str, Any] | None = None

    # -- public -----------------------------------------------------------------------------------

    def resolve(self, value: Any, stack: str | None = None) -> Any:
        """`value` with every intrinsic replaced by its local value (AWS::NoValue entries dropped)."""
        stack = stack or self.template.stacks[0].name
        result = self._resolve(value, stack)
        return None if result is NO_VALUE else result

    def properties(self, resource: Resource) -> dict[str, Any]:
        resolved = self.resolve(dict(resource.properties), resource.stack)
        return resolved if isinstance(resolved, dict) else {}

    def physical_name(self, logical_id: str) -> str:
        """The resource's name: its explicit name property, else one derived from the logical id."""
        if logical_id in self._names:
            return self._names[logical_id]
        if logical_id in self._resolving:
            raise IntrinsicError(f"circular reference through the name of {logical_id}")
        resource = self._resource(logical_id)
        kind = naming.KINDS.get(resource.type)
        self._resolving.add(logical_id)
        try:
            name = self._explicit_name(resource, kind)
            if name is None:
                suffix = ".fifo" if kind and kind.fifo_flag and self._flag(resource, kind.fifo_flag) else ""
                name = naming.derived_name(
                    resource.stack,
                    logical_id,
                    max_length=kind.max_length if kind else 64,
                    lowercase=bool(kind and kind.lowercase),
                    suffix=suffix,
                )
        finally:
            self._resolving.discard(logical_id)
        self._names[logical_id] = name
        return name

    def ref(self, logical_id: str) -> Any:
        resource = self._resource(logical_id)
        if resource.type == "AWS::KMS::Key":
            return naming.kms_key_id(resource.stack, logical_id)
        if resource.type in ("AWS::ApiGatewayV2::Api",):
            return naming.api_id(resource.stack, logical_id)
        if resource.type.startswith("AWS::ApiGatewayV2::") and resource.type != "AWS::ApiGatewayV2::Stage":
            return naming.digest(f"{resource.stack}/{logical_id}", 7)
        if resource.type in ("AWS::Lambda::Alias", "AWS::Lambda::Version"):
            props = self.properties(resource)
            qualifier = props.get("Name") or "1"
            return f"{self.resolve(props.get('FunctionName'), resource.stack)}:{qualifier}"
        kind = naming.KINDS.get(resource.type)
        name = self.physical_name(logical_id)
        if kind and kind.ref:
            return kind.ref(name, self._name_props(resource))
        return name

    def get_att(self, logical_id: str, attribute: str) -> Any:
        resource = self._resource(logical_id)
        if resource.type == "AWS::KMS::Key":
            key_id = self.ref(logical_id)
            values = {"Arn": naming.arn("kms", f"key/{key_id}"), "KeyId": key_id}
            return self._pick(values, resource, attribute)
        if resource.type == "AWS::ApiGatewayV2::Api":
            api = self.ref(logical_id)
            return self._pick({"ApiId": api, "ApiEndpoint": naming.api_endpoint(api)}, resource, attribute)
        kind = naming.KINDS.get(resource.type)
        name = self.physical_name(logical_id)
        attributes = dict((kind.attributes or {}) if kind else {})
        if attribute in attributes:
            return attributes[attribute](name, self._name_props(resource))
        if attribute == "Arn":
            service = kind.service if kind else resource.type.split("::")[1].lower()
            return naming.arn(service, name)
        raise IntrinsicError(
            f"Fn::GetAtt {logical_id}.{attribute} ({resource.type}) is not supported locally"
        )

    def condition(self, name: str, stack: str) -> bool:
        conditions = self.template.stack(stack).body.get("Conditions") or {}
        if name not in conditions:
            raise IntrinsicError(f"unknown condition {name}")
        return bool(self._resolve(conditions[name], stack))

    def enabled(self, resource: Resource) -> bool:
        """False when the resource's Condition is false: CloudFormation would not create it."""
        return resource.condition is None or self.condition(resource.condition, resource.stack)

    # -- internals --------------------------------------------------------------------------------

    def _resource(self, logical_id: str) -> Resource:
        try:
            return self.template.resources[logical_id]
        except KeyError:
            raise IntrinsicError(f"no resource {logical_id!r} in the template") from None

    def _pick(self, values: Mapping[str, Any], resource: Resource, attribute: str) -> Any:
        if attribute not in values:
            raise IntrinsicError(f"Fn::GetAtt {resource.logical_id}.{attribute} is not supported locally")
        return values[attribute]

    def _explicit_name(self, resource: Resource, kind: naming.Kind | None) -> str | None:
        if kind is None or kind.name_property is None:
            return None
        raw = resource.properties.get(kind.name_property)
        if raw is None:
            return None
        value = self._resolve(raw, resource.stack)
        return None if value is NO_VALUE or value is None else str(value)

    def _flag(self, resource: Resource, prop: str) -> bool:
        raw = resource.properties.get(prop)
        return raw is not None and naming.truthy(self._resolve(raw, resource.stack))

    def _name_props(self, resource: Resource) -> dict[str, Any]:
        """The few properties Ref/GetAtt values depend on (kept small to avoid reference cycles)."""
        props: dict[str, Any] = {}
        for key in ("EventBusName", "GroupName", "Type"):
            if key in resource.properties:
                props[key] = self._resolve(resource.properties[key], resource.stack)
        return props

    def _pseudo(self, name: str, stack: str) -> Any:
        pseudo = {
            "AWS::Region": REGION,
            "AWS::AccountId": ACCOUNT_ID,
            "AWS::Partition": PARTITION,
            "AWS::URLSuffix": URL_SUFFIX,
            "AWS::StackName": stack,
            "AWS::StackId": naming.arn("cloudformation", f"stack/{stack}/{naming.digest(stack, 12)}"),
            "AWS::NotificationARNs": [],
            "AWS::NoValue": NO_VALUE,
        }
        if name not in pseudo:
            raise IntrinsicError(f"unknown pseudo parameter {name}")
        return pseudo[name]

    def _ref(self, name: str, stack: str) -> Any:
        if name.startswith("AWS::"):
            return self._pseudo(name, stack)
        parameters = self.template.stack(stack).body.get("Parameters") or {}
        if name in parameters:
            if name in self.parameters:
                return self.parameters[name]
            if "Default" not in parameters[name]:
                raise IntrinsicError(f"parameter {name} has no default and no local value")
            return parameters[name]["Default"]
        return self.ref(name)

    def _resolve(self, value: Any, stack: str) -> Any:
        if isinstance(value, list):
            items = [self._resolve(item, stack) for item in value]
            return [item for item in items if item is not NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, argument),) = value.items()
            handler = _FUNCTIONS.get(key)
            if handler is not None:
                return handler(self, argument, stack)
        resolved = {key: self._resolve(item, stack) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not NO_VALUE}

    def _sub(self, argument: Any, stack: str) -> str:
        if isinstance(argument, str):
            text, variables = argument, {}
        else:
            text, raw_variables = argument
            variables = {key: self._resolve(item, stack) for key, item in raw_variables.items()}

        def replace(match: re.Match[str]) -> str:
            expression = match.group(1)
            if expression.startswith("!"):
                return "${" + expression[1:] + "}"
            if expression in variables:
                return _text(variables[expression])
            if "." in expression and not expression.startswith("AWS::"):
                logical_id, attribute = expression.split(".", 1)
                return _text(self.get_att(logical_id, attribute))
            return _text(self._ref(expression, stack))

        return _SUB_VARIABLE.sub(replace, str(text))

    def _import(self, argument: Any, stack: str) -> Any:
        name = self._resolve(argument, stack)
        if self._exports is None:
            self._exports = {}
            for each in self.template.stacks:
                for output in (each.body.get("Outputs") or {}).values():
                    export = output.get("Export")
                    if export:
                        self._exports[str(self._resolve(export["Name"], each.name))] = (
                            each.name,
                            output["Value"],
                        )
        if name not in self._exports:
            raise IntrinsicError(f"Fn::ImportValue {name}: no stack of the template exports it")
        source_stack, expression = self._exports[name]
        return self._resolve(expression, source_stack)

    def _find_in_map(self, argument: Any, stack: str) -> Any:
        map_name, top, second = (self._resolve(part, stack) for part in argument)
        mappings = self.template.stack(stack).body.get("Mappings") or {}
        try:
            return mappings[map_name][top][second]
        except KeyError:
            raise IntrinsicError(f"Fn::FindInMap {map_name}/{top}/{second} not found") from None

    def _if(self, argument: Any, stack: str) -> Any:
        name, when_true, when_false = argument
        return self._resolve(when_true if self.condition(name, stack) else when_false, stack)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def _get_att(resolver: Resolver, argument: Any, stack: str) -> Any:
    if isinstance(argument, str):
        argument = argument.split(".", 1)
    logical_id, attribute = (resolver._resolve(part, stack) for part in argument)
    return resolver.get_att(str(logical_id), str(attribute))


def _join(resolver: Resolver, argument: Any, stack: str) -> str:
    delimiter, items = argument
    values = resolver._resolve(items, stack)
    return str(delimiter).join(_text(item) for item in values)


def _select(resolver: Resolver, argument: Any, stack: str) -> Any:
    index, items = argument
    values = resolver._resolve(items, stack)
    return values[int(resolver._resolve(index, stack))]


def _split(resolver: Resolver, argument: Any, stack: str) -> list[str]:
    delimiter, source = argument
    return str(resolver._resolve(source, stack)).split(str(delimiter))


def _equals(resolver: Resolver, argument: Any, stack: str) -> bool:
    left, right = (resolver._resolve(part, stack) for part in argument)
    return bool(_text(left) == _text(right))


_FUNCTIONS: dict[str, Any] = {
    "Ref": lambda r, a, s: r._ref(str(a), s),
    "Fn::GetAtt": _get_att,
    "Fn::Sub": lambda r, a, s: r._sub(a, s),
    "Fn::Join": _join,
    "Fn::Select": _select,
    "Fn::Split": _split,
    "Fn::If": lambda r, a, s: r._if(a, s),
    "Fn::Equals": _equals,
    "Fn::Not": lambda r, a, s: not r._resolve(a[0], s),
    "Fn::And": lambda r, a, s: all(r._resolve(part, s) for part in a),
    "Fn::Or": lambda r, a, s: any(r._resolve(part, s) for part in a),
    "Condition": lambda r, a, s: r.condition(str(a), s),
    "Fn::FindInMap": lambda r, a, s: r._find_in_map(a, s),
    "Fn::ImportValue": lambda r, a, s: r._import(a, s),
    "Fn::Base64": lambda r, a, s: base64.b64encode(_text(r._resolve(a, s)).encode()).decode(),
    "Fn::GetAZs": lambda r, a, s: [f"{REGION}{zone}" for zone in ("a", "b", "d")],
}
