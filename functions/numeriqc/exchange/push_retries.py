"""When a failed push is tried again: a growing delay with jitter, then the pull queue.

Attempt 1 is immediate (on delivery); attempts 2..`MAX_ATTEMPTS` follow after about 10 s, 1 min,
5 min, 30 min, 1 h, 2 h and 6 h (the shape of Standard Webhooks' advice), each delay drawn between
80 % and 120 % of its step (jitter: endpoints that fail together do not come back in lockstep).
About 10 hours in all, because a job waits on its own SQS message, which SQS keeps invisible at
most 12 hours after it was sent (`MAX_WAIT_SECONDS`; the handler caps the last wait to what is left).
An endpoint down for a night's maintenance window still gets its messages; after the last attempt
they go to the consumer's pull queue and `exchange.delivery.failed.v1` says so.
"""

import random

STEPS = (10, 60, 300, 1800, 3600, 7200, 21600)
MAX_ATTEMPTS = len(STEPS) + 1
MAX_DELAY = 43200  # SQS's longest visibility timeout
MAX_WAIT_SECONDS = 43200 - 300  # a message's visibility ends within 12 h of its sending; a margin


def delay_after(attempt: int, draw: float | None = None) -> int:
    """Seconds to wait after failed attempt number `attempt` (1-based); `draw` in [0, 1) for tests."""
    step = STEPS[min(max(attempt, 1), len(STEPS)) - 1]
    fraction = random.random() if draw is None else draw  # noqa: S311 - jitter, not a secret
    return min(MAX_DELAY, round(step * (0.8 + 0.4 * fraction)))


def capped(delay: int, age_seconds: float) -> int:
    """`delay`, shortened so the job's message becomes visible again within SQS's 12 hours."""
    return max(0, min(delay, int(MAX_WAIT_SECONDS - age_seconds)))


def exhausted(attempt: int) -> bool:
    return attempt >= MAX_ATTEMPTS
