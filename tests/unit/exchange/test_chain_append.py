"""Appending to a dataset's chain under concurrent publishers: the loser of a race re-reads the head
and recomputes its hashes after a jittered wait; a head that never settles is a 503, nothing written."""

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.exchange import chain, chain_append
from numeriqc.exchange.chain import Entry, Head
from numeriqc.exchange.ports import HeadMoved

NOW = datetime(2026, 1, 15, 14, 0, tzinfo=UTC)


class RacingLog:
    """Another publisher appends `rivals` entries before each of our first `losses` attempts."""

    def __init__(self, losses: int) -> None:
        self.losses = losses
        self.entries: list[Entry] = []

    def head(self, dataset_id: str) -> Head:
        return Head(self.entries[-1].seq, self.entries[-1].hash) if self.entries else Head()

    def append(self, dataset_id: str, head: Head, entries: list[Entry], time: datetime, size: int) -> None:
        if self.losses:
            self.losses -= 1
            self.entries += chain.extend(self.head(dataset_id), [f"rival {len(self.entries)}"])
            raise HeadMoved(dataset_id)
        assert head == self.head(dataset_id)
        self.entries += entries

    def entries_between(self, *_: Any) -> Iterator[Entry]:
        return iter(())


def test_the_loser_recomputes_after_the_new_head() -> None:
    log, waits = RacingLog(losses=3), []
    entries = chain_append.append(log, "saaq.permis", ["a", "b"], NOW, 2, sleep=waits.append)  # type: ignore[arg-type]
    assert [entry.seq for entry in entries] == [4, 5]
    report = chain.verify("saaq.permis", Head(), log.entries, [], check_signature=lambda *_: True, last=5)
    assert report.failures == [] and report.checked == 5
    assert len(waits) == 3
    assert all(0 <= wait <= chain_append.BACKOFF_BASE * 2**n for n, wait in enumerate(waits))


def test_a_head_that_never_settles_is_a_503_with_retry_after() -> None:
    log, waits = RacingLog(losses=10_000), []
    with pytest.raises(chain_append.ChainBusy) as raised:
        chain_append.append(log, "saaq.permis", ["a"], NOW, 1, sleep=waits.append)  # type: ignore[arg-type]
    assert raised.value.status == 503
    assert raised.value.headers == {"Retry-After": "1"}
    assert len(waits) == chain_append.MAX_ATTEMPTS
    assert max(waits) <= chain_append.BACKOFF_CAP
    assert not any(entry.text == "a" for entry in log.entries)
