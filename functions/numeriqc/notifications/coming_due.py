"""Scheduled sends coming due: reminders and scheduled one-offs -> priority lane, scheduled jobs -> planner.

Run every minute. Scheduled sends wait in DUE_SHARDS partitions sorted by due time, so one query
per shard finds everything due, however long since the last run (a missed run catches up). Each
notification moves `scheduled` -> `queued` with the same conditional transition the senders use
(a cancelled one is not moved, so it is never sent) and is queued many per channel message.
"""

from collections import defaultdict
from datetime import datetime
from typing import Any

from numeriqc.notifications.adapters.table import DUE_SHARDS, content_key, job_key, notification_key
from numeriqc.notifications.models import Channel, Status
from numeriqc.notifications.ports import Queues, Table
from numeriqc.notifications.records import ChannelMessage, Entry

PAGE = 500  # per shard and query; a run loops until nothing due is left
ENTRIES_PER_MESSAGE = 100


class ComingDue:
    """`channel_queues` and `plan_queue_url` as in the settings: where what comes due is queued."""

    def __init__(
        self, table: Table, queues: Queues, channel_queues: dict[str, dict[str, str]], plan_queue_url: str
    ) -> None:
        self._table = table
        self._queues = queues
        self._channel_queues = channel_queues
        self._plan_queue_url = plan_queue_url

    def run(self, now: datetime) -> int:
        """Queue everything due at `now`; answers the number of notifications queued."""
        queued = 0
        for shard in range(DUE_SHARDS):
            while items := self._table.due_entries(shard, now, PAGE):
                queued += self._handle(items, now)
        return queued

    def _handle(self, items: list[dict[str, Any]], now: datetime) -> int:
        table = self._table
        plans = [plan for item in items for plan in item.get("plans", [])]
        if plans:
            self._queues.send(self._plan_queue_url, plans)
            for item in items:
                if "job" in item:
                    table.update(*job_key(item["org"], item["job"]), set_values={"status": "planning"})
        singles = [item for item in items if "id" in item]
        contents = table.get_many([content_key(item["org"], item["id"]) for item in singles])
        moved = table.transition(
            [notification_key(item["org"], item["id"]) for item in singles],
            [Status.SCHEDULED.value],
            {"status": Status.QUEUED.value, "updated_at": now.isoformat()},
        )
        by_channel: dict[str, list[tuple[Entry, dict[str, str]]]] = defaultdict(list)
        for item in singles:
            content = contents.get(content_key(item["org"], item["id"]))
            if notification_key(item["org"], item["id"]) in moved and content is not None:
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
        table.delete_many([(item["pk"], item["sk"]) for item in items])
        return count
