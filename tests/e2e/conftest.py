"""e2e: the `target` the suite runs against (tests/e2e/target.py), and the local platform.

By default the target is a real `numeriqc dev` process on free ports, shared by the e2e package
and torn down after its last test (package scope, not session: an idle dev server keeps polling
its queues and streams, and `make test` runs tests/e2e as one unit on one worker, then the rest).
With NUMERIQC_E2E_API_URL (and NUMERIQC_E2E_KEY) set, the target is that deployed stack, no local
platform starts, and the tests that need one (its pages, outbox and `/_local` endpoints, asked for
through `dev_platform`) are skipped.

The process is started and awaited by tests/support/dev_server.py (shared with the benches); it
writes its dev.env into a temporary directory, so a developer's own running `make dev` is never
disturbed.
"""

import os
from collections.abc import Iterator

import pytest

from tests.support.dev_server import DevServer, DevServerFailed, running_dev_server

from .target import ENV_URL, Target, deployed_from_environment, local_target

READY_TIMEOUT_SECONDS = 120  # a cold start may synthesize the CDK app first


@pytest.fixture(scope="package")
def dev_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevServer]:
    if os.environ.get(ENV_URL):
        pytest.skip(f"the local platform only ({ENV_URL} points the suite at a deployed stack)")
    try:
        with running_dev_server(
            tmp_path_factory.mktemp("numeriqc-dev"), limit_seconds=READY_TIMEOUT_SECONDS, stop_seconds=15
        ) as platform:
            yield platform
    except DevServerFailed as failure:
        pytest.fail(str(failure))


@pytest.fixture(scope="package")
def target(request: pytest.FixtureRequest) -> Target:
    """The deployed stack NUMERIQC_E2E_API_URL names, else the session's local platform."""
    deployed = deployed_from_environment()
    if deployed is not None:
        return deployed
    platform: DevServer = request.getfixturevalue("dev_platform")
    return local_target(platform.url, platform.dev_env)
