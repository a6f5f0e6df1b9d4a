"""Cancelling scheduled sends, one or a whole reminder series: only what is still `scheduled` moves.

The move is the same conditional transition the scheduler and the senders use, so a send that has
already been queued is never cancelled half-way, and cancelling twice changes nothing.
"""

from datetime import datetime

from numeriqc.core.ids import is_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.notifications import problems
from numeriqc.notifications.models import Notification, Status
from numeriqc.notifications.ports import EventSink, NotificationRecords
from numeriqc.notifications.reading import in_world, stored_status
from numeriqc.notifications.records import notification_of, status_event


class Cancellation:
    def __init__(self, records: NotificationRecords) -> None:
        self._records = records

    def cancel(
        self, org_id: str, notification_id: str, now: datetime, events: EventSink, world: str
    ) -> Notification:
        item = stored_status(self._records, org_id, notification_id, world)
        moved = self._records.transition(
            [(org_id, notification_id)],
            [Status.SCHEDULED.value],
            {
                "status": Status.CANCELLED.value,
                "updated_at": now.isoformat(),
                "completed_at": now.isoformat(),
            },
        )
        if not moved:
            raise ValidationFailed(
                errors=[
                    FieldError(
                        "path.notification_id",
                        "not_cancellable",
                        problems.NOT_CANCELLABLE,
                        status=item["status"],
                    )
                ]
            )
        updated = {**item, "status": Status.CANCELLED.value, "updated_at": now.isoformat(), "org": org_id}
        events.emit(status_event(updated, now))
        return notification_of(updated)

    def cancel_series(
        self, org_id: str, series_id: str, now: datetime, events: EventSink, world: str
    ) -> list[Notification]:
        series = self._records.series(org_id, series_id) if is_ulid(series_id) else None
        refs = [(org_id, nid) for nid in (series or {}).get("ids", [])]
        if series is None or not all(
            in_world(item, world) for item in self._records.notifications(refs).values()
        ):
            raise NotFound(problems.NO_SERIES, series_id=series_id)
        moved = self._records.transition(
            refs,
            [Status.SCHEDULED.value],
            {
                "status": Status.CANCELLED.value,
                "updated_at": now.isoformat(),
                "completed_at": now.isoformat(),
            },
        )
        found = self._records.notifications(refs)
        for ref in moved:
            events.emit(status_event({**found[ref], "org": org_id}, now))
        return [notification_of(found[ref]) for ref in refs if ref in found]
