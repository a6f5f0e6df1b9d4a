"""The numeriQc CDK app: `python3 infra/app.py` synthesizes into cdk.out, offline, without credentials.

The stack is environment-agnostic (account and region are CloudFormation pseudo parameters), nothing
is looked up, and cdk-nag's AwsSolutions pack runs at synth: an unacknowledged finding fails it.
Context: `-c stage=dev` (default `dev`), `-c log_level=INFO`.
"""

import sys
from pathlib import Path

# `numeriqc_infra` is installed (editable) by `make`; this also lets a bare checkout synthesize.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aws_cdk import App, Validations  # noqa: E402
from cdk_nag import AwsSolutionsChecks  # noqa: E402

from numeriqc_infra.stack import NumeriqcStack  # noqa: E402

OUTDIR = str(Path(__file__).resolve().parent.parent / "cdk.out")


def build_app(outdir: str = OUTDIR, context: dict[str, str] | None = None) -> tuple[App, NumeriqcStack]:
    app = App(outdir=outdir, context=context)
    stage = str(app.node.try_get_context("stage") or "dev")
    log_level = str(app.node.try_get_context("log_level") or "INFO")
    stack = NumeriqcStack(app, stage=stage, log_level=log_level)
    Validations.of(app).add_plugins(AwsSolutionsChecks(app, verbose=True, write_suppressions_to_cloud_formation=True))
    return app, stack


if __name__ == "__main__":
    build_app()[0].synth()
