"""Scheduled sends coming due: reminders and scheduled one-offs -> priority lane, scheduled jobs -> planner.

Run every minute. Scheduled sends wait in the schedule's shards, sorted by due time, so one query
per shard finds everything due, however long since the last run (a missed run catches up). Each
notification moves `scheduled` -> `queued` with the same conditional transition the senders use
(a cancelled one is not moved, so it is never sent) and is queued many per channel message.
"""

from collections import defaultdict
from datetime import datetime
from typing import Any

from numeriqc.notifications.models import Channel, Status
from numeriqc.notifications.ports import JobRecords, NotificationRecords, Queues, Schedule
from numeriqc.notifications.records import ChannelMessage, Entry

PAGE = 500  # per shard and query; a run loops until nothing due is left
ENTRIES_PER_MESSAGE = 100


class ComingDue:
    """`channel_queues` and `plan_queue_url` as in the settings: where what comes due is queued."""

    def __init__(  # noqa: PLR0917 - the ports this rule uses, each narrow
        self,
        schedule: Schedule,
        records: NotificationRecords,
        jobs: JobRecords,
        queues: Queues,
        channel_queues: dict[str, dict[str, str]],
        plan_queue_url: str,
    ) -> None:
        self._schedule = schedule
        self._records = records
        self._jobs = jobs
        self._queues = queues
        self._channel_queues = channel_queues
        self._plan_queue_url = plan_queue_url

    def run(self, now: datetime) -> int:
        """Queue everything due at `now`; answers the number of notifications queued."""
        queued = 0
        for shard in range(self._schedule.due_shards()):
            while items := self._schedule.due_entries(shard, now, PAGE):
                queued += self._handle(items, now)
        return queued

    def _handle(self, items: list[dict[str, Any]], now: datetime) -> int:
        records = self._records
        plans = [plan for item in items for plan in item.get("plans", [])]
        if plans:
            self._queues.send(self._plan_queue_url, plans)
            for item in items:
                if "job" in item:
                    self._jobs.update_job(item["org"], item["job"], {"status": "planning"})
        singles = [item for item in items if "id" in item]
        refs = [(item["org"], item["id"]) for item in singles]
        contents = records.contents(refs)
        moved = records.transition(
            refs,
            [Status.SCHEDULED.value],
            {"status": Status.QUEUED.value, "updated_at": now.isoformat()},
        )
        by_channel: dict[str, list[tuple[Entry, dict[str, str]]]] = defaultdict(list)
        for item in singles:
            ref = (item["org"], item["id"])
            content = contents.get(ref)
            if ref in moved and content is not None:
                by_channel[item["channel"]].append((Entry.model_validate(content["entry"]), content["keys"]))
        count = 0
        for channel, pairs in by_channel.items():
            bodies = []
            for start in range(0, len(pairs), ENTRIES_PER_MESSAGE):
                group = pairs[start : start + ENTRIES_PER_MESSAGE]
                keys = {kid: key for _, stored in group for kid, key in stored.items()}
                message = ChannelMessage(
                    channel=Channel(channel), keys=keys, entries=[entry for entry, _ in group]
                )
                bodies.append(message.model_dump_json())
            self._queues.send(self._channel_queues[channel]["priority"], bodies)
            count += len(pairs)
        # Queued first, deleted after: a run that fails in between queues them again, and the
        # senders' claim makes that harmless.
        self._schedule.remove_due(items)
        return count
