"""The numeriQc CDK app: `python3 infra/app.py` synthesizes into cdk.out, offline, without credentials.

The stack is environment-agnostic (account and region are CloudFormation pseudo parameters), nothing
is looked up, and cdk-nag's AwsSolutions pack runs at synth: an unacknowledged finding fails it.
Context (cdk.json, or `-c` with the CDK CLI): `stage` (default `dev`), `log_level` (`INFO`).
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

# `numeriqc_infra` is installed (editable) by `make`; this also lets a bare checkout synthesize.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aws_cdk import App, Validations
from cdk_nag import AwsSolutionsChecks

from numeriqc_infra.stack import NumeriqcStack

ROOT = Path(__file__).resolve().parent.parent
OUTDIR = str(ROOT / "cdk.out")


def cdk_json_context() -> dict[str, Any]:
    """cdk.json's context (stage default, feature flags). The CDK CLI passes it to the app itself,
    but `make synth` and tests run this file directly: reading it here gives them the same template."""
    context: dict[str, Any] = json.loads((ROOT / "cdk.json").read_text())["context"]
    return context


def build_app(outdir: str | None = None, context: dict[str, Any] | None = None) -> tuple[App, NumeriqcStack]:
    """The app, unsynthesized: tests build it with their own outdir and context."""
    # The CDK CLI (`npx cdk ...`) chooses the output directory through CDK_OUTDIR, and passes its
    # context (cdk.json + `-c` options) through CDK_CONTEXT_JSON, which App reads and lets win.
    app = App(
        outdir=outdir or os.environ.get("CDK_OUTDIR") or OUTDIR,
        context={**cdk_json_context(), **(context or {})},
    )
    stage = str(app.node.try_get_context("stage") or "dev")
    log_level = str(app.node.try_get_context("log_level") or "INFO")
    stack = NumeriqcStack(app, stage=stage, log_level=log_level)
    Validations.of(app).add_plugins(
        AwsSolutionsChecks(app, verbose=True, write_suppressions_to_cloud_formation=True)
    )
    return app, stack


if __name__ == "__main__":
    build_app()[0].synth()
