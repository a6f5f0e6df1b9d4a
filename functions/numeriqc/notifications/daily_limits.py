"""Per-organization daily limits per channel, counted atomically, with an event at 80 %.

Only live sends to real recipients count (test keys and simulated recipients never reach a
provider). A bulk job, like a reminder series, reserves all its sends at once, so it is accepted
whole or refused whole. What reserves holds the reservation with `held(...)`: if writing the
accepted sends then fails, the count is given back, so a failed request never uses up the day.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from numeriqc.core.events import CloudEvent, cloud_event
from numeriqc.notifications.models import Channel
from numeriqc.notifications.ports import Conflict, DailyCounters
from numeriqc.notifications.problems import LIMIT, DailyLimitReached

WARNING_RATIO = 0.8


def reserve(
    counters: DailyCounters, org_id: str, channel: Channel, count: int, *, limit: int, now: datetime
) -> CloudEvent | None:
    """Count `count` sends today or raise a 429 problem; answers the 80 % event when this crosses it."""
    if count <= 0:
        return None
    day = now.date().isoformat()
    try:
        used = counters.reserve_daily(
            org_id, channel.value, day, count, limit=limit, expires_at=int(now.timestamp()) + 3 * 86400
        )
    except Conflict:
        raise DailyLimitReached(
            LIMIT, limit=limit, channel=channel.value, used=counters.daily_used(org_id, channel.value, day)
        ) from None
    threshold = WARNING_RATIO * limit
    if used >= threshold > used - count:
        return cloud_event(
            "notifications",
            "daily-limit.warning",
            org_id,
            {"channel": channel.value, "day": day, "used": used, "limit": limit},
            clock=lambda: now,
        )
    return None


@contextmanager
def held(
    counters: DailyCounters, org_id: str, channel: Channel, count: int, *, limit: int, now: datetime
) -> Iterator[CloudEvent | None]:
    """`reserve`, then run the block that writes the sends; give the count back if it raises."""
    warning = reserve(counters, org_id, channel, count, limit=limit, now=now)
    try:
        yield warning
    except BaseException:
        if count > 0:
            counters.release_daily(org_id, channel.value, now.date().isoformat(), count)
        raise
