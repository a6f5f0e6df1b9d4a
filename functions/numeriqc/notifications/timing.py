"""The notification service's clock and sleep, as one module-level hook.

Logic takes a clock argument; the entry points pass `timing.now`. Tests and the local runtime call
`use(clock)` so scheduled reminders, quiet hours and throttling backoff follow a manual clock that
moves when told to: nothing in this service ever waits on the wall clock in a test.
"""

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

_now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731
_sleep: Callable[[float], Any] = time.sleep


def now() -> datetime:
    return _now()


def sleep(seconds: float) -> None:
    """Backoff and pacing waits; a manual clock just moves forward."""
    _sleep(seconds)


def use(clock: Callable[[], datetime] | None, sleep: Callable[[float], Any] | None = None) -> None:
    """Make the service read `clock` (and wait with `sleep`); `use(None)` goes back to real time."""
    global _now, _sleep  # noqa: PLW0603 - the hook is this module's whole purpose
    _now = clock or (lambda: datetime.now(UTC))
    _sleep = sleep or time.sleep
