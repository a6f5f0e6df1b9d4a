"""The notification service's adapters to AWS: the table, queues, providers, uploads, the cipher.

`chunks` is the one batching helper: every AWS batch API has its own maximum per call.
"""

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
