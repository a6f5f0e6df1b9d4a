"""Security properties of the real template: encryption, TLS, least privilege."""

from typing import Any

import infra_invariants as inv
from infra_cfn import props, resources


def test_tables_are_on_demand_pitr_encrypted_with_the_platform_key_and_retained(
    template: dict[str, Any],
) -> None:
    tables = set(resources(template, "AWS::DynamoDB::Table"))
    assert {"OrganizationsTable", "IdempotencyTable", "FeedbackTable"} <= tables
    assert inv.unencrypted_tables(template) == []


def test_queues_and_topics_are_encrypted_with_the_platform_key_and_enforce_tls(
    template: dict[str, Any],
) -> None:
    assert resources(template, "AWS::SQS::Queue"), "the rules' dead-letter queue at least"
    assert inv.unprotected_queues_and_topics(template) == []


def test_platform_key_rotates_and_is_retained(template: dict[str, Any]) -> None:
    key = template["Resources"]["PlatformKey"]
    assert key["Properties"]["EnableKeyRotation"] is True
    assert key["DeletionPolicy"] == "Retain"


def test_services_writing_into_encrypted_resources_may_use_the_key(template: dict[str, Any]) -> None:
    granted = {}
    for statement in props(template, "PlatformKey")["KeyPolicy"]["Statement"]:
        services = statement.get("Principal", {}).get("Service", [])
        for service in services if isinstance(services, list) else [services]:
            granted[str(service)] = set(statement["Action"])
    needed = {"kms:Decrypt", "kms:GenerateDataKey*"}
    for service in ("events.amazonaws.com", "sns.amazonaws.com", "cloudwatch.amazonaws.com"):
        assert needed <= granted.get(service, set()), service
    assert any("logs." in service for service in granted), "CloudWatch Logs encrypts the log groups"


def test_no_statement_allows_every_action(template: dict[str, Any]) -> None:
    assert inv.allow_every_action(template) == []


def test_only_x_ray_is_granted_on_every_resource(template: dict[str, Any]) -> None:
    assert inv.wildcard_resource_grants(template) == []


def test_kms_action_wildcards_apply_to_the_platform_key_only(template: dict[str, Any]) -> None:
    assert inv.kms_wildcards_off_the_platform_key(template) == []


def test_pepper_is_a_64_character_generated_secret_under_the_platform_key(template: dict[str, Any]) -> None:
    pepper = template["Resources"]["Pepper"]
    assert pepper["Type"] == "AWS::SecretsManager::Secret"
    assert pepper["Properties"]["GenerateSecretString"] == {"ExcludePunctuation": True, "PasswordLength": 64}
    assert pepper["Properties"]["KmsKeyId"] == {"Fn::GetAtt": ["PlatformKey", "Arn"]}
    assert pepper["DeletionPolicy"] == "Retain"


def test_tables_keys_and_ttls_match_what_the_code_expects(template: dict[str, Any]) -> None:
    def shape(logical_id: str) -> tuple[list[tuple[str, str]], str]:
        p = props(template, logical_id)
        keys = [(k["AttributeName"], k["KeyType"]) for k in p["KeySchema"]]
        return keys, p["TimeToLiveSpecification"]["AttributeName"]

    assert shape("OrganizationsTable") == ([("pk", "HASH"), ("sk", "RANGE")], "expires_at")
    assert shape("IdempotencyTable") == ([("id", "HASH")], "expiration")
