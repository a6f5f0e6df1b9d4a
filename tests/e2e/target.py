"""Where the e2e suite runs: the local platform (default) or any deployed stack, reached the same way.

A `Target` is all an e2e test knows of the platform: its API URL, an organization's live key, AWS
clients in the target's account (for the queues the suite creates to hear events), the stack's
resources by logical id, and the operator's CLI. Nothing here reads moto or a table: the same test
runs against `numeriqc dev`, a real account after `make deploy`, or LocalStack.

Configuration (README, "Running the e2e suite against a deployed stack"):

- NUMERIQC_E2E_API_URL  the stack's ApiUrl output; unset = start a local platform for the session
- NUMERIQC_E2E_KEY      a live API key of the organization the suite acts as (every scope)
- NUMERIQC_E2E_STACK    the stack's name (default NumeriqcPlatform-dev): resources, outputs, CLI
- NUMERIQC_E2E_WAIT     seconds to wait for asynchronous work on a deployed stack (default 120)
- AWS credentials, AWS_REGION and, for LocalStack, AWS_ENDPOINT_URL, as boto3 reads them.

The only difference between targets is how asynchronous work is brought about: the local platform
runs its queues and schedules when asked (`/_local/drain`, `/_local/tick`), a deployed stack on its
own, so readers of results wait for them with a deadline (`Target.until`), never a blind sleep.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import boto3

from tests.support.dev_server import read_env_file

T = TypeVar("T")
DEFAULT_STACK = "NumeriqcPlatform-dev"
ENV_URL, ENV_KEY, ENV_STACK, ENV_WAIT = (
    "NUMERIQC_E2E_API_URL",
    "NUMERIQC_E2E_KEY",
    "NUMERIQC_E2E_STACK",
    "NUMERIQC_E2E_WAIT",
)


def call(
    method: str, url: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
    request = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # the target's API
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@dataclass(frozen=True)
class Target:
    url: str
    key: str
    stack: str | None = None  # a deployed stack's name
    dev_env: Path | None = None  # the local platform's dev.env
    wait_seconds: float = 0.0  # how long asynchronous work may take (0: it is run on demand)
    _clients: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def local(self) -> bool:
        return self.dev_env is not None

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def aws(self, service: str) -> Any:
        """A client in the target's account: the local platform's endpoint, or boto3's own settings."""
        if service not in self._clients:
            if self.dev_env is not None:
                values = read_env_file(self.dev_env)
                self._clients[service] = boto3.client(
                    service,
                    endpoint_url=values["AWS_ENDPOINT_URL"],
                    region_name=values.get("AWS_REGION", "ca-central-1"),
                    aws_access_key_id=values.get("AWS_ACCESS_KEY_ID", "testing"),
                    aws_secret_access_key=values.get("AWS_SECRET_ACCESS_KEY", "testing"),
                )
            else:
                self._clients[service] = boto3.client(service)
        return self._clients[service]

    def account_id(self) -> str:
        return str(self.aws("sts").get_caller_identity()["Account"])

    def resource(self, logical_id: str) -> str:
        """A stack resource's physical id (an ARN for a topic) by its logical id."""
        if self.dev_env is not None:
            resources = json.loads(self.dev_env.with_suffix(".json").read_text())["resources"]
            return str(resources[logical_id]["arn"])
        answer = self.aws("cloudformation").describe_stack_resource(
            StackName=self.stack, LogicalResourceId=logical_id
        )
        return str(answer["StackResourceDetail"]["PhysicalResourceId"])

    def cli(self, *args: str) -> Any:
        """`numeriqc <args>` as an operator runs it against this target; its JSON answer."""
        environment = {**os.environ}
        if self.dev_env is not None:
            environment["NUMERIQC_DEV_ENV"] = str(self.dev_env)
            stack: tuple[str, ...] = ()
        else:
            stack = ("--stack", str(self.stack))
        done = subprocess.run(
            [sys.executable, "-m", "numeriqc_local.cli", *args, *stack],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def settle(self) -> None:
        """Locally, run every queue and stream until idle; a deployed stack does so by itself."""
        if self.local:
            assert call("POST", f"{self.url}/_local/drain")[0] == 200

    def tick(self) -> None:
        """Locally, fire every schedule now; a deployed stack's every-minute schedules fire by themselves."""
        if self.local:
            assert call("POST", f"{self.url}/_local/tick")[0] == 200

    def until(self, read: Callable[[], T], done: Callable[[T], bool]) -> T:
        """`read()` until `done` says so or the target's wait is over; the last reading either way.

        Locally the work already happened (`settle`): one reading. On a deployed stack each reading
        is a request or an SQS long poll, so the loop waits on the target, never on a timer."""
        deadline = time.monotonic() + self.wait_seconds
        while True:
            self.settle()
            value = read()
            if done(value) or time.monotonic() >= deadline:
                return value


def deployed_from_environment() -> Target | None:
    url = os.environ.get(ENV_URL)
    if not url:
        return None
    key = os.environ.get(ENV_KEY)
    if not key:
        raise RuntimeError(f"{ENV_URL} is set: {ENV_KEY} must give a live API key of the target")
    return Target(
        url=url.rstrip("/"),
        key=key,
        stack=os.environ.get(ENV_STACK, DEFAULT_STACK),
        wait_seconds=float(os.environ.get(ENV_WAIT, "120")),
    )


def local_target(url: str, dev_env: Path) -> Target:
    return Target(url=url, key=read_env_file(dev_env)["NUMERIQC_DEMO_LIVE_KEY"], dev_env=dev_env)
