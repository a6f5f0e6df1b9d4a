"""How `python -m bench` runs a section: quietly, timed, alone or two at a time.

Two at a time: in child processes forked from this one once it has booted a platform (imports,
the template, botocore's models and moto's backends are paid once, not per child); only for
sections whose figures are counts, never durations, since the two share the CPU.
"""

import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

Section = Callable[[], list[str]]


def quiet_functions() -> None:
    """The functions run in this process: keep their INFO logs and metric lines out of the figures."""
    from numeriqc.core.observability import logger

    logger.setLevel("WARNING")
    os.environ["POWERTOOLS_METRICS_DISABLED"] = "true"
    warnings.filterwarnings("ignore", module="aws_lambda_powertools")


def timed(section: Section) -> tuple[list[str], float]:
    started = time.perf_counter()
    return section(), time.perf_counter() - started


def show(section: Section, lines: list[str], seconds: float, note: str = "") -> None:
    print("\n".join(lines))
    print(f"  [{section.__module__}: {seconds:.0f} s{note}]", file=sys.stderr)
    print()


def alone(section: Section) -> None:
    show(section, *timed(section))


def side_by_side(sections: tuple[Section, ...]) -> None:
    """Figures printed in the given order; alone, one after the other, if this process runs
    threads (forking one is unsafe)."""
    started = time.perf_counter()
    if threading.active_count() > 1:
        for section in sections:
            alone(section)
        return
    from bench.calls import local_platform

    with local_platform():
        pass  # warm: what every platform's first boot pays, paid once before forking
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        for section, (lines, seconds) in zip(sections, pool.map(timed, sections), strict=True):
            show(section, lines, seconds, ", two at a time")
    print(f"  [counts-only sections, side by side: {time.perf_counter() - started:.0f} s]", file=sys.stderr)
