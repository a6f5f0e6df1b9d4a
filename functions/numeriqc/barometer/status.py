"""An indicator's status, from its latest value, its targets and their dates. Pure logic.

The rules, in order (`today` is the day the status is computed; a target's date is its last day):

1. The governing target is the earliest target whose date is today or later; when every target
   date has passed, the last one.
2. No value yet: `future` while the governing target's date is today or later, otherwise
   `not_available` (the target came and no result was reported).
3. The latest value reaches the governing target (at least the target when higher is better, at
   most when lower is better): `met`, whatever the date.
4. The target's date has passed (today is after it): `not_met`.
5. Not yet due: `on_track` when the value is at least as good as the straight line from the
   baseline to the target, read at the end of the latest value's period; `future` (to be achieved)
   when it is behind that line or there is no baseline to draw it from.
"""

from datetime import date

from numeriqc.barometer.models import (
    Indicator,
    IndicatorBaseline,
    IndicatorDirection,
    IndicatorStatus,
    IndicatorTarget,
)


def governing_target(targets: list[IndicatorTarget], today: date) -> IndicatorTarget:
    ordered = sorted(targets, key=lambda target: target.date)
    return next((target for target in ordered if target.date >= today), ordered[-1])


def status(indicator: Indicator, latest: float | None, as_of: date | None, today: date) -> IndicatorStatus:
    """The status of `indicator` whose latest value `latest` is that of the period ending `as_of`."""
    target = governing_target(indicator.targets, today)
    if latest is None or as_of is None:
        return IndicatorStatus.FUTURE if target.date >= today else IndicatorStatus.NOT_AVAILABLE
    if _at_least_as_good(latest, target.value, indicator.direction):
        return IndicatorStatus.MET
    if today > target.date:
        return IndicatorStatus.NOT_MET
    expected = trajectory(indicator.baseline, target, as_of)
    if expected is not None and _at_least_as_good(latest, expected, indicator.direction):
        return IndicatorStatus.ON_TRACK
    return IndicatorStatus.FUTURE


def trajectory(baseline: IndicatorBaseline | None, target: IndicatorTarget, as_of: date) -> float | None:
    """Where a straight line from the baseline to the target stands on `as_of` (None without a line)."""
    if baseline is None or baseline.date >= target.date:
        return None
    span = (target.date - baseline.date).days
    elapsed = min(max((as_of - baseline.date).days, 0), span)
    return baseline.value + (target.value - baseline.value) * elapsed / span


def _at_least_as_good(value: float, reference: float, direction: IndicatorDirection) -> bool:
    return value >= reference if direction is IndicatorDirection.HIGHER else value <= reference
