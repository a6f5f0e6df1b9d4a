"""How organizations' reports add up for one indicator and period, incrementally. Pure logic.

Each period's aggregate keeps running totals: the sum of values, the sum of value x base, the sum
of bases, the number of reports and the latest value. A report (or a correction, or one of the
platform's own events) changes them by a delta, written with the report in the same transaction
as `ADD` and `SET` update expressions, so no read of the other organizations' reports and never a
scan: the aggregate is as cheap with 3 organizations as with 300. The indicator's aggregation
then reads one of the totals: `sum`, `weighted_mean` (weighted / base) or `latest`.

Numbers are Decimals: DynamoDB adds them exactly, so totals never drift with corrections.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from numeriqc.barometer.models import IndicatorAggregation


def exact(value: float) -> Decimal:
    """The decimal a client wrote (`0.1` stays 0.1, not its binary neighbour)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


@dataclass(frozen=True)
class Contribution:
    """What one organization's current report puts into its period's aggregate."""

    value: Decimal
    base: Decimal


@dataclass(frozen=True)
class Delta:
    total: Decimal
    weighted: Decimal
    base: Decimal
    reports: int
    latest: Decimal


def delta(new: Contribution, old: Contribution | None) -> Delta:
    """The change a report makes to the totals; a correction takes its previous version back out."""
    previous = old or Contribution(Decimal(0), Decimal(0))
    return Delta(
        total=new.value - previous.value,
        weighted=new.value * new.base - previous.value * previous.base,
        base=new.base - previous.base,
        reports=0 if old else 1,
        latest=new.value,
    )


def combined(first: Delta, then: Delta) -> Delta:
    """Two deltas applied one after the other, as one: the totals add, the latest is the later's."""
    return Delta(
        total=first.total + then.total,
        weighted=first.weighted + then.weighted,
        base=first.base + then.base,
        reports=first.reports + then.reports,
        latest=then.latest,
    )


def value_of(aggregation: IndicatorAggregation, totals: dict[str, Any]) -> float | None:
    """The aggregate value an indicator shows, from a period's totals (None when it has none)."""
    if not totals.get("reports"):
        return None
    if aggregation is IndicatorAggregation.SUM:
        return float(totals.get("total", 0))
    if aggregation is IndicatorAggregation.WEIGHTED_MEAN:
        base = Decimal(str(totals.get("base", 0)))
        return float(Decimal(str(totals.get("weighted", 0))) / base) if base else None
    return float(totals["latest"]) if totals.get("latest") is not None else None
