"""A `numeriqc dev` that cannot start says why to whoever started it (a bench, this suite), not only
that it did not become ready: the benches hid its output, and a missing `make layer` looked like a hang."""

from pathlib import Path

import pytest

from tests.support.dev_server import DevServerFailed, running_dev_server

pytestmark = pytest.mark.e2e


def test_a_dev_server_that_exits_at_start_names_its_error(tmp_path: Path) -> None:
    with (
        pytest.raises(DevServerFailed) as failure,
        running_dev_server(tmp_path, args=["--set=not-a-setting"], limit_seconds=60),
    ):
        pytest.fail("a dev server with a malformed --set must not answer")

    assert "exited with 2" in str(failure.value)
    assert "expected NAME=VALUE" in str(failure.value)
    assert "'not-a-setting'" in str(failure.value)
