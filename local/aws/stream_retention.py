"""DynamoDB stream records kept only until every local consumer has read them (the dev server).

moto keeps every stream record of a table forever (`StreamShard.items`, each record holding the
item's old and new images) and every shard iterator ever handed out (`shard_iterators`, one more
per `GetRecords`). DynamoDB keeps records 24 hours and expires iterators after 15 minutes; a dev
server that runs a 100,000-row bulk writes several records per row and polls every 200 ms, so both
only grow. `StreamRetention` is a poller of the round (it moves nothing): after the stream pollers
have read, it drops the records that every poller of that shard has read past, and the iterators
no poller holds any more. Sequence numbers stay those moto gave (the shard's starting number moves
forward with the records dropped), so an iterator a poller holds stays valid.

The pytest `platform` does not install it: tests read streams from TRIM_HORIZON (`stream_records`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..account import ACCOUNT_ID, REGION
from .serialized import EMULATOR_LOCK


class StreamRetention:
    name = "stream-retention"

    def __init__(self, pollers: Sequence[Any]) -> None:
        self.pollers = list(pollers)  # StreamMappingPoller: stream_arn and iterators by shard
        self.dropped = 0

    def poll(self) -> int:
        from moto.dynamodbstreams.models import dynamodbstreams_backends

        backend = dynamodbstreams_backends[ACCOUNT_ID][REGION]
        with EMULATOR_LOCK:
            held = {iterator for poller in self.pollers for iterator in poller.iterators.values()}
            positions: dict[int, tuple[Any, int]] = {}
            for arn in held:
                iterator = backend.shard_iterators.get(arn)
                if iterator is None:
                    continue
                shard = iterator.stream_shard
                known = positions.get(id(shard))
                if known is None or iterator.sequence_number < known[1]:
                    positions[id(shard)] = (shard, int(iterator.sequence_number))
            for shard, position in positions.values():
                self.dropped += trim(shard, position)
            for arn in [arn for arn in backend.shard_iterators if arn not in held]:
                del backend.shard_iterators[arn]
        return 0  # housekeeping: never keeps a drain going


def trim(shard: Any, before: int) -> int:
    """Drop the shard's records whose sequence number is below `before`; answers how many."""
    count = min(len(shard.items), before - shard.starting_sequence_number)
    if count <= 0:
        return 0
    del shard.items[:count]
    shard.starting_sequence_number += count
    return count
