"""A real `numeriqc dev` process on free ports, for the e2e suite and the benches that use one.

Started, awaited on GET /health (`Popen.wait(timeout=...)` doubles as the crash check, never a
blind sleep), stopped with Ctrl-C as a developer stops it. Its output goes to `dev.log` beside its
dev.env (appended: a restarted server adds to it). When it exits or never answers, the error carries
the end of that log: "did not become ready" alone hid a missing `make layer` from the person
running the bench.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # local dev server only
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


class DevServerFailed(RuntimeError):
    """`numeriqc dev` exited or did not answer in time; the message ends with its last output."""


@dataclass(frozen=True)
class DevServer:
    url: str
    moto_url: str
    dev_env: Path
    ready_seconds: float
    pid: int

    def values(self) -> dict[str, str]:
        """What the platform wrote into dev.env (the demo organization's keys, its URLs)."""
        return read_env_file(self.dev_env)


def read_env_file(path: Path) -> dict[str, str]:
    return {
        name.strip(): value.strip().strip("'\"")
        for name, _, value in (line.partition("=") for line in path.read_text().splitlines())
        if value and not name.startswith("#")
    }


@contextmanager
def running_dev_server(
    state: Path,
    *,
    args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    limit_seconds: float = 120,
    stop_seconds: float = 30,
) -> Iterator[DevServer]:
    """`numeriqc dev` writing its dev.env into `state` (a developer's own `make dev` is never
    disturbed), with `env` over this process's environment, minus AWS_ENDPOINT_URL (the local
    platform is its own AWS)."""
    port, moto_port = free_port(), free_port()
    environment = {
        **os.environ,
        "PORT": str(port),
        "MOTO_PORT": str(moto_port),
        "NUMERIQC_DEV_ENV": str(state / "dev.env"),
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    environment.pop("AWS_ENDPOINT_URL", None)
    url = f"http://127.0.0.1:{environment['PORT']}"
    log = state / "dev.log"
    started = time.perf_counter()
    with log.open("a") as output:
        process = subprocess.Popen(  # fixed interpreter and module; args come from the caller's code
            [sys.executable, "-m", "numeriqc_local.cli", "dev", *args],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        while not answers(f"{url}/health"):
            try:
                code: int | None = process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                code = None
            if code is not None:
                raise DevServerFailed(f"`numeriqc dev` exited with {code}:\n{_end_of(log)}")
            if time.perf_counter() - started > limit_seconds:
                raise DevServerFailed(
                    f"`numeriqc dev` not ready after {limit_seconds:.0f} s:\n{_end_of(log)}"
                )
        ready = time.perf_counter() - started
        yield DevServer(
            url, f"http://127.0.0.1:{environment['MOTO_PORT']}", state / "dev.env", ready, process.pid
        )
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=stop_seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _end_of(log: Path, size: int = 4000) -> str:
    """The log's last `size` bytes, read from there: a 100,000-row run's log is hundreds of MB."""
    with log.open("rb") as stream:
        stream.seek(max(0, log.stat().st_size - size))
        return stream.read().decode(errors="replace")
