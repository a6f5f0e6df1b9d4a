"""Cold-start import time of each Lambda entry module, as a ratio to `import boto3` in the same run.

Each import runs in a fresh interpreter (that is what a cold start is), several times, interleaved
so that machine noise hits every module alike; the median is reported. The environment is
Lambda-like (a function name is set, so Powertools Tracer loads the X-Ray SDK as it does in AWS).
"""

import os
import statistics
import subprocess
import sys

ENTRY_MODULES = (
    "numeriqc.organizations.authorizer",
    "numeriqc.organizations.api",
    "numeriqc.platform.api",
)
BASELINE = "boto3"
RUNS = 7
_PROBE = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def import_seconds(module: str, environment: dict[str, str]) -> float:
    output = subprocess.run(  # fixed interpreter and module names
        [sys.executable, "-c", _PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    ).stdout
    return float(output.strip().splitlines()[-1])


def measure(runs: int = RUNS) -> dict[str, float]:
    environment = {
        **os.environ,
        "AWS_LAMBDA_FUNCTION_NAME": "bench",
        "LAMBDA_TASK_ROOT": os.getcwd(),  # the X-Ray SDK takes its Lambda path (no sampler clients)
        "AWS_REGION": "ca-central-1",
        "PYTHONDONTWRITEBYTECODE": "",
    }
    samples: dict[str, list[float]] = {module: [] for module in (BASELINE, *ENTRY_MODULES)}
    for module in samples:  # warm the bytecode cache once, as a deployed package has .pyc files
        import_seconds(module, environment)
    for _ in range(runs):
        for module, values in samples.items():
            values.append(import_seconds(module, environment))
    return {module: statistics.median(values) for module, values in samples.items()}


def report() -> list[str]:
    medians = measure()
    baseline = medians[BASELINE]
    lines = [f"cold-start import (median of {RUNS}, fresh interpreter each), ratio to `import boto3`:"]
    lines.append(f"  {BASELINE:<40} {baseline * 1000:7.1f} ms  1.00x")
    for module in ENTRY_MODULES:
        lines.append(f"  {module:<40} {medians[module] * 1000:7.1f} ms  {medians[module] / baseline:.2f}x")
    return lines
