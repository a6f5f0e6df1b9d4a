"""An injectable clock: logic takes `now` from here so tests move time instead of sleeping."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, always timezone-aware UTC."""
    return datetime.now(UTC)


class FrozenClock:
    """A clock that only moves when told to: for tests and the local runtime."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 15, 14, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def epoch_seconds(moment: datetime) -> int:
    """DynamoDB TTL attributes are whole epoch seconds."""
    return int(moment.timestamp())
