"""cdk-nag is clean with reasons, it really runs on the real app, and synthesis is deterministic."""

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from aws_cdk import Validations
from aws_cdk import aws_sqs as sqs
from infra_app import Synthesized, synthesize

from numeriqc_infra.nag import acknowledge

TEMPLATE = "NumeriqcPlatform.template.json"


def acknowledgments(synthesized: Synthesized) -> list[tuple[str, str, str]]:
    """(construct path, finding, reason) for every acknowledgment recorded in the construct tree."""
    key = Validations.ACKNOWLEDGED_RULES_METADATA_KEY
    found = []
    for node in synthesized.app.node.find_all():
        for entry in node.node.metadata:
            if entry.type == key:
                found += [(node.node.path, finding, reason) for finding, reason in dict(entry.data).items()]
    return found


def test_synth_reports_no_unacknowledged_finding(synthesized: Synthesized) -> None:
    """cdk-nag findings and CDK's own warnings alike: each is fixed or acknowledged with a reason."""
    report = json.loads((synthesized.outdir / "validation-report.json").read_text())
    violations = [
        (violation["ruleName"], [c["constructPath"] for c in violation["violatingConstructs"]])
        for plugin in report["pluginReports"]
        for violation in plugin["violations"]
    ]
    assert violations == []


def test_every_acknowledgment_has_a_reason(synthesized: Synthesized, template: dict[str, Any]) -> None:
    found = acknowledgments(synthesized)
    assert found, "the app acknowledges some findings (public routes, pepper rotation, ...)"
    assert [(path, finding) for path, finding, reason in found if not reason.strip()] == []
    # ... and the reasons reach the template, where auditors read them.
    in_template = [
        rule
        for res in template["Resources"].values()
        for rule in res.get("Metadata", {}).get("cdk_nag", {}).get("rules_to_suppress", [])
    ]
    assert in_template and all(rule["reason"].strip() for rule in in_template)


def test_acknowledging_without_a_reason_is_refused(synthesized: Synthesized) -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        acknowledge(synthesized.stack, "AwsSolutions-SQS2", "  ")


def test_cdk_nag_fails_the_real_app_on_an_unacknowledged_finding(
    tmp_path: Path, cdk_app_module: ModuleType
) -> None:
    app, stack = cdk_app_module.build_app(outdir=str(tmp_path))
    sqs.Queue(stack, "Careless", encryption=sqs.QueueEncryption.UNENCRYPTED)  # AwsSolutions-SQS2, SQS3, SQS4
    with pytest.raises(Exception, match=r"AwsSolutions-SQS2") as failure:
        app.synth()
    assert "AwsSolutions-SQS4" in str(failure.value)


def test_synthesis_is_deterministic(synthesized: Synthesized, tmp_path: Path) -> None:
    again = synthesize(tmp_path / "cdk.out")
    first = (synthesized.outdir / TEMPLATE).read_text()
    second = (again.outdir / TEMPLATE).read_text()
    assert json.loads(first) == json.loads(second)
    assert first == second
