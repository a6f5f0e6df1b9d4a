"""Aggregates per service and period, read from the counters: one Query, whatever the volume."""

from datetime import date

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.feedback import aggregates
from numeriqc.feedback.catalogue import owns
from numeriqc.feedback.models import AggregateList, Period
from numeriqc.feedback.ports import CounterReader

_NO_SERVICE = Message("Aucun service {service_id}.", "No service {service_id}.")
_TOO_LONG = Message("Au plus {max} périodes par lecture.", "At most {max} periods per read.")
_BAD_RANGE = Message("« since » doit précéder « until ».", "'since' must come before 'until'.")


class Reports:
    def __init__(self, store: CounterReader, clock: Clock = installed_clock) -> None:
        self._store = store
        self._clock = clock

    def aggregates(
        self, org_id: str, service_id: str, period: Period, since: date | None, until: date | None
    ) -> AggregateList:
        if not owns(org_id, service_id):
            raise NotFound(_NO_SERVICE, service_id=service_id)
        today = aggregates.local_day(self._clock())
        default_first, default_last = aggregates.default_range(period, today)
        first, last = since or default_first, until or default_last
        if first > last:
            raise ValidationFailed(errors=[FieldError("query.since", "range", _BAD_RANGE)])
        limit = aggregates.MAX_PERIODS[period]
        if aggregates.span_in_periods(period, first, last) > limit:
            raise ValidationFailed(errors=[FieldError("query.since", "too_long", _TOO_LONG, max=limit)])
        low, high = aggregates.label_range(period, first, last)
        labelled = self._store.counters(service_id, period, low, high)
        return AggregateList(
            service_id=service_id,
            period=period,
            items=[aggregates.summarize(label, item) for label, item in labelled],
            total=aggregates.summarize(f"{low}/{high}", aggregates.combine(item for _, item in labelled)),
        )
