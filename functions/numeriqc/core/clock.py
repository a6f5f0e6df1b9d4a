"""The one clock hook of every service: logic takes `now` from here so tests move time instead of sleeping.

Rules receive a `Clock` (a callable answering an aware UTC datetime); composition roots hand them
`clock.now`, which reads whatever clock is installed at call time. Tests and the local runtime call
`use(manual_clock, manual_clock.advance)` once: scheduled reminders, quiet hours, rate windows,
retention and throttling backoff then follow a clock that only moves when told to.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

Clock = Callable[[], datetime]
Sleep = Callable[[float], Any]


def system_clock() -> datetime:
    """The real time, always timezone-aware UTC."""
    return datetime.now(UTC)


_clock: Clock = system_clock
_sleep: Sleep = time.sleep


def now() -> datetime:
    """The current time from the installed clock (real time unless a test or the runtime installs one)."""
    return _clock()


def sleep(seconds: float) -> None:
    """Backoff and pacing waits; under a manual clock the clock just moves forward."""
    _sleep(seconds)


def use(clock: Clock | None, sleep: Sleep | None = None) -> None:
    """Install `clock` (and `sleep`) for every service; `use(None)` goes back to real time."""
    global _clock, _sleep  # noqa: PLW0603 - the hook is this module's whole purpose
    _clock = clock or system_clock
    _sleep = sleep or time.sleep


def is_real() -> bool:
    """Whether services read the real time (what `/health` reports when they do not)."""
    return _clock is system_clock


@contextmanager
def using(clock: Clock | None, sleep: Sleep | None = None) -> Iterator[None]:
    """`use(clock, sleep)` for one block, then whatever was installed before: the local runtime
    wraps every invocation in it, so each function reads the platform's clock and nothing else does."""
    global _clock, _sleep
    saved = _clock, _sleep
    use(clock, sleep)
    try:
        yield
    finally:
        _clock, _sleep = saved


class FrozenClock:
    """A clock that only moves when told to: for unit tests of rules."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 15, 14, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def epoch_seconds(moment: datetime) -> int:
    """DynamoDB TTL attributes are whole epoch seconds."""
    return int(moment.timestamp())
