"""`make dev` time to ready: from spawning `numeriqc dev` to its first 200 on /health.

Measured twice in one run: with a forced CDK synthesis (a fresh checkout or a changed infra/) and
with the template reused (the usual restart).
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.e2e.conftest import answers, free_port

LIMIT_SECONDS = 120


def ready_seconds(synth: str) -> float:
    with tempfile.TemporaryDirectory() as state:
        port, moto_port = free_port(), free_port()
        env = {
            **os.environ,
            "PORT": str(port),
            "MOTO_PORT": str(moto_port),
            "NUMERIQC_DEV_ENV": str(Path(state) / "dev.env"),
            "NUMERIQC_SYNTH": synth,
        }
        started = time.perf_counter()
        process = subprocess.Popen(  # fixed command line
            [sys.executable, "-m", "numeriqc_local.cli", "dev"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while not answers(f"http://127.0.0.1:{port}/health"):
                if process.poll() is not None or time.perf_counter() - started > LIMIT_SECONDS:
                    raise RuntimeError("numeriqc dev did not become ready")
                time.sleep(0.05)  # polling a child process, not a test
            return time.perf_counter() - started
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)


def report() -> list[str]:
    cold = ready_seconds("always")
    warm = ready_seconds("auto")
    return [
        "`numeriqc dev` time to ready (spawn -> first 200 on /health):",
        f"  with CDK synthesis          {cold:5.1f} s",
        f"  template reused             {warm:5.1f} s",
    ]
