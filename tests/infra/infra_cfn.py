"""Reading a synthesized CloudFormation template the way the tests need to."""

import json
from collections.abc import Iterator
from typing import Any


def resources(template: dict[str, Any], type_: str) -> dict[str, dict[str, Any]]:
    return {lid: res for lid, res in template["Resources"].items() if res["Type"] == type_}


def props(template: dict[str, Any], logical_id: str) -> dict[str, Any]:
    return template["Resources"][logical_id].get("Properties", {})  # type: ignore[no-any-return]


def render(value: Any) -> str:
    """A template string with intrinsics spelled out: `{"Ref": "X"}` -> `${X}`, GetAtt -> `${X.Attr}`."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        ((name, arg),) = value.items()
        if name == "Ref":
            return f"${{{arg}}}"
        if name == "Fn::GetAtt":
            return f"${{{arg[0]}.{arg[1]}}}"
        if name == "Fn::Join":
            return str(arg[0]).join(render(part) for part in arg[1])
    raise ValueError(f"cannot render {value!r}")


def render_json(value: Any) -> Any:
    """An environment value built with Stack.to_json_string, parsed after rendering its intrinsics."""
    return json.loads(render(value))


def ref_target(value: Any) -> str:
    """The logical id a `Ref` or `Fn::GetAtt` points to."""
    if isinstance(value, dict) and "Ref" in value:
        return str(value["Ref"])
    if isinstance(value, dict) and "Fn::GetAtt" in value:
        return str(value["Fn::GetAtt"][0])
    raise ValueError(f"not a reference: {value!r}")


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    return as_list(document.get("Statement", []))


def identity_statements(template: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every statement of every identity policy (policies, managed policies, role inline policies)."""
    for lid, res in template["Resources"].items():
        properties = res.get("Properties", {})
        if res["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            for statement in statements(properties["PolicyDocument"]):
                yield lid, statement
        if res["Type"] == "AWS::IAM::Role":
            for policy in properties.get("Policies", []):
                for statement in statements(policy["PolicyDocument"]):
                    yield lid, statement


def resource_policy_statements(template: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every statement of every resource policy: topics, queues, keys, secrets, event buses."""
    documents = {
        "AWS::SNS::TopicPolicy": "PolicyDocument",
        "AWS::SQS::QueuePolicy": "PolicyDocument",
        "AWS::KMS::Key": "KeyPolicy",
        "AWS::SecretsManager::ResourcePolicy": "ResourcePolicy",
    }
    for lid, res in template["Resources"].items():
        key = documents.get(res["Type"])
        if key is not None:
            for statement in statements(res["Properties"][key]):
                yield lid, statement


def enforces_ssl(template: dict[str, Any], policy_type: str, logical_id: str, denied_action: str) -> bool:
    """Whether a resource policy of `policy_type` denies `denied_action` on `logical_id` to anyone
    not using TLS (CDK's `enforce_ssl`: `sqs:*` for queues, `sns:Publish` for topics)."""
    targets_key = {"AWS::SNS::TopicPolicy": "Topics", "AWS::SQS::QueuePolicy": "Queues"}[policy_type]
    for res in resources(template, policy_type).values():
        properties = res["Properties"]
        if logical_id not in {ref_target(target) for target in properties[targets_key]}:
            continue
        for statement in statements(properties["PolicyDocument"]):
            if (
                statement["Effect"] == "Deny"
                and statement.get("Principal") in ("*", {"AWS": "*"})
                and statement.get("Condition") == {"Bool": {"aws:SecureTransport": "false"}}
                and denied_action in as_list(statement["Action"])
            ):
                return True
    return False


def is_platform_key(value: Any) -> bool:
    return ref_target(value) == "PlatformKey"
