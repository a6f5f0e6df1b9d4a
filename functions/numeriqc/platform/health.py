"""Health of the platform's dependencies, checked like X-Road's health check: each one, by name.
Pure logic: the probes that reach each kind of dependency are adapters (`adapters/probes.py`)."""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from pydantic import BaseModel

Probe = Callable[[str], Any]  # raises when the dependency named by its argument does not answer


class Check(BaseModel):
    name: str
    kind: str
    target: str


class CheckResult(BaseModel):
    name: str
    kind: str
    status: str
    latency_ms: int


class ClockReading(BaseModel):
    """The time services read, when it is not the real time (the local platform's moved clock)."""

    now: datetime
    offset_seconds: int


class HealthReport(BaseModel):
    status: str
    checks: list[CheckResult]
    clock: ClockReading | None = None  # null while services read the real time


def clock_reading(now: datetime, real_now: datetime, is_real: bool) -> ClockReading | None:
    """What `/health` says of the clock: nothing in real time, else the time and how far it was moved."""
    if is_real:
        return None
    return ClockReading(now=now, offset_seconds=round((now - real_now).total_seconds()))


def run_checks(checks: list[Check], probes: dict[str, Probe]) -> HealthReport:
    """Every check runs (in parallel); one failure makes the platform "degraded", never hides the others."""

    def run(check: Check) -> CheckResult:
        started = time.perf_counter()
        try:
            probes[check.kind](check.target)
            status = "ok"
        except Exception:  # any failure means "unreachable"; the reason stays in the logs
            status = "unreachable"
        latency = int((time.perf_counter() - started) * 1000)
        return CheckResult(name=check.name, kind=check.kind, status=status, latency_ms=latency)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, checks))
    overall = "ok" if all(result.status == "ok" for result in results) else "degraded"
    return HealthReport(status=overall, checks=results)
