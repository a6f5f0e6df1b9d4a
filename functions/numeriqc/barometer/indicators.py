"""The indicator catalogue: the platform's automatic indicators (seed data) and the ones
organizations define. Pure logic over the `IndicatorRecords` port.

A definition is checked whole before anything is written: every target date is today or later,
the range fits the unit (a percentage stays within 0-100), the baseline and every target fall in
the range, and no text holds markup. Each fault is one field error, so the client fixes them all
at once.
"""

from datetime import datetime

from numeriqc.barometer import periods, text_rules
from numeriqc.barometer.models import UNIT_RANGES, Indicator, IndicatorIn, ValueRange
from numeriqc.barometer.ports import AlreadyExists, IndicatorRecords
from numeriqc.barometer.strategy import AUTOMATIC, AUTOMATIC_BY_ID
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink, cloud_event
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, FieldError, NotFound, ValidationFailed

_TAKEN = Message("L'indicateur {indicator_id} existe déjà.", "Indicator {indicator_id} already exists.")
_UNKNOWN = Message("Aucun indicateur {indicator_id}.", "No indicator {indicator_id}.")
_PAST = Message(
    "La date d'une cible ne peut pas être passée ({date}).", "A target's date cannot be in the past ({date})."
)
_OUTSIDE_UNIT = Message(
    "L'étendue doit rester entre {min} et {max} pour cette unité.",
    "The range must stay between {min} and {max} for this unit.",
)
_EMPTY_RANGE = Message("Le minimum doit être inférieur au maximum.", "The minimum must be below the maximum.")
_OUT_OF_RANGE = Message(
    "La valeur doit être entre {min} et {max}.", "The value must be between {min} and {max}."
)


class Catalogue:
    def __init__(self, store: IndicatorRecords, clock: Clock = installed_clock) -> None:
        self._store = store
        self._clock = clock

    def define(self, org_id: str, request: IndicatorIn, sink: EventSink) -> Indicator:
        now = self._clock()
        value_range = _checked(request, now)
        indicator = Indicator(
            **request.model_dump(exclude={"range"}),
            range=value_range,
            owner=org_id,
            created_at=now,
        )
        indicator = indicator.model_copy(
            update={
                name: text_rules.normalized(getattr(indicator, name))
                for name in ("name_fr", "name_en", "description_fr", "description_en")
            }
        )
        if indicator.indicator_id in AUTOMATIC_BY_ID:
            raise Conflict(_TAKEN, indicator_id=indicator.indicator_id)
        try:
            self._store.add_indicator(indicator.model_dump(mode="json"))
        except AlreadyExists as error:
            raise Conflict(_TAKEN, indicator_id=indicator.indicator_id) from error
        sink.emit(
            cloud_event(
                "barometer",
                "indicator.defined",
                org_id,
                {"indicator_id": indicator.indicator_id, "measure": indicator.measure},
                clock=lambda: now,
            )
        )
        return indicator

    def get(self, indicator_id: str) -> Indicator:
        found = self.find(indicator_id)
        if found is None:
            raise NotFound(_UNKNOWN, indicator_id=indicator_id)
        return found

    def find(self, indicator_id: str) -> Indicator | None:
        if indicator_id in AUTOMATIC_BY_ID:
            return AUTOMATIC_BY_ID[indicator_id]
        item = self._store.indicator(indicator_id)
        return Indicator.model_validate(item) if item else None

    def list(self) -> list[Indicator]:
        """The automatic indicators, then the organizations', by measure then id."""
        defined = [Indicator.model_validate(item) for item in self._store.indicators()]
        return sorted([*AUTOMATIC, *defined], key=lambda found: (found.measure, found.indicator_id))


def _checked(request: IndicatorIn, now: datetime) -> ValueRange:
    """The indicator's range (the unit's when none is given), or a 422 naming every faulty field."""
    low, high = UNIT_RANGES[request.unit]
    value_range = request.range or ValueRange(min=low, max=high)
    errors = text_rules.markup_errors(
        {
            f"body.{name}": getattr(request, name)
            for name in ("name_fr", "name_en", "description_fr", "description_en")
        }
    )
    if value_range.min >= value_range.max:
        errors.append(FieldError("body.range", "empty", _EMPTY_RANGE))
    elif value_range.min < low or value_range.max > high:
        errors.append(FieldError("body.range", "outside_unit", _OUTSIDE_UNIT, min=low, max=high))
    bounds = {"min": value_range.min, "max": value_range.max}
    today = periods.quebec_day(now)
    for index, target in enumerate(request.targets):
        if target.date < today:
            errors.append(FieldError(f"body.targets[{index}].date", "past", _PAST, date=target.date))
        if not value_range.min <= target.value <= value_range.max:
            errors.append(FieldError(f"body.targets[{index}].value", "out_of_range", _OUT_OF_RANGE, **bounds))
    if request.baseline and not value_range.min <= request.baseline.value <= value_range.max:
        errors.append(FieldError("body.baseline.value", "out_of_range", _OUT_OF_RANGE, **bounds))
    if errors:
        raise ValidationFailed(errors=errors)
    return value_range
