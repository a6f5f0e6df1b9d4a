"""Where a slow request's time went: what else held the emulator, the turn or the process meanwhile.

A request to `numeriqc dev` shares one process with the trigger loop: it waits for its turn
(`functions.turns`), for moto (`aws.serialized.EMULATOR_LOCK`), for the garbage collector, and for
the GIL. When one takes longer than SLOW_SECONDS, the dev server prints one line saying how much of
its time overlapped each of these, and the longest of them, so "why was /health slow during my
bulk" is answered from dev.log instead of a profiler.

The record is a bounded ring of (start, end, kind, label) spans, appended where the work happens:
a deque append per moto call and per collection, cheap beside either.
"""

from __future__ import annotations

import gc
import os
import time
from collections import deque
from typing import Any

from .turns import Turns

SLOW_SECONDS = float(os.environ.get("NUMERIQC_SLOW_SECONDS", "1.0"))  # /health's and a job's aim
SPANS_KEPT = 50_000  # minutes of a bulk's moto calls; a slow request only looks at its own seconds

_spans: deque[tuple[float, float, str, str]] = deque(maxlen=SPANS_KEPT)
_gc_started: list[float] = []


def record(started: float, ended: float, kind: str, label: str) -> None:
    _spans.append((started, ended, kind, label))


def _on_collection(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _gc_started.append(time.perf_counter())
    elif _gc_started:
        record(_gc_started.pop(), time.perf_counter(), "gc", f"gen{info.get('generation')}")


def install() -> None:
    """Time the garbage collector's pauses (idempotent)."""
    if _on_collection not in gc.callbacks:
        gc.callbacks.append(_on_collection)


def background() -> bool:
    """Whether the calling thread does the trigger loop's work (its spans are named `-bg`)."""
    return Turns._is_background()


def explain(started: float, ended: float) -> str:
    """What overlapped [started, ended]: per kind, the seconds overlapped, how many, the longest."""
    totals: dict[str, list[Any]] = {}
    for span_start, span_end, kind, label in list(_spans):
        overlap = min(ended, span_end) - max(started, span_start)
        if overlap <= 0:
            continue
        entry = totals.setdefault(kind, [0.0, 0, 0.0, ""])
        entry[0] += overlap
        entry[1] += 1
        if span_end - span_start > entry[2]:
            entry[2], entry[3] = span_end - span_start, label
    parts = [
        f"{kind} {total:.2f}s/{count} (longest {longest:.2f}s {label})"
        for kind, (total, count, longest, label) in sorted(totals.items(), key=lambda item: -item[1][0])
    ]
    return "; ".join(parts) or "nothing recorded overlapped it"
