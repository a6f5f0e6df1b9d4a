"""The one clock hook: what `use` installs, every `now()` and `sleep()` of every service follows."""

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from numeriqc.core import clock
from numeriqc.core.clock import FrozenClock, epoch_seconds


@pytest.fixture(autouse=True)
def _real_time_after() -> Iterator[None]:
    yield
    clock.use(None)


def test_use_installs_a_clock_that_now_answers_and_sleep_advances(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)  # a real sleep would be a failure, not a wait
    manual = FrozenClock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    clock.use(manual, manual.advance)

    assert clock.now() == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    clock.sleep(3600)
    assert slept == []  # the hour passed on the manual clock, not on the wall
    assert clock.now() == datetime(2026, 3, 1, 10, 30, tzinfo=UTC)


def test_the_installed_clock_is_read_at_call_time() -> None:
    manual = FrozenClock()
    read_now = clock.now  # what a composition root hands a rule, taken before `use`
    clock.use(manual, manual.advance)
    assert read_now() == manual.now


def test_use_none_restores_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    manual = FrozenClock(datetime(2001, 1, 1, tzinfo=UTC))
    clock.use(manual, manual.advance)
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)

    clock.use(None)

    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)
    assert clock.now().tzinfo is not None
    clock.sleep(0.25)
    assert slept == [0.25]
    assert manual.now == datetime(2001, 1, 1, tzinfo=UTC)


def test_a_clock_without_a_sleep_sleeps_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    clock.use(FrozenClock())
    clock.sleep(1.5)
    assert slept == [1.5]


def test_epoch_seconds_are_whole_seconds() -> None:
    assert epoch_seconds(datetime(1970, 1, 1, 0, 1, 30, 999_000, tzinfo=UTC)) == 90
