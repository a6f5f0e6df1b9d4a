"""Resource creation details and the developer's outbox (hand-written templates, moto in-process)."""

import json
from collections.abc import Callable
from typing import Any

import boto3

from numeriqc_local.runtime import LocalRuntime

Factory = Callable[..., LocalRuntime]

TEMPLATE: dict[str, Any] = {
    "Resources": {
        "Key": {"Type": "AWS::KMS::Key", "Properties": {"Description": "local key"}},
        "KeyAlias": {
            "Type": "AWS::KMS::Alias",
            "Properties": {"AliasName": "alias/numeriqc", "TargetKeyId": {"Ref": "Key"}},
        },
        "Uploads": {
            "Type": "AWS::S3::Bucket",
            "Properties": {"VersioningConfiguration": {"Status": "Enabled"}},
        },
        "Credentials": {
            "Type": "AWS::SecretsManager::Secret",
            "Properties": {
                "GenerateSecretString": {
                    "SecretStringTemplate": '{"username": "app"}',
                    "GenerateStringKey": "password",
                    "PasswordLength": 24,
                    "ExcludePunctuation": True,
                    "ExcludeCharacters": "0Oo",
                }
            },
        },
        "Setting": {
            "Type": "AWS::SSM::Parameter",
            "Properties": {"Name": "/numeriqc/setting", "Type": "String", "Value": "on"},
        },
        "Ordered": {
            "Type": "AWS::SQS::Queue",
            "Properties": {"FifoQueue": True, "ContentBasedDeduplication": True},
        },
        "OrderedTopic": {"Type": "AWS::SNS::Topic", "Properties": {"FifoTopic": True}},
        "Sender": {"Type": "AWS::SES::EmailIdentity", "Properties": {"EmailIdentity": "numeriqc.example"}},
        "Table": {
            "Type": "AWS::DynamoDB::Table",
            "Properties": {
                "AttributeDefinitions": [
                    {"AttributeName": "pk", "AttributeType": "S"},
                    {"AttributeName": "sk", "AttributeType": "S"},
                    {"AttributeName": "gsi1pk", "AttributeType": "S"},
                ],
                "KeySchema": [
                    {"AttributeName": "pk", "KeyType": "HASH"},
                    {"AttributeName": "sk", "KeyType": "RANGE"},
                ],
                "BillingMode": "PAY_PER_REQUEST",
                "GlobalSecondaryIndexes": [
                    {
                        "IndexName": "gsi1",
                        "KeySchema": [{"AttributeName": "gsi1pk", "KeyType": "HASH"}],
                        "Projection": {"ProjectionType": "ALL"},
                    }
                ],
                "TimeToLiveSpecification": {"AttributeName": "expires_at", "Enabled": True},
                "SSESpecification": {
                    "SSEEnabled": True,
                    "SSEType": "KMS",
                    "KMSMasterKeyId": {"Fn::GetAtt": ["Key", "Arn"]},
                },
            },
        },
        "Alarm": {"Type": "AWS::CloudWatch::Alarm", "Properties": {}},
        "Exotic": {"Type": "AWS::AppSync::GraphQLApi", "Properties": {}},
    }
}


def test_every_declared_resource_is_created_with_its_settings(make_platform: Factory) -> None:
    platform = make_platform(TEMPLATE)

    key = boto3.client("kms").describe_key(KeyId="alias/numeriqc")["KeyMetadata"]
    assert key["Arn"] == platform.names.arn("Key")

    bucket = platform.names["Uploads"]
    assert bucket == bucket.lower()
    assert boto3.client("s3").get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"

    secret = json.loads(
        boto3.client("secretsmanager").get_secret_value(SecretId=platform.names["Credentials"])[
            "SecretString"
        ]
    )
    assert secret["username"] == "app"
    assert len(secret["password"]) == 24
    assert secret["password"].isalnum()
    assert not set("0Oo") & set(secret["password"])

    assert boto3.client("ssm").get_parameter(Name="/numeriqc/setting")["Parameter"]["Value"] == "on"

    queue_attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=platform.names["Ordered"], AttributeNames=["All"]
    )
    assert queue_attributes["Attributes"]["FifoQueue"] == "true"
    assert platform.names.name("Ordered").endswith(".fifo")
    topic = boto3.client("sns").get_topic_attributes(TopicArn=platform.names["OrderedTopic"])["Attributes"]
    assert topic["FifoTopic"] == "true"

    dynamodb = boto3.client("dynamodb")
    table = dynamodb.describe_table(TableName=platform.names["Table"])["Table"]
    assert [index["IndexName"] for index in table["GlobalSecondaryIndexes"]] == ["gsi1"]
    ttl = dynamodb.describe_time_to_live(TableName=platform.names["Table"])["TimeToLiveDescription"]
    assert ttl["AttributeName"] == "expires_at"


def test_creation_is_idempotent(make_platform: Factory) -> None:
    template = {
        "Resources": {
            **TEMPLATE["Resources"],
            "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "bus"}},
            "Rule": {
                "Type": "AWS::Events::Rule",
                "Properties": {
                    "EventBusName": {"Ref": "Bus"},
                    "EventPattern": {"source": ["x"]},
                    "Targets": [],
                },
            },
        }
    }
    platform = make_platform(template)
    secret_before = boto3.client("secretsmanager").get_secret_value(SecretId=platform.names["Credentials"])[
        "SecretString"
    ]

    again = platform.create_resources()

    assert len(again.shims) == 1
    assert (
        len(
            boto3.client("events").list_targets_by_rule(Rule=platform.names["Rule"], EventBusName="bus")[
                "Targets"
            ]
        )
        == 1
    )
    assert len(boto3.client("kms").list_keys()["Keys"]) == 1
    secret_after = boto3.client("secretsmanager").get_secret_value(SecretId=platform.names["Credentials"])[
        "SecretString"
    ]
    assert secret_after == secret_before


def test_unknown_resource_types_are_reported_and_ignored_ones_are_not(make_platform: Factory) -> None:
    assert make_platform(TEMPLATE).wiring.unknown_types == {"AWS::AppSync::GraphQLApi"}


def test_outbox_lists_emails_and_sms_as_sent(make_platform: Factory) -> None:
    platform = make_platform(TEMPLATE)
    boto3.client("ses").send_email(
        Source="avis@numeriqc.example",
        Destination={"ToAddresses": ["citoyen@example.org"], "CcAddresses": ["copie@example.org"]},
        Message={"Subject": {"Data": "Rappel"}, "Body": {"Text": {"Data": "Votre rendez-vous est demain."}}},
    )
    boto3.client("sesv2").send_email(
        FromEmailAddress="avis@numeriqc.example",
        Destination={"ToAddresses": ["autre@example.org"]},
        Content={"Simple": {"Subject": {"Data": "Avis"}, "Body": {"Text": {"Data": "Bonjour"}}}},
    )
    boto3.client("sns").publish(
        PhoneNumber="+15145550199", Message="Rappel : rendez-vous demain. STOP pour arrêter"
    )

    outbox = platform.outbox()

    assert [(m.kind, m.to, m.subject) for m in outbox] == [
        ("email", ["citoyen@example.org"], "Rappel"),
        ("email", ["autre@example.org"], "Avis"),
        ("sms", ["+15145550199"], None),
    ]
    assert outbox[0].cc == ["copie@example.org"]
    assert outbox[0].body == "Votre rendez-vous est demain."
    assert outbox[0].sender == "avis@numeriqc.example"
    assert outbox[2].body == "Rappel : rendez-vous demain. STOP pour arrêter"
    assert json.loads(json.dumps([m.as_json() for m in outbox]))[2]["kind"] == "sms"


def test_the_outbox_starts_empty_for_each_test(make_platform: Factory) -> None:
    assert make_platform(TEMPLATE).outbox() == []
