"""When a failed push is tried again: a growing delay with jitter, then the pull queue.

Attempt 1 is immediate (on delivery); attempts 2..`MAX_ATTEMPTS` follow after about 10 s, 1 min,
5 min, 30 min, 2 h, 6 h and 12 h (close to Standard Webhooks' advice), each delay drawn between 80 %
and 120 % of its step (jitter: endpoints that fail together do not come back in lockstep). SQS holds
a message invisible at most 12 hours, which caps the last step. About 21 hours in all: an endpoint
down for a night still gets its messages; after the last attempt they go to the consumer's pull
queue and `exchange.delivery.failed.v1` says so.
"""

import random

STEPS = (10, 60, 300, 1800, 7200, 21600, 43200)
MAX_ATTEMPTS = len(STEPS) + 1
MAX_DELAY = 43200  # SQS's longest visibility timeout


def delay_after(attempt: int, draw: float | None = None) -> int:
    """Seconds to wait after failed attempt number `attempt` (1-based); `draw` in [0, 1) for tests."""
    step = STEPS[min(max(attempt, 1), len(STEPS)) - 1]
    fraction = random.random() if draw is None else draw  # noqa: S311 - jitter, not a secret
    return min(MAX_DELAY, round(step * (0.8 + 0.4 * fraction)))


def exhausted(attempt: int) -> bool:
    return attempt >= MAX_ATTEMPTS
