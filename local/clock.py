"""Clocks for the local runtime: one that can be moved for `numeriqc dev`, a manual one for tests.

Every function the runtime invokes reads this clock through the kernel's hook (`numeriqc.core.clock`,
installed around each invocation), and so do the schedules, Scheduler's one-time schedules, the
authorizer cache and DynamoDB TTL expiry. A reminder due in 30 days is exercised by moving the
clock (`numeriqc clock advance 30d`), never by waiting, and tests do the same with `advance()`.
Both clocks are also callables returning `now`, the shape the kernel's `Clock` expects.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...

    def __call__(self) -> datetime: ...


class SystemClock:
    """The wall clock."""

    is_real = True

    def now(self) -> datetime:
        return datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class LocalClock:
    """The real time plus an offset the developer moves: `numeriqc dev`'s clock.

    It keeps running (a reminder due in 10 minutes after `advance 30d` still arrives 10 minutes
    later), and `reset()` goes back to real time. Waits (`sleep`) are real: the platform is live.
    """

    def __init__(self) -> None:
        self.offset = timedelta(0)

    @property
    def is_real(self) -> bool:
        return not self.offset

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def __call__(self) -> datetime:
        return self.now()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def advance(self, seconds: float) -> datetime:
        """Move forward by `seconds`; answers the new time."""
        self.offset += timedelta(seconds=seconds)
        return self.now()

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self.offset = moment - datetime.now(UTC)

    def reset(self) -> None:
        self.offset = timedelta(0)


class ManualClock:
    """A clock that only moves when told to (starts at the real time, whole seconds): for tests.

    Waits move it instead of sleeping, so a function's backoff costs a test nothing.
    """

    is_real = False

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime.now(UTC).replace(microsecond=0)

    def now(self) -> datetime:
        return self._now

    def __call__(self) -> datetime:
        return self._now

    def sleep(self, seconds: float) -> None:
        self.advance(seconds)

    def advance(self, seconds: float) -> datetime:
        """Move forward by `seconds`; answers the new time."""
        self._now += timedelta(seconds=seconds)
        return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self._now = moment.astimezone(UTC)

    def reset(self) -> None:
        self._now = datetime.now(UTC).replace(microsecond=0)


def is_real(clock: Any) -> bool:
    """Whether `clock` tells the real time (a clock that does not say is assumed moved)."""
    return bool(getattr(clock, "is_real", False))


_UNITS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60, "s": 1}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([wdhms])")


def parse_duration(text: str) -> float:
    """`30d`, `1d12h`, `90m`, `2w`, `45s` (or a plain number of seconds) -> seconds."""
    cleaned = text.strip().lower().replace(" ", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return float(cleaned)
    if not cleaned or _DURATION.sub("", cleaned):
        raise ValueError(f"not a duration: {text!r} (examples: 30d, 1d12h, 90m, 2w, 45s)")
    return sum(float(number) * _UNITS[unit] for number, unit in _DURATION.findall(cleaned))


def parse_moment(text: str) -> datetime:
    """An ISO 8601 date or date-time; without an offset it is UTC (`2027-01-15`, `2027-01-15T09:00-05:00`)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not an ISO 8601 date-time: {text!r} (example: 2027-01-15T09:00-05:00)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def describe(clock: Any) -> dict[str, Any]:
    """What `/_local/clock` answers: the time, whether it is real, and how far it was moved."""
    now = clock.now()
    return {
        "now": now.isoformat(),
        "real": is_real(clock),
        "offset_seconds": round((now - datetime.now(UTC)).total_seconds()),
    }
