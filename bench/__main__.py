"""`make bench`: print every benchmark's figures, aiming at under 5 minutes (docs/architecture.md).

Each section's duration, then the whole run's, go to stderr. `python -m bench --full` (`make
bench-full`, or BENCH_FULL=1) runs the long variants (bench/scale.py): the 100,000-row SMS and
10,000-email bulks through `make dev` (`dev_bulk`), and the sizes the default run leaves out, which
its lines name.
"""

import sys
import time

from bench import (
    barometer_bench,
    cold_start,
    consultations_analysis,
    consultations_calls,
    consultations_input,
    dev_bulk,
    dev_ready,
    exchange_calls,
    exchange_legacy,
    exchange_log,
    exchange_push,
    feedback_calls,
    feedback_redaction,
    moto_transactions,
    notifications_bench,
    notify_v2_bench,
    platform_calls,
    scale,
)
from bench.running import Section, alone, quiet_functions, side_by_side

__all__ = ["main", "quiet_functions"]  # quiet_functions: the sections run alone import it from here

# Sections whose figures are counts of AWS calls, never durations: they run two at a time in child
# processes (each its own moto), nothing else beside them, so no timed figure shares the CPU.
COUNTS_ONLY: tuple[Section, ...] = (
    platform_calls.report,
    feedback_calls.report,
    consultations_calls.report,
    consultations_calls.sms_report,
    exchange_calls.report,
    exchange_push.report,
)


def main() -> None:
    quiet_functions()
    begun = time.perf_counter()
    for step in (
        cold_start.report,
        # Before any in-process platform: its forced synthesis leaves cdk.out fresh for them all
        # (after them, a stale checkout would synthesize twice).
        dev_ready.report,
        COUNTS_ONLY,
        moto_transactions.report,
        dev_bulk.report,
        feedback_redaction.report,
        feedback_calls.export_report,
        notifications_bench.report,
        notify_v2_bench.report,
        consultations_analysis.report,
        consultations_input.report,
        exchange_log.report,
        exchange_legacy.report,
        barometer_bench.report,
    ):
        if isinstance(step, tuple):
            side_by_side(step)
        else:
            alone(step)
    total = time.perf_counter() - begun
    mode = "--full" if scale.full() else "default run"
    print(f"[bench total: {total:.0f} s ({total / 60:.1f} min), {mode}]", file=sys.stderr)


if __name__ == "__main__":
    main()
