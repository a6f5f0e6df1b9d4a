"""An indicator as it stands: its aggregated points, oldest first, and its status today. Pure
logic over the `SeriesReader` port (one Query of the indicator's aggregates, never a scan)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from numeriqc.barometer import aggregation, periods
from numeriqc.barometer.models import Indicator, IndicatorStatus, SeriesPoint
from numeriqc.barometer.ports import SeriesReader
from numeriqc.barometer.status import status
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    points: list[SeriesPoint]
    status: IndicatorStatus


def view_of(indicator: Indicator, totals: list[dict[str, Any]], today: date) -> IndicatorView:
    """The periods with a value, oldest first, and the status on `today` from the latest one."""
    points = []
    for item in sorted(totals, key=lambda found: str(found["period"])):
        value = aggregation.value_of(indicator.aggregation, item)
        if value is not None:
            points.append(
                SeriesPoint(period=str(item["period"]), value=value, reports=int(item.get("reports", 0)))
            )
    latest = points[-1] if points else None
    as_of = periods.parse(latest.period).end if latest else None
    return IndicatorView(indicator, points, status(indicator, latest.value if latest else None, as_of, today))


class SeriesReading:
    def __init__(self, series: SeriesReader, clock: Clock = installed_clock) -> None:
        self._series = series
        self._clock = clock

    def today(self) -> date:
        """Statuses are judged on Québec's calendar day."""
        return periods.quebec_day(self._clock())

    def view(self, indicator: Indicator) -> IndicatorView:
        return view_of(indicator, self._series.totals(indicator.indicator_id), self.today())
