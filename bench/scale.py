"""Which sizes a run measures: `make bench` (every figure, aiming at under 5 minutes) or `--full`.

`python -m bench --full` (`make bench-full`, or BENCH_FULL=1) adds the long variants, each named in
the line it prints: the 100,000-row SMS and 10,000-email bulks through `make dev` (bench/dev_bulk.py)
and the sizes a default run leaves out, which its lines say ("[--full: ...]").
"""

import os
import sys


def full() -> bool:
    return "--full" in sys.argv or os.environ.get("BENCH_FULL", "") not in ("", "0")
