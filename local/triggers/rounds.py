"""Running the pollers: one round, rounds until quiet (`drain`), and firing every schedule (`tick`).

`drain()` is what makes asynchronous flows testable without sleeping: it runs rounds until a whole
round moves nothing. A flow that never gets quiet (a poison message without a DLQ, a stream record
retried forever) is a bug worth seeing, so it raises instead of looping.

Each poller is isolated within a round, as each event source mapping is in AWS: one that raises
(a record it cannot read, a resource gone) is logged with its name and the error's type, and the
other pollers still run, in this round and the next. The failure is not forgotten: `drain()`
raises `PollerFailed` once the others are quiet, and `failures` keeps what went wrong for the dev
server, whose background rounds simply go on.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .pollers import Poller

log = logging.getLogger("numeriqc_local")


class Ticker(Poller, Protocol):
    def tick(self) -> int: ...


class DrainError(RuntimeError):
    """The triggers were still moving after `max_rounds` rounds, or a poller failed while draining."""


class PollerFailed(DrainError):
    """A poller raised during `drain()`; the others were still drained until quiet."""


@dataclass(frozen=True)
class Failure:
    poller: str
    error: str  # the exception's type and message: for the developer, never logged


class Triggers:
    def __init__(self, pollers: Sequence[Poller], tickers: Sequence[Ticker] = ()) -> None:
        self.pollers = list(pollers)
        self.tickers = list(tickers)
        self.failures: deque[Failure] = deque(maxlen=100)  # the latest: the dev server runs for days
        self.failed = 0  # how many polls raised, ever
        self._lock = threading.RLock()

    def run_round(self) -> dict[str, int]:
        """Poll everything once, each poller on its own; answers what moved, by poller name."""
        moved: dict[str, int] = {}
        with self._lock:
            for poller in [*self.pollers, *self.tickers]:
                try:
                    count = poller.poll()
                except Exception as error:  # one source's failure never stops the others
                    log.error("trigger %s failed (%s); the others go on", poller.name, type(error).__name__)
                    log.debug("trigger %s failure", poller.name, exc_info=True)  # may quote a record
                    self.failures.append(Failure(poller.name, f"{type(error).__name__}: {error}"))
                    self.failed += 1
                    continue
                if count:
                    moved[poller.name] = moved.get(poller.name, 0) + count
        return moved

    def drain(self, max_rounds: int = 50) -> int:
        """Run rounds until one moves nothing; answers the number of items moved in total.

        Raises `PollerFailed` (after draining everything else) when a poller raised meanwhile.
        """
        total = 0
        with self._lock:
            already = self.failed
            for _ in range(max_rounds):
                moved = self.run_round()
                if not moved:
                    if self.failed > already:
                        failed = list(self.failures)[-min(self.failed - already, len(self.failures)) :]
                        names = sorted({failure.poller for failure in failed})
                        raise PollerFailed(f"triggers failed while draining: {names}: {failed[-1].error}")
                    return total
                total += sum(moved.values())
        raise DrainError(f"still moving after {max_rounds} rounds: {moved}")

    def tick(self) -> int:
        """Fire every scheduled rule and Scheduler schedule now; answers how many fired."""
        with self._lock:
            return sum(ticker.tick() for ticker in self.tickers)
