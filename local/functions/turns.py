"""Whose turn it is to run a function: one invocation at a time, and requests before triggers.

All functions share one process, and each invocation applies its own environment to `os.environ`,
so two invocations must never run Python at the same moment. A plain lock did that, but made an
HTTP request wait for the whole trigger invocation in progress: a notifications sender working
through five 100-recipient messages holds it for seconds, and `GET /v1/jobs/{id}` waited > 60 s
behind a 1,000-row bulk.

`Turns` keeps the one-at-a-time rule and adds two things:

* a thread marked `background()` (the dev server's trigger loop) only starts an invocation when
  no request is waiting for one;
* while a background invocation runs, each AWS call it makes (`handed_to_requests()`, around the
  dev server's hook on botocore's HTTP sender) hands the turn to requests for as long as the call
  is in flight, and takes it back once no request waits. The background thread is blocked in its
  call or waiting for the turn meanwhile, so it reads nothing of the environment a request applies,
  and the request restores the background function's environment when it ends
  (`Invoker.applied` puts back what it found).

So a request waits for the Python a trigger runs between two AWS calls (milliseconds), not for the
trigger's whole invocation; profiled (py-spy) during a 1,000-row bulk, the trigger thread spent
~85 % of its time inside AWS calls.
Module state that is not per invocation (Powertools' logger keys) may show the request's values in
the trigger's later log lines; the events buffer is a ContextVar, so events never mix.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

_MARKS = threading.local()  # which threads do background work, for every `Turns`

# How long background work waits for the requests in flight to end before it takes a free turn
# anyway. Waiting for them at all is what keeps a request's calls together: `/health` makes ~27
# moto calls from eight threads, and in the gaps between them (botocore building and parsing)
# the trigger loop slipped in ~150 calls of its own, one of them a 0.3 s transaction. Waiting
# without a bound would stop the triggers for as long as clients keep the API busy.
BACKGROUND_PATIENCE_SECONDS = 0.1


class _RequestsInFlight:
    """How many requests are being served (`Turns.serving()`), for every `Turns` of the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0
        self._turns: weakref.WeakSet[Turns] = weakref.WeakSet()

    def watched_by(self, turns: Turns) -> None:
        with self._lock:
            self._turns.add(turns)

    def change(self, by: int) -> None:
        with self._lock:
            self.count += by
            watchers = list(self._turns) if self.count == 0 else []
        for turns in watchers:  # background work waiting for the last request may go now
            turns.wake()


_IN_FLIGHT = _RequestsInFlight()


class Turns:
    """A re-entrant lock with two classes of waiters: requests (default) go before background work.

    A thread marked `background()` is background work for every `Turns` of the process: the
    invocations' turn and the emulator's lock (`aws.serialized.EMULATOR_LOCK`) alike.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._owner: int | None = None
        self._depth = 0
        self._waiting = 0  # foreground threads waiting for a turn
        self._background_waiting = 0  # background threads waiting for one (observed by tests)
        self.yielded = 0  # how many times background work handed its turn to requests
        _IN_FLIGHT.watched_by(self)

    @staticmethod
    @contextmanager
    def serving() -> Iterator[None]:
        """Mark a request being served, from its arrival to its answer: while any is, background
        work takes a free turn only after BACKGROUND_PATIENCE_SECONDS (for every `Turns`)."""
        _IN_FLIGHT.change(+1)
        try:
            yield
        finally:
            _IN_FLIGHT.change(-1)

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    @contextmanager
    def background(self) -> Iterator[None]:
        """Mark this thread's work as background work for the block."""
        previous = getattr(_MARKS, "background", False)
        _MARKS.background = True
        try:
            yield
        finally:
            _MARKS.background = previous

    @staticmethod
    def _is_background() -> bool:
        return bool(getattr(_MARKS, "background", False))

    def acquire(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return
            foreground = not self._is_background()
            if foreground:
                self._waiting += 1
                self._cond.notify_all()  # a background holder may be waiting to see a request
                try:
                    while self._owner is not None:
                        self._cond.wait()
                finally:
                    self._waiting -= 1
            else:
                self._wait_as_background()
            self._owner, self._depth = me, 1

    def _wait_as_background(self) -> None:
        """Under `_cond`: until the turn is free, no request waits for it, and the requests in
        flight have ended or had their BACKGROUND_PATIENCE_SECONDS."""
        patience_ends = time.monotonic() + BACKGROUND_PATIENCE_SECONDS
        self._background_waiting += 1
        self._cond.notify_all()  # for `wait_for_background`
        try:
            while True:
                if self._owner is not None or self._waiting:
                    self._cond.wait()  # a release or an arriving request notifies
                    continue
                left = patience_ends - time.monotonic()
                if not _IN_FLIGHT.count or left <= 0:
                    return
                self._cond.wait(left)  # the last request's end notifies (`_RequestsInFlight.change`)
        finally:
            self._background_waiting -= 1

    def release(self) -> None:
        with self._cond:
            if self._owner != threading.get_ident():
                raise RuntimeError("release of a turn this thread does not hold")
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self._cond.notify_all()

    def wait_for_requests(self, count: int, timeout: float) -> bool:
        """Block until `count` requests wait for a turn (tests and tools that observe the turns)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._waiting >= count, timeout)

    def wait_for_background(self, count: int, timeout: float) -> bool:
        """Block until `count` background threads wait for a turn (tests)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._background_waiting >= count, timeout)

    def yield_to_requests(self) -> None:
        """From background work holding the turn: let every waiting request run first."""
        with self.handed_to_requests():
            pass

    @contextmanager
    def handed_to_requests(self) -> Iterator[None]:
        """From background work holding the turn: requests may run during the block (an AWS call
        in flight, which reads no environment); the turn comes back once no request waits."""
        me = threading.get_ident()
        with self._cond:
            mine = self._owner == me and self._is_background()
            if mine:
                depth, self._owner, self._depth = self._depth, None, 0
                self._cond.notify_all()
        if not mine:
            yield
            return
        try:
            yield
        finally:
            with self._cond:
                if self._waiting or self._owner is not None:
                    self.yielded += 1
                self._wait_as_background()
                self._owner, self._depth = me, depth

    def __enter__(self) -> Turns:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


INVOCATION_TURNS = Turns()
"""The process's one turn: every invocation, and anything that must not overlap one (a reload)."""


def yield_at_every_aws_call(turns: Turns = INVOCATION_TURNS) -> None:
    """Make each AWS call botocore sends over HTTP a point where background work yields (idempotent).

    Only the dev server needs it (moto answers over HTTP there); under the in-process mock of the
    tests, nothing runs in the background and botocore never reaches its HTTP session.
    """
    from botocore.httpsession import URLLib3Session

    send = URLLib3Session.send
    if getattr(send, "_numeriqc_turns", False):
        return

    def yielding_send(self: URLLib3Session, request: object) -> object:
        with turns.handed_to_requests():
            return send(self, request)

    yielding_send._numeriqc_turns = True  # type: ignore[attr-defined]
    URLLib3Session.send = yielding_send
