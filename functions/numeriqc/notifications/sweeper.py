"""Claims a crashed sender left behind: `sending` without a provider id -> `technical-failure`.

A sender holds one claim at a time (`channel_delivery`): the recipient it is about to send, claimed
(`queued` -> `sending`, with the claim marks `cs`/`ca` and its token `ct`) in the same transaction
that wrote the previous recipient's result, and whose own result removes the marks. If its
invocation dies (Lambda's timeout, out of memory, a crash) while it holds a claim, that recipient's
call may have reached the provider or not: we cannot tell. The SQS retry sends the rest of the
message (still `queued`) but not this one, which would stay `sending` forever. It is never re-sent
(SES has no idempotency token: a resend could reach the citizen twice); after STUCK_AFTER, far
beyond a sender's timeout, no invocation can still write its result, so it is closed as
`technical-failure` (`sender-interrupted`) with a status event: one recipient per dead sender.
Run by the scheduler every minute: one Query of the sparse `by-claim` index per shard (it
holds only the claims in flight), never a Scan. The move is conditional on `sending` and on no
provider id, so a result written meanwhile (index reads are eventually consistent) always wins.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from numeriqc.notifications.models import Status
from numeriqc.notifications.ports import Claims, EventSink, NotificationRef
from numeriqc.notifications.records import status_event

STUCK_AFTER = timedelta(minutes=15)  # the sender's timeout is 2 minutes, its queue's visibility 12
PAGE = 100
REASON = "sender-interrupted"


def run(claims: Claims, events: EventSink, now: datetime) -> int:
    """Close every claim older than STUCK_AFTER that never got a result; answers how many."""
    upper = (now - STUCK_AFTER).isoformat()
    closed = 0
    for shard in range(claims.claim_shards()):
        while refs := claims.claims_before(shard, upper, PAGE):
            moved = _close(claims, events, refs, now)
            closed += moved
            # A claim not moved had its result written after the (eventually consistent) index
            # was read; it leaves the index by itself. Stop rather than read it again.
            if len(refs) < PAGE or moved < len(refs):
                break
    return closed


def _close(claims: Claims, events: EventSink, refs: list[NotificationRef], now: datetime) -> int:
    closed = claims.close(
        refs,
        [Status.SENDING.value],
        {
            "status": Status.TECHNICAL_FAILURE.value,
            "failure_reason": REASON,
            "updated_at": now.isoformat(),
            "completed_at": now.isoformat(),
        },
        absent=("provider_id",),
    )
    if not closed:
        return 0
    jobs: dict[tuple[str, str], int] = defaultdict(int)
    for (org, _), item in closed.items():
        events.emit(status_event({**item, "org": org}, now))
        if item.get("job_id"):
            jobs[(org, item["job_id"])] += 1
    # The sender never wrote these results, so they are still counted as queued in their job.
    for (org, job), count in jobs.items():
        claims.count_in_job(org, job, {"queued": -count, "technical-failure": count})
    return len(closed)
