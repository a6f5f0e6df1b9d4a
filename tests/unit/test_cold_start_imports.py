"""What a cold start imports: no entry module loads a heavy library before a request needs it.

Each entry module that infra deploys is imported in a fresh interpreter, as Lambda's cold start
does, with a Lambda-like environment; the modules it loaded are compared with the libraries that
only some routes or records need (docs/decisions/0002-cold-start.md). The figures are in
`bench/cold_start.py`; this test keeps the class of regression out: a new module-level import of
one of these libraries anywhere under an entry module fails here, whichever service it is in.
"""

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from numeriqc.core import observability

ROOT = Path(__file__).resolve().parents[2]
# Loaded on first use only, by the code that needs them.
DEFERRED = (
    "aws_xray_sdk",  # tracing is Lambda's (or ADOT's), never the X-Ray SDK's
    "boto3",  # core.aws builds clients on first use
    "botocore.client",
    "numpy",  # the consultations' opinion groups
    "jsonschema",  # exchange's dataset schemas
    "cryptography",  # notifications' cipher, exchange's signatures
    "phonenumbers",  # phone numbers, when one is given
    "email_validator",  # email addresses, when one is given
)
_PROBE = "import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"


def entry_modules() -> list[str]:
    found: set[str] = set()
    for path in (ROOT / "infra" / "numeriqc_infra").glob("*.py"):
        found.update(re.findall(r'handler="(numeriqc\.[a-z_.]+)\.handler"', path.read_text()))
    return sorted(found)


def loaded_by(module: str) -> set[str]:
    environment = {
        **os.environ,
        "AWS_LAMBDA_FUNCTION_NAME": "probe",
        "LAMBDA_TASK_ROOT": str(ROOT / "functions"),
        "AWS_REGION": "ca-central-1",
        "POWERTOOLS_SERVICE_NAME": module.split(".")[1],
    }
    environment.pop("POWERTOOLS_TRACE_DISABLED", None)
    output = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    ).stdout
    return set(json.loads(output.splitlines()[-1]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in DEFERRED if name in modules)


@pytest.fixture(scope="module")
def loaded() -> dict[str, set[str]]:
    modules = entry_modules()
    assert len(modules) > 20, "infra names fewer entry modules than it did: the pattern no longer matches"
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(modules, pool.map(loaded_by, modules), strict=True))


def test_no_entry_module_imports_a_deferred_library_at_cold_start(loaded: dict[str, set[str]]) -> None:
    assert {module: heavy(names) for module, names in loaded.items() if heavy(names)} == {}


def test_the_probe_sees_a_module_level_import() -> None:
    """The check can fail: a module that imports jsonschema at its top is caught."""
    assert heavy(loaded_by("jsonschema.validators")) == ["jsonschema"]


def test_the_tracer_hands_back_the_handler_itself() -> None:
    def handler(event: dict[str, str], context: object) -> str:
        return event["x"]

    assert observability.tracer.capture_lambda_handler(handler) is handler
    assert observability.tracer.capture_lambda_handler(capture_response=False)(handler) is handler
    assert observability.tracer.capture_method(handler) is handler
    assert observability.tracer.capture_method(capture_error=False)(handler) is handler
