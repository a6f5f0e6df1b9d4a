"""Operational figures per dataset and day (X-Road's operational monitoring): messages published,
bytes, deliveries, failed deliveries and the mean delay from log to queue. Readable by the owner;
counters written with each append and each delivery, read with one Query."""

from datetime import date, timedelta

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, ValidationFailed
from numeriqc.exchange.catalogue import Catalogue
from numeriqc.exchange.models import Stats, StatsList
from numeriqc.exchange.ports import DeliveryStats

MAX_DAYS = 366

_RANGE = Message(
    "La période doit aller de « since » à « until », {max} jours au plus.",
    "The period must run from 'since' to 'until', {max} days at most.",
)


class Figures:
    def __init__(self, catalogue: Catalogue, stats: DeliveryStats) -> None:
        self._catalogue = catalogue
        self._stats = stats

    def days(self, org_id: str, dataset_id: str, since: date, until: date) -> StatsList:
        self._catalogue.owned(org_id, dataset_id)
        if until < since or (until - since).days >= MAX_DAYS:
            raise ValidationFailed(errors=[FieldError("query.until", "bad_period", _RANGE, max=MAX_DAYS)])
        days = [(since + timedelta(days=n)).isoformat() for n in range((until - since).days + 1)]
        items = []
        for row in self._stats.stats(dataset_id, days):
            delivered = int(row.get("delivered", 0))
            items.append(
                Stats(
                    dataset_id=dataset_id,
                    day=str(row["day"]),
                    published=int(row.get("published", 0)),
                    bytes=int(row.get("bytes", 0)),
                    delivered=delivered,
                    failures=int(row.get("failures", 0)),
                    latency_ms_avg=(int(row.get("latency_ms_sum", 0)) / delivered) if delivered else None,
                )
            )
        return StatsList(items=items)
