"""`.numeriqc/dev.env`: how other processes find a running `numeriqc dev` platform.

`numeriqc dev` writes it once ready; `numeriqc invoke`, admin commands and shells (`set -a;
. .numeriqc/dev.env; set +a`) read it to reach the same moto server and resources. Names could be
recomputed from the template, but writing them down lets any tool (or a human) use them without
importing this package. `dev.json` beside it holds the same data, structured.
"""

from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..account import FAKE_CREDENTIALS, REGION
from ..template.assembly import find_root

_SAFE = re.compile(r"^[A-Za-z0-9_./:@+,=\-]*$")


class NotRunningError(RuntimeError):
    """No `numeriqc dev` platform answers."""


def dev_env_path() -> Path:
    override = os.environ.get("NUMERIQC_DEV_ENV")
    return Path(override) if override else find_root() / ".numeriqc" / "dev.env"


def env_name(logical_id: str) -> str:
    """`OrganizationsTable` -> `NUMERIQC_ORGANIZATIONS_TABLE`."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", logical_id)
    return "NUMERIQC_" + re.sub(r"[^A-Za-z0-9]", "_", snake).upper()


def _quoted(value: str) -> str:
    return value if _SAFE.match(value) else "'" + value.replace("'", "'\\''") + "'"


def write_dev_env(
    path: Path,
    *,
    endpoint_url: str,
    api_url: str,
    description: dict[str, Any],
    template: str,
    extra: dict[str, str] | None = None,
) -> None:
    variables = {
        "AWS_ENDPOINT_URL": endpoint_url,
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        **FAKE_CREDENTIALS,
        "NUMERIQC_API_URL": api_url,
        "NUMERIQC_DEV_PID": str(os.getpid()),
        "NUMERIQC_TEMPLATE": template,
    }
    for logical_id, resource in description["resources"].items():
        variables[env_name(logical_id)] = str(resource["ref"])
        if resource.get("arn") and resource["arn"] != resource["ref"]:
            variables[env_name(logical_id) + "_ARN"] = str(resource["arn"])
    variables.update(extra or {})
    lines = [
        "# Written by `numeriqc dev`; valid while it runs. In a shell: set -a; . .numeriqc/dev.env; set +a",
        *(f"{key}={_quoted(value)}" for key, value in variables.items()),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n")
    temporary.replace(path)
    structured = {
        "endpoint_url": endpoint_url,
        "api_url": api_url,
        "pid": os.getpid(),
        "template": template,
        **description,
    }
    path.with_suffix(".json").write_text(json.dumps(structured, indent=2) + "\n")


def write_outputs(path: Path, outputs: dict[str, str]) -> None:
    """`.numeriqc/outputs.json`: the stack outputs, resolved locally (admin commands read them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(outputs, indent=2) + "\n")


def read_dev_env(path: Path | None = None) -> dict[str, str]:
    path = path or dev_env_path()
    if not path.is_file():
        raise NotRunningError(f"no {path}: start the platform first with `numeriqc dev` (or `make dev`)")
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        if len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("'\\''", "'")
        values[key.strip()] = value
    return values


def check_running(values: dict[str, str]) -> None:
    """Raise NotRunningError unless the recorded moto endpoint accepts connections."""
    endpoint = urlparse(values.get("AWS_ENDPOINT_URL", ""))
    try:
        with socket.create_connection((endpoint.hostname or "127.0.0.1", endpoint.port or 80), timeout=1):
            return
    except OSError:
        endpoint_url = values.get("AWS_ENDPOINT_URL")
        raise NotRunningError(
            f"the dev platform recorded in {dev_env_path()} does not answer at {endpoint_url}: "
            "start it with `numeriqc dev`"
        ) from None


def apply_to_process(values: dict[str, str]) -> None:
    """Point this process's AWS clients at the dev platform (endpoint, region, fake credentials)."""
    for key in ("AWS_ENDPOINT_URL", "AWS_REGION", "AWS_DEFAULT_REGION", *FAKE_CREDENTIALS):
        if key in values:
            os.environ[key] = values[key]
    for key in ("AWS_PROFILE", "AWS_SESSION_TOKEN"):
        os.environ.pop(key, None)


def attach(path: Path | None = None) -> Any:
    """A LocalRuntime bound to the running dev platform's moto (resources already exist)."""
    from ..runtime import LocalRuntime
    from ..template.assembly import load_template

    values = read_dev_env(path)
    check_running(values)
    apply_to_process(values)
    template = load_template()
    if values.get("NUMERIQC_TEMPLATE") and values["NUMERIQC_TEMPLATE"] != template.fingerprint():
        import logging

        logging.getLogger("numeriqc_local").warning(
            "the template changed since `numeriqc dev` started: restart it to create the new resources"
        )
    return LocalRuntime(template, endpoint_url=values["AWS_ENDPOINT_URL"], clock=dev_clock(values))


def dev_clock(values: dict[str, str]) -> Any:
    """The running platform's clock, so `numeriqc invoke` runs a function at the time it would there."""
    import urllib.request
    from datetime import timedelta

    from ..clock import LocalClock

    clock = LocalClock()
    try:
        url = values["NUMERIQC_API_URL"] + "/_local/clock"
        with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - loopback URL it wrote
            clock.offset = timedelta(seconds=json.loads(answer.read())["offset_seconds"])
    except (OSError, KeyError, ValueError):
        pass  # an older platform without a clock endpoint: real time
    return clock
