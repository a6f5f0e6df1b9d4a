"""Building and synthesizing the real CDK app (cdk-nag runs as part of the synth)."""

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

# Before jsii starts its node process: this machine's Node 20 is past its end of life for jsii.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")

import pytest
from aws_cdk import App, Stack
from aws_cdk.assertions import Template

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "infra"))


def load_cdk_app() -> ModuleType:
    """infra/app.py is a script, not a package module: load it from its path."""
    spec = importlib.util.spec_from_file_location("numeriqc_cdk_app", ROOT / "infra" / "app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Synthesized:
    app: App
    stack: Stack
    outdir: Path
    template: Template

    @property
    def json(self) -> dict[str, Any]:
        return self.template.to_json()  # type: ignore[no-any-return]


def synthesize(outdir: Path, context: dict[str, Any] | None = None) -> Synthesized:
    if not (ROOT / "layers" / "build" / "python").is_dir():
        pytest.fail("the Lambda layer is not built: run `make layer` (tests/infra synthesizes the real app)")
    app, stack = load_cdk_app().build_app(outdir=str(outdir), context=context)
    app.synth()  # raises if cdk-nag reports an unacknowledged finding
    return Synthesized(app, stack, outdir, Template.from_stack(stack))
