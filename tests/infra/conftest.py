"""The real CDK app, synthesized once per test session (cdk-nag runs as part of that synth)."""

from types import ModuleType
from typing import Any

import pytest
from infra_app import Synthesized, load_cdk_app, synthesize


@pytest.fixture(scope="session")
def cdk_app_module() -> ModuleType:
    return load_cdk_app()


@pytest.fixture(scope="session")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    return synthesize(tmp_path_factory.mktemp("cdk.out"))


@pytest.fixture(scope="session")
def template(synthesized: Synthesized) -> dict[str, Any]:
    return synthesized.json
