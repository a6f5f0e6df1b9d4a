"""The local clock: moved by duration or to a moment, back to real time, and read by every function."""

from datetime import UTC, datetime, timedelta

import pytest

from numeriqc.core import clock as kernel
from numeriqc_local.clock import LocalClock, ManualClock, describe, is_real, parse_duration, parse_moment
from numeriqc_local.pytest_plugin import starting_clock


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30d", 30 * 86400), ("1d12h", 36 * 3600), ("90m", 5400), ("2w", 14 * 86400), ("45s", 45), ("120", 120)],
)
def test_durations_read_as_people_write_them(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["3x", "d", "30 days", "-5d", "1d garbage", ""])
def test_anything_else_is_refused_with_examples(text: str) -> None:
    with pytest.raises(ValueError, match="30d"):
        parse_duration(text)


def test_moments_without_an_offset_are_utc() -> None:
    assert parse_moment("2027-01-15") == datetime(2027, 1, 15, tzinfo=UTC)
    assert parse_moment("2027-01-15T09:00-05:00") == datetime(2027, 1, 15, 14, tzinfo=UTC)
    assert parse_moment("2027-01-15T14:00Z") == datetime(2027, 1, 15, 14, tzinfo=UTC)
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_moment("le 15 janvier")


def test_the_dev_clock_moves_keeps_running_and_resets() -> None:
    local = LocalClock()
    assert is_real(local) and describe(local)["real"] is True
    local.advance(30 * 86400)
    assert not is_real(local)
    assert abs(local.now() - (datetime.now(UTC) + timedelta(days=30))) < timedelta(seconds=5)
    local.set(datetime(2031, 6, 1, tzinfo=UTC))
    assert abs(local.now() - datetime(2031, 6, 1, tzinfo=UTC)) < timedelta(seconds=5)
    assert describe(local)["offset_seconds"] > 0
    local.reset()
    assert is_real(local) and describe(local)["offset_seconds"] == 0


def test_a_manual_clock_is_never_real_and_its_waits_move_it() -> None:
    manual = ManualClock(datetime(2030, 1, 1, tzinfo=UTC))
    manual.sleep(90)
    assert manual.now() == datetime(2030, 1, 1, 0, 1, 30, tzinfo=UTC)
    assert not is_real(manual)


def test_using_installs_a_clock_for_one_block_and_restores_the_previous_one() -> None:
    outer = ManualClock(datetime(2001, 1, 1, tzinfo=UTC))
    inner = ManualClock(datetime(2030, 1, 1, tzinfo=UTC))
    kernel.use(outer, outer.sleep)
    try:
        with kernel.using(inner, inner.sleep):
            assert kernel.now() == datetime(2030, 1, 1, tzinfo=UTC) and not kernel.is_real()
            kernel.sleep(60)
        assert inner.now() == datetime(2030, 1, 1, 0, 1, tzinfo=UTC)
        assert kernel.now() == datetime(2001, 1, 1, tzinfo=UTC)
    finally:
        kernel.use(None)
    assert kernel.is_real()


def test_clock_endpoints_refuse_a_missing_or_unreadable_parameter_as_a_bad_request() -> None:
    from numeriqc_local.dev.server import BadLocalRequest, _parsed

    assert _parsed(parse_duration, {"by": "2d"}, "by") == 2 * 86400
    with pytest.raises(BadLocalRequest, match="missing query parameter 'by'"):
        _parsed(parse_duration, {}, "by")
    with pytest.raises(BadLocalRequest, match="30d"):
        _parsed(parse_duration, {"by": "bientôt"}, "by")


def test_the_suite_can_start_its_clocks_at_a_chosen_instant(monkeypatch: pytest.MonkeyPatch) -> None:
    """NUMERIQC_TEST_START: every `platform` of the run starts there, to find the tests that pass
    only at some hours (a Monday 08:59 in Toronto, 20:59 in Montréal, a change of daylight time)."""
    monkeypatch.setenv("NUMERIQC_TEST_START", "2027-03-08T08:59:30-05:00")
    assert starting_clock().now() == datetime(2027, 3, 8, 13, 59, 30, tzinfo=UTC)

    monkeypatch.delenv("NUMERIQC_TEST_START")
    assert abs((starting_clock().now() - datetime.now(UTC)).total_seconds()) < 60
