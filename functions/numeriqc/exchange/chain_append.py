"""Where new entries go in a dataset's chain: right after its head, decided by a conditional write.

Publishers of one dataset race for the next block; the loser reads the new head and recomputes its
hashes (its texts are unchanged). Publishers of different datasets never meet: each chain is its
own partition, so there is no platform-wide serialization point.
"""

from datetime import datetime

from numeriqc.core.i18n import Message
from numeriqc.core.problems import Unavailable
from numeriqc.exchange import chain
from numeriqc.exchange.chain import Entry
from numeriqc.exchange.ports import ChainLog, HeadMoved

MAX_ATTEMPTS = 50  # contention, not failure: each attempt is one Query and one transaction

_BUSY = Message(
    "Le journal de {dataset_id} est très sollicité; rien n'a été écrit, réessayez.",
    "The log of {dataset_id} is very busy; nothing was written, try again.",
)


class ChainBusy(Unavailable):
    """The head kept moving under other publishers: nothing written, a 503 with Retry-After."""


def append(log: ChainLog, dataset_id: str, texts: list[str], time: datetime, size: int) -> list[Entry]:
    for _ in range(MAX_ATTEMPTS):
        head = log.head(dataset_id)
        entries = chain.extend(head, texts)
        try:
            log.append(dataset_id, head, entries, time, size)
        except HeadMoved:
            continue
        return entries
    raise ChainBusy(_BUSY, dataset_id=dataset_id, headers={"Retry-After": "1"})
