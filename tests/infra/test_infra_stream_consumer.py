"""The DynamoDB stream consumer wiring of PlatformFunction (`consume_stream`), on a throwaway stack."""

from typing import Any

import infra_app  # noqa: F401  (sets up jsii's environment and the import path first)
import infra_invariants as inv
import pytest
from aws_cdk import App, Stack, Validations
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk.assertions import Template
from cdk_nag import AwsSolutionsChecks
from infra_cfn import props, ref_target, resources

from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.platform import Platform


@pytest.fixture(scope="module")
def stream_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    app = App(outdir=str(tmp_path_factory.mktemp("stream")))
    stack = Stack(app, "StreamTest")
    platform = Platform(stack, "Platform", stage="test")
    table = platform.service_table(
        stack,
        "ThingsTable",
        partition_key="pk",
        sort_key="sk",
        time_to_live="expires_at",
        stream=dynamodb.StreamViewType.NEW_IMAGE,
    )
    worker = PlatformFunction(
        stack, "ThingsWorker", platform=platform, handler="numeriqc.feedback.handlers.table_stream.handler"
    )
    worker.consume_stream(
        "ThingsStream", table, batch_size=50, retry_attempts=3, filters=[{"eventName": ["INSERT"]}]
    )
    worker.acknowledge_key_grant_wildcards()
    Validations.of(app).add_plugins(AwsSolutionsChecks(app))
    app.synth()  # cdk-nag clean as it comes: synth raises otherwise
    return Template.from_stack(stack).to_json()  # type: ignore[no-any-return]


def test_stream_consumer_reports_failures_bisects_and_gives_up_into_a_watched_queue(
    stream_template: dict[str, Any],
) -> None:
    (mapping,) = resources(stream_template, "AWS::Lambda::EventSourceMapping").values()
    p = mapping["Properties"]
    assert p["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert p["BisectBatchOnFunctionError"] is True
    assert p["MaximumRetryAttempts"] == 3
    assert p["BatchSize"] == 50
    assert p["StartingPosition"] == "TRIM_HORIZON"
    assert ref_target(p["EventSourceArn"]) == "ThingsTable"
    assert ref_target(p["DestinationConfig"]["OnFailure"]["Destination"]) == "ThingsStreamFailures"
    assert p["FilterCriteria"] == {"Filters": [{"Pattern": '{"eventName":["INSERT"]}'}]}
    assert inv.unsafe_queue_consumers(stream_template) == []


def test_table_has_its_stream_and_failure_queue_is_encrypted(stream_template: dict[str, Any]) -> None:
    assert props(stream_template, "ThingsTable")["StreamSpecification"] == {"StreamViewType": "NEW_IMAGE"}
    assert inv.unprotected_queues_and_topics(stream_template) == []
    assert inv.unencrypted_tables(stream_template) == []


def test_unsafe_stream_consumer_is_detected(stream_template: dict[str, Any]) -> None:
    broken = {"Resources": dict(stream_template["Resources"])}
    (mapping_id,) = resources(stream_template, "AWS::Lambda::EventSourceMapping")
    mapping = broken["Resources"][mapping_id]
    properties = {**mapping["Properties"]}
    for name in ("BisectBatchOnFunctionError", "MaximumRetryAttempts", "DestinationConfig"):
        del properties[name]
    broken["Resources"][mapping_id] = {**mapping, "Properties": properties}
    assert len(inv.unsafe_queue_consumers(broken)) == 3
