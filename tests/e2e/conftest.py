"""e2e: the `target` the suite runs against (tests/e2e/target.py), and the local platform.

By default the target is a real `numeriqc dev` process on free ports, shared by the e2e package
and torn down after its last test (package scope, not session: an idle dev server keeps polling
its queues and streams, and `make test` runs tests/e2e as one unit on one worker, then the rest).
With NUMERIQC_E2E_API_URL (and NUMERIQC_E2E_KEY) set, the target is that deployed stack, no local
platform starts, and the tests that need one (its pages, outbox and `/_local` endpoints, asked for
through `dev_platform`) are skipped.

Readiness is polled on GET /health with short bounded waits (`Popen.wait(timeout=...)` doubles as
the crash check), never a blind sleep. The platform writes its dev.env into a temporary directory,
so a developer's own running `make dev` is never disturbed.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .target import ENV_URL, Target, deployed_from_environment, local_target

READY_TIMEOUT_SECONDS = 120  # a cold start may synthesize the CDK app first


@dataclass(frozen=True)
class DevPlatform:
    url: str
    moto_url: str
    dev_env: Path
    ready_seconds: float


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@pytest.fixture(scope="package")
def dev_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevPlatform]:
    if os.environ.get(ENV_URL):
        pytest.skip(f"the local platform only ({ENV_URL} points the suite at a deployed stack)")
    state = tmp_path_factory.mktemp("numeriqc-dev")
    port, moto_port = free_port(), free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "MOTO_PORT": str(moto_port),
        "NUMERIQC_DEV_ENV": str(state / "dev.env"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("AWS_ENDPOINT_URL", None)
    log_path = state / "dev.log"
    started = time.perf_counter()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "numeriqc_local.cli", "dev"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        while not answers(f"{url}/health"):
            try:
                code = process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                code = None
            if code is not None:
                pytest.fail(f"`numeriqc dev` exited with {code}:\n{log_path.read_text()[-4000:]}")
            if time.perf_counter() - started > READY_TIMEOUT_SECONDS:
                tail = log_path.read_text()[-4000:]
                pytest.fail(f"`numeriqc dev` not ready after {READY_TIMEOUT_SECONDS} s:\n{tail}")
        ready = time.perf_counter() - started
        yield DevPlatform(url, f"http://127.0.0.1:{moto_port}", state / "dev.env", ready)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="package")
def target(request: pytest.FixtureRequest) -> Target:
    """The deployed stack NUMERIQC_E2E_API_URL names, else the session's local platform."""
    deployed = deployed_from_environment()
    if deployed is not None:
        return deployed
    platform: DevPlatform = request.getfixturevalue("dev_platform")
    return local_target(platform.url, platform.dev_env)
