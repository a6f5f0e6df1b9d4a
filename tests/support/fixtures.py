"""Fixtures every test tier may use, registered once by the root conftest (`pytest_plugins`).

The fixtures only wire; what they hand out lives in the other `tests.support` modules.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from numeriqc.core import clock
from tests.support.platform import NewKey, key_maker


@pytest.fixture
def new_key(platform: Any) -> NewKey:
    """`new_key("saaq", {Scope...}, kind=KeyKind.LIVE)`: registers the organization once, returns a key."""
    return key_maker(platform)


@pytest.fixture
def service_clock(platform: Any) -> Iterator[Any]:
    """Every service reads time from the platform's manual clock (`core.clock`); sleeping moves it."""
    clock.use(platform.clock, platform.clock.advance)
    yield platform.clock
    clock.use(None)
