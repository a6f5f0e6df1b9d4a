"""An organization reports a value for an indicator and a period. Pure logic over ports.

Checks, each a 422 naming its field: the indicator exists and is reported by organizations (the
platform measures the automatic ones itself); the period has the indicator's frequency and has
begun; the unit, when given, is the indicator's; a count is whole; the value is within the
indicator's range; a weighted mean has its base.

Then, per (organization, indicator, period): a first report is version 1; the same values again
answer the current version (a retry is harmless); different values without `correction` are a 409;
a correction is the next version, the earlier ones stay in the history. The version and its
aggregate delta are written in one transaction, conditioned on the version read, so two racing
corrections cannot both apply their delta.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any

from numeriqc.barometer import aggregation, periods
from numeriqc.barometer.aggregation import Contribution, exact
from numeriqc.barometer.indicators import Catalogue
from numeriqc.barometer.models import (
    INTEGER_UNITS,
    Indicator,
    IndicatorAggregation,
    IndicatorReport,
    IndicatorReportHistory,
    IndicatorReportIn,
)
from numeriqc.barometer.ports import AlreadyExists, ReportRecords, ReportVersion
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink, cloud_event
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, FieldError, ValidationFailed

_UNKNOWN = Message("Aucun indicateur {indicator_id}.", "No indicator {indicator_id}.")
_AUTOMATIC = Message(
    "La plateforme mesure elle-même cet indicateur.", "The platform measures this indicator itself."
)
_FREQUENCY = Message(
    "Cet indicateur se déclare par période de type {frequency} (ex. {example}).",
    "This indicator is reported per {frequency} (e.g. {example}).",
)
_NOT_BEGUN = Message("La période {period} n'est pas commencée.", "Period {period} has not begun.")
_UNIT = Message("L'unité de cet indicateur est {unit}.", "This indicator's unit is {unit}.")
_WHOLE = Message(
    "Un nombre entier est attendu pour cette unité.", "A whole number is expected for this unit."
)
_RANGE = Message("La valeur doit être entre {min} et {max}.", "The value must be between {min} and {max}.")
_BASE = Message(
    "La base (nombre de cas) est requise pour une moyenne pondérée.",
    "The base (number of cases) is required for a weighted mean.",
)
_DIFFERENT = Message(
    "Une valeur différente ({value}) est déjà déclarée pour cette période; envoyez correction: true pour "
    "la corriger.",
    "A different value ({value}) is already reported for this period; send correction: true to correct it.",
)
_RACE = Message(
    "Une autre version vient d'être enregistrée; relisez l'historique et réessayez.",
    "Another version was just recorded; read the history and retry.",
)
_EXAMPLES = {"month": "2026-01", "quarter": "2026-Q1", "year": "2026"}


class Reporting:
    def __init__(self, catalogue: Catalogue, store: ReportRecords, clock: Clock = installed_clock) -> None:
        self._catalogue = catalogue
        self._store = store
        self._clock = clock

    def report(
        self, org_id: str, request: IndicatorReportIn, sink: EventSink
    ) -> tuple[IndicatorReport, bool]:
        """The report now current, and whether this call recorded a new version."""
        now = self._clock()
        indicator = self._checked(request, now)
        base = Decimal(1) if request.base is None else exact(request.base)
        current = self._store.current_report(org_id, request.indicator_id, request.period)
        if current is not None:
            same = (
                exact(float(current["value"])) == exact(request.value)
                and exact(float(current["base"])) == base
            )
            if same:
                return IndicatorReport.model_validate(current), False
            if not request.correction:
                raise Conflict(
                    _DIFFERENT,
                    errors=[FieldError("body.value", "already_reported", _DIFFERENT, value=current["value"])],
                    value=current["value"],
                )
        report = IndicatorReport(
            org_id=org_id,
            indicator_id=indicator.indicator_id,
            period=request.period,
            value=request.value,
            base=float(base),
            version=int(current["version"]) + 1 if current else 1,
            correction=current is not None,
            recorded_at=now,
        )
        previous = (
            Contribution(exact(float(current["value"])), exact(float(current["base"]))) if current else None
        )
        version = ReportVersion(
            item=report.model_dump(mode="json"),
            delta=aggregation.delta(Contribution(exact(request.value), base), previous),
            replaces=int(current["version"]) if current else None,
        )
        try:
            self._store.record_report(version)
        except AlreadyExists as error:
            raise Conflict(_RACE) from error
        sink.emit(_recorded(report, now))
        return report, True

    def history(self, org_id: str, indicator_id: str, period: str) -> IndicatorReportHistory:
        items = self._store.report_history(org_id, indicator_id, period)
        return IndicatorReportHistory(items=[IndicatorReport.model_validate(item) for item in items])

    def _checked(self, request: IndicatorReportIn, now: datetime) -> Indicator:
        indicator = self._catalogue.find(request.indicator_id)
        if indicator is None:
            raise ValidationFailed(
                errors=[
                    FieldError("body.indicator_id", "unknown", _UNKNOWN, indicator_id=request.indicator_id)
                ]
            )
        if indicator.automatic:
            raise ValidationFailed(errors=[FieldError("body.indicator_id", "automatic", _AUTOMATIC)])
        errors = _period_errors(indicator, request.period, now)
        if request.unit is not None and request.unit != indicator.unit:
            errors.append(FieldError("body.unit", "wrong_unit", _UNIT, unit=indicator.unit.value))
        if indicator.unit in INTEGER_UNITS and not float(request.value).is_integer():
            errors.append(FieldError("body.value", "not_whole", _WHOLE))
        elif not indicator.range.min <= request.value <= indicator.range.max:
            bounds = {"min": indicator.range.min, "max": indicator.range.max}
            errors.append(FieldError("body.value", "out_of_range", _RANGE, **bounds))
        if indicator.aggregation is IndicatorAggregation.WEIGHTED_MEAN and request.base is None:
            errors.append(FieldError("body.base", "missing", _BASE))
        if errors:
            raise ValidationFailed(errors=errors)
        return indicator


def _period_errors(indicator: Indicator, label: str, now: datetime) -> list[FieldError]:
    period = periods.parse(label)  # the model's pattern already admits only real periods
    if period.frequency is not indicator.frequency:
        frequency = indicator.frequency.value
        return [
            FieldError(
                "body.period",
                "wrong_frequency",
                _FREQUENCY,
                frequency=frequency,
                example=_EXAMPLES[frequency],
            )
        ]
    if period.start > periods.quebec_day(now):
        return [FieldError("body.period", "not_begun", _NOT_BEGUN, period=label)]
    return []


def _recorded(report: IndicatorReport, now: datetime) -> Any:
    data = {
        "indicator_id": report.indicator_id,
        "period": report.period,
        "version": report.version,
        "correction": report.correction,
    }
    event = cloud_event("barometer", "report.recorded", report.org_id, data, clock=lambda: now)
    key = f"{report.org_id}.{report.indicator_id}.{report.period}.v{report.version}"
    return event.model_copy(update={"id": key})
