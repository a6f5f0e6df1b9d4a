"""How `make test` shares the tests between its two pytest-xdist workers (`--dist loadgroup`).

xdist hands out work units, the largest (most tests) first. With one unit per file, the units
handed out last were files of two or three slow tests (a whole fault sequence, a dev-server
restart), and one worker ran them alone for minutes while the other sat idle. So:

* every integration test is a unit of its own: each builds its own platform from function-scoped
  fixtures only (no module-scoped fixture under tests/integration), so any worker can run any of
  them, and hundreds of small units fill the end of the run evenly;
* tests/e2e is one unit: its tests share one `numeriqc dev` process and one Chromium per worker,
  so one worker starts them, not both;
* tests/infra is one unit: its tests share one synthesis of the CDK app per worker (with cdk-nag,
  seconds of CPU), so it is synthesized once, not twice;
* every other file is a unit, as `--dist loadfile` made it (module-scoped fixtures set up once).
"""

from typing import Any

import pytest
from xdist.scheduler import LoadScopeScheduling

ONE_UNIT_DIRECTORIES = ("tests/e2e/", "tests/infra/")
SPREAD_DIRECTORIES = ("tests/integration/",)


def work_unit(nodeid: str) -> str:
    """The work unit a test belongs to, from its node id (`path::name[params]`)."""
    path = nodeid.split("::", 1)[0]
    for directory in ONE_UNIT_DIRECTORIES:
        if path.startswith(directory):
            return directory
    if path.startswith(SPREAD_DIRECTORIES):
        return nodeid
    return path


class WorkUnitScheduling(LoadScopeScheduling):
    """xdist's scope scheduling (units handed out largest first), with the units above."""

    def _split_scope(self, nodeid: str) -> str:
        return work_unit(nodeid)


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> LoadScopeScheduling | None:
    """For `--dist loadgroup` (what `make test` asks for). xdist's own loadgroup reads groups from
    node ids that pytest 9 no longer lets a plugin rewrite, so the groups are the ones above."""
    if config.getoption("dist") != "loadgroup":
        return None
    return WorkUnitScheduling(config, log)
