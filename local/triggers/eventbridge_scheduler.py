"""EventBridge Scheduler, made to fire: moto stores schedules but never runs them.

Each round lists the enabled schedules in moto (those of the template and those functions create
at run time, e.g. a reminder 96 h ahead), reads the ones it has not seen or that changed, and
fires every schedule whose next time the clock has passed: the target's `Input` goes to the Lambda
function (asynchronously), SQS queue or SNS topic, a refused delivery to the target's dead-letter
queue. A one-time `at(...)` schedule fires once, then is deleted if its ActionAfterCompletion is
DELETE. Time zones (ScheduleExpressionTimezone) are honoured. `tick()` fires them all now.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..account import Clients
from ..clock import Clock
from .delivery import Delivery
from .schedule_expressions import At, Schedule, ScheduleError, parse_schedule

log = logging.getLogger("numeriqc_local")


@dataclass
class _Tracked:
    group: str
    name: str
    modified: Any
    schedule: Schedule
    target: dict[str, Any]
    next_fire: datetime | None
    end: datetime | None
    delete_after: bool


class SchedulerPoller:
    name = "scheduler"

    def __init__(self, delivery: Delivery, clients: Clients, clock: Clock) -> None:
        self.delivery = delivery
        self.scheduler = clients("scheduler")
        self.clock = clock
        self.tracked: dict[tuple[str, str], _Tracked] = {}

    def poll(self) -> int:
        now = self.clock.now()
        self._refresh(now)
        due = [item for item in self.tracked.values() if item.next_fire is not None and item.next_fire <= now]
        for item in due:
            self._fire(item, now)
        return len(due)

    def tick(self) -> int:
        """Fire every enabled schedule now, whatever its expression says."""
        now = self.clock.now()
        self._refresh(now)
        pending = [item for item in self.tracked.values() if item.next_fire is not None]
        for item in pending:
            self._fire(item, now)
        return len(pending)

    def _refresh(self, now: datetime) -> None:
        seen: set[tuple[str, str]] = set()
        token: str | None = None
        while True:
            page = self.scheduler.list_schedules(State="ENABLED", **({"NextToken": token} if token else {}))
            for summary in page.get("Schedules") or []:
                key = (summary["GroupName"], summary["Name"])
                seen.add(key)
                known = self.tracked.get(key)
                if known is None or known.modified != summary.get("LastModificationDate"):
                    self._track(key, now)
            token = page.get("NextToken")
            if not token:
                break
        for key in set(self.tracked) - seen:
            del self.tracked[key]

    def _track(self, key: tuple[str, str], now: datetime) -> None:
        group, name = key
        detail = self.scheduler.get_schedule(GroupName=group, Name=name)
        start = detail.get("StartDate")
        anchor = start if isinstance(start, datetime) and start > now else now
        try:
            schedule = parse_schedule(
                detail["ScheduleExpression"], anchor, detail.get("ScheduleExpressionTimezone") or "UTC"
            )
        except ScheduleError:
            log.exception("schedule %s/%s cannot run locally", group, name)
            self.tracked.pop(key, None)
            return
        first = schedule.moment if isinstance(schedule, At) else schedule.next_after(anchor)
        end = detail.get("EndDate")
        self.tracked[key] = _Tracked(
            group=group,
            name=name,
            modified=detail.get("LastModificationDate"),
            schedule=schedule,
            target=dict(detail.get("Target") or {}),
            next_fire=first,
            end=end if isinstance(end, datetime) else None,
            delete_after=detail.get("ActionAfterCompletion") == "DELETE",
        )

    def _fire(self, item: _Tracked, now: datetime) -> None:
        target = item.target
        text = str(target.get("Input") or "{}")
        group_id = (target.get("SqsParameters") or {}).get("MessageGroupId")
        try:
            self.delivery.send(str(target["Arn"]), text, group_id=group_id)
        except Exception as error:
            dead_letter = (target.get("DeadLetterConfig") or {}).get("Arn")
            log.warning(
                "schedule %s/%s could not deliver to %s: %r", item.group, item.name, target.get("Arn"), error
            )
            if dead_letter:
                self.delivery.send(str(dead_letter), text)
        if isinstance(item.schedule, At):
            item.next_fire = None
            if item.delete_after:
                self.scheduler.delete_schedule(GroupName=item.group, Name=item.name)
                self.tracked.pop((item.group, item.name), None)
            return
        following = item.schedule.next_after(now)
        item.next_fire = (
            None if following is None or (item.end is not None and following > item.end) else following
        )
