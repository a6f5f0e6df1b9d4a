"""The local runtime resolves CloudFormation intrinsics deterministically (no AWS involved)."""

from typing import Any

import pytest

from numeriqc_local.template.assembly import Template, TemplateError
from numeriqc_local.template.intrinsics import IntrinsicError, Resolver

STACK = "TestStack"


def resolver(resources: dict[str, Any], **sections: Any) -> Resolver:
    return Resolver(Template.from_dict({"Resources": resources, **sections}, STACK))


def test_derived_names_come_from_stack_and_logical_id_and_explicit_names_win() -> None:
    r = resolver(
        {
            "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
            "Named": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "explicit-name"}},
        }
    )
    assert r.resolve({"Ref": "Orders"}) == "TestStack-Orders"
    assert r.resolve({"Ref": "Named"}) == "explicit-name"
    assert r.resolve({"Fn::GetAtt": ["Orders", "Arn"]}) == (
        "arn:aws:dynamodb:ca-central-1:123456789012:table/TestStack-Orders"
    )


def test_queue_ref_is_its_url_and_fifo_queues_get_the_fifo_suffix() -> None:
    r = resolver(
        {
            "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": True}},
            "Plain": {"Type": "AWS::SQS::Queue"},
        }
    )
    assert r.physical_name("Jobs") == "TestStack-Jobs.fifo"
    assert (
        r.resolve({"Ref": "Plain"}) == "https://sqs.ca-central-1.amazonaws.com/123456789012/TestStack-Plain"
    )
    assert (
        r.resolve({"Fn::GetAtt": ["Jobs", "Arn"]})
        == "arn:aws:sqs:ca-central-1:123456789012:TestStack-Jobs.fifo"
    )
    assert r.resolve({"Fn::GetAtt": ["Plain", "QueueName"]}) == "TestStack-Plain"


def test_names_are_identical_across_resolvers_so_every_process_agrees() -> None:
    resources = {"Key": {"Type": "AWS::KMS::Key"}, "Api": {"Type": "AWS::ApiGatewayV2::Api"}}
    first, second = resolver(resources), resolver(resources)
    assert first.resolve({"Fn::GetAtt": ["Key", "Arn"]}) == second.resolve({"Fn::GetAtt": ["Key", "Arn"]})
    assert first.resolve({"Ref": "Api"}) == second.resolve({"Ref": "Api"})
    assert first.resolve({"Ref": "Key"}) != resolver({"Other": {"Type": "AWS::KMS::Key"}}).resolve(
        {"Ref": "Other"}
    )


def test_bucket_names_are_lower_case_and_long_names_respect_limits() -> None:
    long_id = "A" * 90
    r = resolver({"Uploads": {"Type": "AWS::S3::Bucket"}, long_id: {"Type": "AWS::SQS::Queue"}})
    assert r.physical_name("Uploads") == "teststack-uploads"
    name = r.physical_name(long_id)
    assert len(name) <= 80
    assert name == r.physical_name(long_id)


def test_sub_join_select_split_and_pseudo_parameters() -> None:
    r = resolver({"Topic": {"Type": "AWS::SNS::Topic"}, "Queue": {"Type": "AWS::SQS::Queue"}})
    assert r.resolve({"Fn::Sub": "${AWS::Region}:${AWS::AccountId}:${AWS::StackName}"}) == (
        "ca-central-1:123456789012:TestStack"
    )
    assert r.resolve({"Fn::Sub": "q=${Queue.QueueName} t=${Topic} lit=${!Literal}"}) == (
        "q=TestStack-Queue t=arn:aws:sns:ca-central-1:123456789012:TestStack-Topic lit=${Literal}"
    )
    assert r.resolve({"Fn::Sub": ["${X}-${AWS::Partition}", {"X": {"Ref": "AWS::URLSuffix"}}]}) == (
        "amazonaws.com-aws"
    )
    joined = {"Fn::Join": ["", ['{"topic":"', {"Ref": "Topic"}, '"}']]}
    assert r.resolve(joined) == '{"topic":"arn:aws:sns:ca-central-1:123456789012:TestStack-Topic"}'
    assert r.resolve({"Fn::Select": [1, {"Fn::Split": [",", "a,b,c"]}]}) == "b"


def test_conditions_mappings_and_no_value() -> None:
    r = resolver(
        {"Queue": {"Type": "AWS::SQS::Queue"}},
        Conditions={"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}},
        Parameters={"Stage": {"Type": "String", "Default": "dev"}},
        Mappings={"Sizes": {"dev": {"Memory": 256}}},
    )
    assert r.resolve({"Fn::If": ["IsProd", "big", "small"]}) == "small"
    assert r.resolve({"Fn::FindInMap": ["Sizes", {"Ref": "Stage"}, "Memory"]}) == 256
    assert r.resolve({"A": 1, "B": {"Ref": "AWS::NoValue"}}) == {"A": 1}
    assert r.resolve([1, {"Ref": "AWS::NoValue"}, 2]) == [1, 2]


def test_import_value_reads_another_stacks_export() -> None:
    template = Template.from_stacks(
        {
            "Base": {
                "Resources": {
                    "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "platform-bus"}}
                },
                "Outputs": {"BusName": {"Value": {"Ref": "Bus"}, "Export": {"Name": "base-bus"}}},
            },
            "App": {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}},
        }
    )
    assert Resolver(template).resolve({"Fn::ImportValue": "base-bus"}, "App") == "platform-bus"


def test_secret_ref_is_a_partial_arn_without_random_suffix() -> None:
    r = resolver({"Pepper": {"Type": "AWS::SecretsManager::Secret"}})
    assert (
        r.resolve({"Ref": "Pepper"})
        == "arn:aws:secretsmanager:ca-central-1:123456789012:secret:TestStack-Pepper"
    )


def test_unknown_references_fail_clearly() -> None:
    r = resolver({"Queue": {"Type": "AWS::SQS::Queue"}})
    with pytest.raises(IntrinsicError, match="Missing"):
        r.resolve({"Ref": "Missing"})
    with pytest.raises(IntrinsicError, match="Nope"):
        r.resolve({"Fn::GetAtt": ["Queue", "Nope"]})


def test_duplicate_logical_ids_across_stacks_are_refused() -> None:
    body = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    with pytest.raises(TemplateError, match="Queue"):
        Template.from_stacks({"A": body, "B": body})
