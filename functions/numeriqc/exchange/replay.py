"""Replay: a consumer re-reads a time range of a dataset from the log, limited to what was published
while it held a grant (current or past) at a tier it could receive, and to the log's retention.
The owner replays its own datasets without a grant. A dataset registered with a legacy layout can
also be replayed as that CSV or fixed-width file (legacy.py), for systems that only read files."""

import json
from datetime import datetime, timedelta
from typing import Any

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.exchange import legacy
from numeriqc.exchange.access import Access
from numeriqc.exchange.catalogue import NO_DATASET, owner_of
from numeriqc.exchange.claim_checks import Payloads
from numeriqc.exchange.models import Dataset, Replay
from numeriqc.exchange.ports import ChainLog, DatasetRecords

MAX_ITEMS = 1000

_NO_LAYOUT = Message(
    "Ce jeu de données n'a pas de disposition CSV ou à largeur fixe.",
    "This dataset has no CSV or fixed-width layout.",
)
_ORDER = Message("« to » doit suivre « from ».", "'to' must come after 'from'.")
_RETENTION = Message(
    "Le journal ne remonte qu'à {days} jours (au plus tôt {earliest}).",
    "The log only goes back {days} days (to {earliest} at the earliest).",
)


class Replaying:
    def __init__(
        self,
        access: Access,
        datasets: DatasetRecords,
        log: ChainLog,
        retention_days: int,
        payloads: Payloads,
        *,
        clock: Clock = installed_clock,
    ) -> None:
        self._access = access
        self._payloads = payloads
        self._datasets = datasets
        self._log = log
        self._retention = timedelta(days=retention_days)
        self._clock = clock

    def replay(self, org_id: str, dataset_id: str, start: datetime, end: datetime) -> Replay:
        now = self._clock()
        earliest = now - self._retention
        errors = []
        if start < earliest:
            errors.append(
                FieldError(
                    "query.from",
                    "beyond_retention",
                    _RETENTION,
                    days=self._retention.days,
                    earliest=earliest.date(),
                )
            )
        if end <= start:
            errors.append(FieldError("query.to", "before_from", _ORDER))
        if errors:
            raise ValidationFailed(errors=errors)
        windows: list[tuple[datetime, datetime]] = [(start, end)]
        if owner_of(dataset_id) != org_id:
            grant = self._access.held(org_id, dataset_id)
            windows = [(opened, min(closed or now, grant.expires_at)) for opened, closed in grant.periods]
        items: list[dict[str, Any]] = []
        for entry in self._log.entries_between(dataset_id, start, end):
            event = json.loads(entry.text)
            if "specversion" not in event:
                continue
            moment = datetime.fromisoformat(event["time"])
            if not (start <= moment < end and any(opened <= moment < closed for opened, closed in windows)):
                continue
            if len(items) == MAX_ITEMS:
                return Replay(items=items, next_from=moment)
            items.append({"seq": entry.seq, "event": event})
        return Replay(items=items)

    def replay_file(
        self, org_id: str, dataset_id: str, start: datetime, end: datetime
    ) -> tuple[bytes, str, Replay]:
        """The replayed messages' data as the dataset's legacy file: (content, media type, the replay)."""
        replayed = self.replay(org_id, dataset_id, start, end)
        item = self._datasets.dataset(dataset_id)
        if item is None:
            raise NotFound(NO_DATASET, dataset_id=dataset_id)
        layout = Dataset.model_validate(item).layout
        if layout is None:
            raise ValidationFailed(errors=[FieldError("path.dataset_id", "no_layout", _NO_LAYOUT)])
        content, errors = legacy.write(
            [self._payloads.data(entry["event"]) for entry in replayed.items], layout
        )
        if errors:
            raise ValidationFailed(errors=errors)
        media = "text/csv" if layout.format == "csv" else "text/plain"
        return content, f"{media}; charset={layout.encoding}", replayed
