"""Where new entries go in a dataset's chain: right after its head, decided by a conditional write.

Publishers of one dataset race for the next block; the loser waits a random, growing moment
(full jitter, so that contenders spread out instead of colliding again), reads the new head and
recomputes its hashes (its texts are unchanged). Publishers of different datasets never meet:
each chain is its own partition, so there is no platform-wide serialization point.
"""

import random
from datetime import datetime

from numeriqc.core.clock import Sleep
from numeriqc.core.clock import sleep as installed_sleep
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Unavailable
from numeriqc.exchange import chain
from numeriqc.exchange.chain import Entry
from numeriqc.exchange.ports import ChainLog, HeadMoved

MAX_ATTEMPTS = 50  # contention, not failure: each attempt is one Query and one transaction
BACKOFF_BASE = 0.005
BACKOFF_CAP = 0.2

_BUSY = Message(
    "Le journal de {dataset_id} est très sollicité; rien n'a été écrit, réessayez.",
    "The log of {dataset_id} is very busy; nothing was written, try again.",
)


class ChainBusy(Unavailable):
    """The head kept moving under other publishers: nothing written, a 503 with Retry-After."""


def append(
    log: ChainLog,
    dataset_id: str,
    texts: list[str],
    time: datetime,
    size: int,
    *,
    sleep: Sleep = installed_sleep,
) -> list[Entry]:
    for attempt in range(MAX_ATTEMPTS):
        head = log.head(dataset_id)
        entries = chain.extend(head, texts)
        try:
            log.append(dataset_id, head, entries, time, size)
        except HeadMoved:
            sleep(random.uniform(0, min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt)))  # noqa: S311 - jitter
            continue
        return entries
    raise ChainBusy(_BUSY, dataset_id=dataset_id, headers={"Retry-After": "1"})
