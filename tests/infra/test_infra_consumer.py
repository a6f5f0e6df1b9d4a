"""The SQS consumer wiring of PlatformFunction, on a throwaway stack (no service consumes a queue yet)."""

from typing import Any

import infra_app  # noqa: F401  (sets up jsii's environment and the import path first)
import infra_invariants as inv
import pytest
from aws_cdk import App, Duration, Stack, Validations
from aws_cdk.assertions import Template
from cdk_nag import AwsSolutionsChecks
from infra_cfn import props, ref_target, resources

from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.platform import Platform


@pytest.fixture(scope="module")
def consumer_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    app = App(outdir=str(tmp_path_factory.mktemp("consumer")))
    stack = Stack(app, "ConsumerTest")
    platform = Platform(stack, "Platform", stage="test")
    worker = PlatformFunction(
        stack,
        "FeedbackWorker",
        platform=platform,
        handler="numeriqc.feedback.handlers.worker.handler",
        timeout=Duration.seconds(20),
    )
    worker.consume_queue("FeedbackIntake", batch_size=5, max_receive_count=3)
    Validations.of(app).add_plugins(AwsSolutionsChecks(app))
    app.synth()  # the consumer wiring is cdk-nag clean as it comes: synth raises otherwise
    return Template.from_stack(stack).to_json()  # type: ignore[no-any-return]


def test_consumer_reports_partial_failures_and_has_a_watched_dead_letter_queue(
    consumer_template: dict[str, Any],
) -> None:
    mappings = resources(consumer_template, "AWS::Lambda::EventSourceMapping")
    assert len(mappings) == 1
    assert inv.unsafe_queue_consumers(consumer_template) == []
    (mapping,) = mappings.values()
    assert mapping["Properties"]["BatchSize"] == 5
    assert ref_target(mapping["Properties"]["EventSourceArn"]) == "FeedbackIntake"
    assert ref_target(mapping["Properties"]["FunctionName"]) == "FeedbackWorker"


def test_queue_redrives_to_its_dead_letter_queue_after_max_receives(
    consumer_template: dict[str, Any],
) -> None:
    redrive = props(consumer_template, "FeedbackIntake")["RedrivePolicy"]
    assert ref_target(redrive["deadLetterTargetArn"]) == "FeedbackIntakeDeadLetters"
    assert redrive["maxReceiveCount"] == 3


def test_visibility_timeout_is_six_times_the_function_timeout(consumer_template: dict[str, Any]) -> None:
    assert props(consumer_template, "FeedbackIntake")["VisibilityTimeout"] == 120


def test_queues_are_encrypted_and_enforce_tls(consumer_template: dict[str, Any]) -> None:
    assert {"FeedbackIntake", "FeedbackIntakeDeadLetters"} <= set(
        resources(consumer_template, "AWS::SQS::Queue")
    )
    assert inv.unprotected_queues_and_topics(consumer_template) == []


def test_consumer_function_has_the_platform_defaults(consumer_template: dict[str, Any]) -> None:
    assert inv.functions_off_platform_defaults(consumer_template) == []
    assert inv.functions_without_error_alarm(consumer_template) == []
    assert props(consumer_template, "FeedbackWorker")["Timeout"] == 20


def test_unsafe_consumer_is_detected(consumer_template: dict[str, Any]) -> None:
    """The rule the real template is held to does fail on a consumer missing its safety nets."""
    broken = {"Resources": dict(consumer_template["Resources"])}
    (mapping_id,) = resources(consumer_template, "AWS::Lambda::EventSourceMapping")
    mapping = broken["Resources"][mapping_id]
    broken["Resources"][mapping_id] = {**mapping, "Properties": {**mapping["Properties"]}}
    del broken["Resources"][mapping_id]["Properties"]["FunctionResponseTypes"]
    queue = broken["Resources"]["FeedbackIntake"]
    broken["Resources"]["FeedbackIntake"] = {**queue, "Properties": {**queue["Properties"]}}
    del broken["Resources"]["FeedbackIntake"]["Properties"]["RedrivePolicy"]
    assert len(inv.unsafe_queue_consumers(broken)) == 2


def test_real_template_consumers_are_safe(template: dict[str, Any]) -> None:
    assert inv.unsafe_queue_consumers(template) == []
