"""Clocks for the local runtime: the real one for `numeriqc dev`, a manual one for tests.

Schedules and the authorizer cache read time only from here, so a test moves time with
`advance()` instead of sleeping. Both clocks are also callables returning `now`, the shape the
kernel's own injectable clock (`numeriqc.core.clock.Clock`) expects.
"""

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...

    def __call__(self) -> datetime: ...


class SystemClock:
    """The wall clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now()


class ManualClock:
    """A clock that only moves when told to (starts at the real time, whole seconds)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime.now(UTC).replace(microsecond=0)

    def now(self) -> datetime:
        return self._now

    def __call__(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> datetime:
        """Move forward by `seconds`; answers the new time."""
        self._now += timedelta(seconds=seconds)
        return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self._now = moment.astimezone(UTC)
