"""Consultations: the opinion-group analysis at size, on one core, with its peak memory and quality.

Each size runs in a child process pinned to one BLAS thread (a Lambda function of 1,769 MB or
more has one full vCPU for this code), so its wall time and peak resident memory are its own.
Quality is the adjusted Rand index between the planted groups and the groups found, on synthetic
matrices (opinion_groups.planted) over several seeds, group counts and noise levels.
Also the size of what the analysis function ships: the dependency layer and the code asset,
against Lambda's 250 MB unzipped limit.

CONSULTATIONS_BENCH_LARGE=0 skips the 100,000 x 1,000 runs; a default run has one of them (4 groups,
noise 0.10), `--full` (bench/scale.py) the second too (5 groups, noise 0.20).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.scale import full

ROOT = Path(__file__).resolve().parent.parent
SIZES = [
    # participants, statements, groups, votes each, noise, seed
    (10_000, 200, 3, 30, 0.10, 1),
    (10_000, 200, 5, 30, 0.15, 2),
    (100_000, 1_000, 4, 30, 0.10, 3),
]
FULL_SIZES = [(100_000, 1_000, 5, 30, 0.20, 4)]
CHILD = """
import json, resource, sys, time
from numeriqc.consultations import opinion_groups as og
n, m, g, v, noise, seed = json.loads(sys.argv[1])
votes, truth = og.planted(participants=n, statements=m, groups=g, votes_each=v, noise=noise, seed=seed)
started = time.perf_counter()
model = og.analyse(votes, seed=seed)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
ari = og.adjusted_rand_index(truth[model.kept], model.labels)
print(json.dumps({"seconds": seconds, "peak_mb": peak, "ari": ari, "k": model.k, "votes": len(votes.values)}))
"""


def run(case: tuple[int, int, int, int, float, int]) -> dict[str, float]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(case)], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def size_mb(path: Path) -> float:
    return (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts) / 1e6
    )


def report() -> list[str]:
    large = os.environ.get("CONSULTATIONS_BENCH_LARGE", "1") != "0"
    lines = ["consultations: opinion groups (PCA as Polis, k-means by silhouette), one core, child process:"]
    for case in SIZES + (FULL_SIZES if full() else []):
        n, m, g, _votes, noise, _ = case
        if n > 10_000 and not large:
            continue
        found = run(case)
        lines.append(
            f"  {n:>7,} x {m:>5,} ({int(found['votes']):>9,} votes, {g} groups, noise {noise:.2f}): "
            f"{found['seconds']:6.1f} s, peak {found['peak_mb']:6.0f} MB, k={int(found['k'])}, "
            f"ARI {found['ari']:.3f}"
        )
    if not full():
        lines.append("  [--full: 100,000 x 1,000 with 5 groups, noise 0.20]")
    layer = ROOT / "layers" / "build" / "python"
    if layer.is_dir():
        code = size_mb(ROOT / "functions")
        numpy = size_mb(layer / "numpy") + size_mb(layer / "numpy.libs")
        lines.append(
            f"  shipped, unzipped: layer {size_mb(layer):.0f} MB (numpy {numpy:.0f} MB)"
            f" + code {code:.1f} MB, of Lambda's 250 MB"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
