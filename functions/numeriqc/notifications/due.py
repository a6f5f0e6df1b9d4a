"""Scheduled sends coming due: reminders and scheduled one-offs -> priority lane, scheduled jobs -> planner.

Run every minute. Scheduled sends wait in DUE_SHARDS partitions sorted by due time, so one query
per shard finds everything due, however long since the last run (a missed run catches up). Each
notification moves `scheduled` -> `queued` with the same conditional transition the senders use
(a cancelled one is not moved, so it is never sent) and is queued many per channel message.
"""

from collections import defaultdict
from datetime import datetime

from numeriqc.notifications.context import Context
from numeriqc.notifications.models import Channel, Status
from numeriqc.notifications.records import ChannelMessage, Entry
from numeriqc.notifications.sending import DUE_SHARDS
from numeriqc.notifications.store import org_pk

PAGE = 500  # per shard and query; a run loops until nothing due is left
ENTRIES_PER_MESSAGE = 100


def run(ctx: Context, now: datetime) -> int:
    """Queue everything due at `now`; answers the number of notifications queued."""
    upper = now.strftime("%Y-%m-%dT%H:%M:%S") + "~"
    queued = 0
    for shard in range(DUE_SHARDS):
        while items := ctx.store.query_until(f"DUE#{shard}", upper, PAGE):
            queued += _handle(ctx, items, now)
    return queued


def _handle(ctx: Context, items: list[dict], now: datetime) -> int:  # type: ignore[type-arg]
    store = ctx.store
    plans = [plan for item in items for plan in item.get("plans", [])]
    if plans:
        ctx.queues.send(ctx.config.plan_queue_url, plans)
        for item in items:
            if "job" in item:
                store.update(org_pk(item["org"]), f"JOB#{item['job']}", set_values={"status": "planning"})
    singles = [item for item in items if "id" in item]
    contents = store.get_many([(org_pk(item["org"]), f"C#{item['id']}") for item in singles])
    moved = store.transition(
        [(org_pk(item["org"]), f"N#{item['id']}") for item in singles],
        [Status.SCHEDULED.value],
        {"status": Status.QUEUED.value, "updated_at": now.isoformat()},
    )
    by_channel: dict[str, list[tuple[Entry, dict[str, str]]]] = defaultdict(list)
    for item in singles:
        content = contents.get((org_pk(item["org"]), f"C#{item['id']}"))
        if (org_pk(item["org"]), f"N#{item['id']}") in moved and content is not None:
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
        ctx.queues.send(ctx.config.channel_queues[channel]["priority"], bodies)
        count += len(pairs)
    # Queued first, deleted after: a run that fails in between queues them again, and the
    # senders' claim makes that harmless.
    store.delete_many([(item["pk"], item["sk"]) for item in items])
    return count
