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
    "numeriqc.organizations.handlers.authorizer",
    "numeriqc.organizations.handlers.api",
    "numeriqc.platform.handlers.api",
    "numeriqc.feedback.handlers.api",
    "numeriqc.notifications.handlers.api",
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


def measure(runs: int = RUNS, **extra: str) -> dict[str, float]:
    environment = {
        **os.environ,
        **extra,
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
    traced = measure()
    # The same without the X-Ray SDK, to show what Powertools Tracer costs at cold start.
    untraced = measure(POWERTOOLS_TRACE_DISABLED="true")
    baseline = traced[BASELINE]
    lines = [
        f"cold-start import (median of {RUNS}, fresh interpreter each), ratio to `import boto3`:",
        f"  {'module':<40} {'as deployed':>20} {'without X-Ray SDK':>20}",
        f"  {BASELINE:<40} {baseline * 1000:9.1f} ms  1.00x {untraced[BASELINE] * 1000:9.1f} ms  1.00x",
    ]
    for module in ENTRY_MODULES:
        with_tracer = f"{traced[module] * 1000:9.1f} ms  {traced[module] / baseline:.2f}x"
        without = f"{untraced[module] * 1000:9.1f} ms  {untraced[module] / untraced[BASELINE]:.2f}x"
        lines.append(f"  {module:<40} {with_tracer} {without}")
    return lines
