"""Running the pollers: one round, rounds until quiet (`drain`), and firing every schedule (`tick`).

`drain()` is what makes asynchronous flows testable without sleeping: it runs rounds until a whole
round moves nothing. A flow that never gets quiet (a poison message without a DLQ, a stream record
retried forever) is a bug worth seeing, so it raises instead of looping.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol

from .pollers import Poller


class Ticker(Poller, Protocol):
    def tick(self) -> int: ...


class DrainError(RuntimeError):
    """The triggers were still moving after `max_rounds` rounds."""


class Triggers:
    def __init__(self, pollers: Sequence[Poller], tickers: Sequence[Ticker] = ()) -> None:
        self.pollers = list(pollers)
        self.tickers = list(tickers)
        self._lock = threading.RLock()

    def run_round(self) -> dict[str, int]:
        """Poll everything once; answers what moved, by poller name."""
        moved: dict[str, int] = {}
        with self._lock:
            for poller in [*self.pollers, *self.tickers]:
                count = poller.poll()
                if count:
                    moved[poller.name] = moved.get(poller.name, 0) + count
        return moved

    def drain(self, max_rounds: int = 50) -> int:
        """Run rounds until one moves nothing; answers the number of items moved in total."""
        total = 0
        with self._lock:
            for _ in range(max_rounds):
                moved = self.run_round()
                if not moved:
                    return total
                total += sum(moved.values())
        raise DrainError(f"still moving after {max_rounds} rounds: {moved}")

    def tick(self) -> int:
        """Fire every scheduled rule and Scheduler schedule now; answers how many fired."""
        with self._lock:
            return sum(ticker.tick() for ticker in self.tickers)
