"""`make dev` time to ready: from spawning `numeriqc dev` to its first 200 on /health.

Measured twice in one run: with a forced CDK synthesis (a fresh checkout or a changed infra/) and
with the template reused (the usual restart).
"""

import tempfile
from pathlib import Path

from tests.support.dev_server import running_dev_server

LIMIT_SECONDS = 120


def ready_seconds(synth: str) -> float:
    with tempfile.TemporaryDirectory() as state:
        settings = {"NUMERIQC_SYNTH": synth}
        with running_dev_server(Path(state), env=settings, limit_seconds=LIMIT_SECONDS) as server:
            return server.ready_seconds


def report() -> list[str]:
    cold = ready_seconds("always")
    warm = ready_seconds("auto")
    return [
        "`numeriqc dev` time to ready (spawn -> first 200 on /health):",
        f"  with CDK synthesis          {cold:5.1f} s",
        f"  template reused             {warm:5.1f} s",
    ]
