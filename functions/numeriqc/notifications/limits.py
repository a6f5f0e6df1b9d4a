"""Per-organization daily limits per channel, counted atomically, with an event at 80 %.

Only live sends to real recipients count (test keys and simulated recipients never reach a
provider). A bulk job reserves all its rows at once, so a job is accepted whole or refused.
"""

from datetime import datetime

from numeriqc.core.events import CloudEvent, cloud_event
from numeriqc.notifications.models import Channel
from numeriqc.notifications.problems import LIMIT, DailyLimitReached
from numeriqc.notifications.store import Conflict, NotificationsStore, org_pk

WARNING_RATIO = 0.8


def reserve(
    store: NotificationsStore, org_id: str, channel: Channel, count: int, *, limit: int, now: datetime
) -> CloudEvent | None:
    """Count `count` sends today or raise a 429 problem; answers the 80 % event when this crosses it."""
    if count <= 0:
        return None
    day = now.date().isoformat()
    try:
        counted = store.update(
            org_pk(org_id),
            f"LIMIT#{channel}#{day}",
            add={"used": count},
            set_values={"expires_at": int(now.timestamp()) + 3 * 86400},
            condition="attribute_not_exists(used) OR used <= :room",
            condition_values={":room": limit - count},
            returns="UPDATED_NEW",
        )
    except Conflict:
        current = store.get(org_pk(org_id), f"LIMIT#{channel}#{day}") or {}
        raise DailyLimitReached(
            LIMIT, limit=limit, channel=channel.value, used=current.get("used", 0)
        ) from None
    used = int(counted["used"])
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
