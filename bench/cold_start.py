"""Cold-start import time of every Lambda entry module, as deployed, as a ratio to `import boto3`.

As deployed means: the layer's packages (a twin of `make layer` built for this machine, since the
arm64 layer cannot load here) and `functions/` on the path, nothing else; the runtime's Python version;
a Lambda-like environment; and no bytecode cache, because neither the layer nor the code asset ships
.pyc files and Lambda's /opt and /var/task are read-only, so every cold start compiles what it imports.
The same imports with a warm bytecode cache show what shipping .pyc files would save.

Each import runs in a fresh interpreter (that is what a cold start is), one at a time, interleaved so
that machine noise hits every module alike; the median of its CPU time is reported. (Two at a time
on this shared 2-core machine saved no wall time, and `import boto3` read 1,303 ms instead of
1,069 ms in that run.) A default run measures Python 3.12 as deployed: each module once, `import
boto3` and the 3 worst modules three times; `--full` measures every module three times and adds the
`.pyc` column and Python 3.13. Interpreters: `python3.12`, `python3.13` on PATH, pyenv's versions,
or NUMERIQC_BENCH_PYTHON_3_12=...; a version not found is left out, and said so.
NUMERIQC_BENCH_RUNS, NUMERIQC_BENCH_COLUMNS (3.12,3.12+pyc,3.13), NUMERIQC_BENCH_FUNCTIONS and
NUMERIQC_BENCH_LAYER_3_12 (another `functions/` tree and layer, to measure an older commit the same
way) tune a run.

The layer twins are built once per machine and dependency list, in NUMERIQC_BENCH_CACHE (default
~/.cache/numeriqc-bench), shared by every checkout and worktree: a new worktree measures at once.
"""

import fcntl
import hashlib
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType

from bench.scale import full

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "boto3"
DEPLOYED_PYTHON = "3.12"  # infra/numeriqc_infra/functions.py RUNTIME
CANDIDATE_PYTHONS = ("3.12", "3.13")
# Outside the checkout: every worktree reuses the same twins (building one takes a minute or two).
CACHE = Path(
    os.environ.get("NUMERIQC_BENCH_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "numeriqc-bench"
)
# The probe puts the layer and the code first, as Lambda's bootstrap does (/opt/python, /var/task).
# CPU seconds of the import, not wall time: on a shared machine (2 cores, a load of 20 while this was
# written) the wall clock mostly measures the other processes; importing is CPU work on cached files.
_PROBE = (
    "import sys; sys.path[:0] = {paths!r}; import time; t = time.process_time(); import {module}; "
    "print(time.process_time() - t)"
)
# A default run (bench/scale.py): the deployed runtime as deployed, one run per module, with
# `import boto3` and the worst modules measured 3 times; --full adds the `.pyc` column (what shipping
# bytecode would save) and Python 3.13 (the runtime we may move to), with 3 runs of every module.
# An as-deployed probe costs 1 to 2 s of CPU (it compiles everything it imports): 29 modules x 3 runs
# x 3 columns was most of `make bench`'s 19 minutes.
COLUMNS = ("3.12",)  # NUMERIQC_BENCH_COLUMNS=3.12,3.12+pyc,3.13 chooses
FULL_COLUMNS = ("3.12", "3.12+pyc", "3.13")
BASELINE_RUNS = 3
RECHECKED = 3


def entry_modules() -> list[str]:
    """Every module infra names as a handler: what a cold start of some function imports."""
    found = set()
    for path in (ROOT / "infra" / "numeriqc_infra").glob("*.py"):
        found.update(re.findall(r'handler="(numeriqc\.[a-z_.]+)\.handler"', path.read_text()))
    return sorted(found)


def _layer_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_layer", ROOT / "layers" / "build_layer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def layer_twin(python_version: str) -> Path:
    """The layer's packages for this machine and that Python, rebuilt when the dependencies change."""
    builder = _layer_builder()
    machine = "x86_64" if platform.machine() in ("x86_64", "AMD64") else "aarch64"
    stamp = hashlib.sha1("\n".join(builder.dependencies()).encode()).hexdigest()[:10]
    name = f"layer-{python_version}-{machine}-{stamp}"
    target = CACHE / name / "python"
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / f"{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two checkouts benching at once build it once
        if not target.is_dir():
            # Built aside, then renamed: an interrupted build never passes for a twin.
            building = CACHE / f"{name}.building"
            builder.build(
                building / "python", python_version=python_version, platform=f"manylinux2014_{machine}"
            )
            building.rename(target.parent)
    return target


def interpreter(python_version: str) -> str | None:
    """A working interpreter of that version: configured, pyenv's, or on PATH (a pyenv shim may not run)."""
    pyenv = sorted(Path.home().glob(f".pyenv/versions/{python_version}.*/bin/python{python_version}"))
    candidates = [
        os.environ.get(f"NUMERIQC_BENCH_PYTHON_{python_version.replace('.', '_')}"),
        *map(str, reversed(pyenv)),
        shutil.which(f"python{python_version}"),
    ]
    for candidate in filter(None, candidates):
        answer = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if answer.returncode == 0 and answer.stdout.strip() == python_version:
            return candidate
    return None


def import_seconds(python: str, paths: list[str], module: str, environment: dict[str, str]) -> float:
    output = subprocess.run(  # fixed interpreter and module names
        # -P: the working directory is not on the path (a stray http.py in it would shadow the stdlib).
        [python, "-s", "-P", "-c", _PROBE.format(paths=paths, module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    ).stdout
    return float(output.strip().splitlines()[-1])


def measure(
    python: str, paths: list[str], modules: list[str], runs: int, pycache: Path | None
) -> dict[str, float]:
    """Median import seconds per module; `pycache` None = compiled from source every time (as deployed).

    `import boto3`, the denominator of every ratio, is measured at least BASELINE_RUNS times, spread
    over the run; the modules `runs` times each; then the worst RECHECKED modules (the ones the
    column's headline names) get more runs, up to BASELINE_RUNS, so one noisy sample never makes it.
    """
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "AWS_LAMBDA_FUNCTION_NAME": "bench",
        "LAMBDA_TASK_ROOT": str(ROOT / "functions"),
        "AWS_REGION": "ca-central-1",
        "POWERTOOLS_SERVICE_NAME": "bench",
        "PYTHONDONTWRITEBYTECODE": "1" if pycache is None else "",
    }
    with tempfile.TemporaryDirectory() as empty:
        # No .pyc is ever found in an empty prefix: every import compiles, as on Lambda's read-only disk.
        environment["PYTHONPYCACHEPREFIX"] = str(pycache or empty)
        samples: dict[str, list[float]] = {module: [] for module in (BASELINE, *modules)}
        if pycache is not None:
            fill_cache(python, paths, list(samples), environment)

        def probe(module: str) -> None:
            samples[module].append(import_seconds(python, paths, module, environment))

        # Round after round, every module once per round: noise hits every module alike.
        for module in interleaved(modules, runs, max(runs, BASELINE_RUNS)):
            probe(module)
        medians = {module: statistics.median(values) for module, values in samples.items()}
        worst = sorted(modules, key=lambda module: medians[module], reverse=True)[:RECHECKED]
        for _ in range(runs, BASELINE_RUNS):
            for module in worst:
                probe(module)
    return {module: statistics.median(values) for module, values in samples.items()}


def interleaved(modules: list[str], runs: int, baseline_runs: int) -> list[str]:
    """Every module `runs` times, round after round, with `import boto3` spread evenly among them."""
    order = [module for _ in range(runs) for module in modules]
    step = len(order) / baseline_runs
    for index in reversed(range(baseline_runs)):
        order.insert(round(index * step), BASELINE)
    return order


def fill_cache(python: str, paths: list[str], modules: list[str], environment: dict[str, str]) -> None:
    """Compile everything the modules import into the bytecode cache: one interpreter for all."""
    probe = f"import sys; sys.path[:0] = {paths!r}; import importlib; " + "; ".join(
        f"importlib.import_module({module!r})" for module in modules
    )
    subprocess.run([python, "-s", "-P", "-c", probe], capture_output=True, check=True, env=environment)


def report() -> list[str]:
    runs = int(os.environ.get("NUMERIQC_BENCH_RUNS") or (3 if full() else 1))
    functions = os.environ.get("NUMERIQC_BENCH_FUNCTIONS", str(ROOT / "functions"))
    columns_wanted = FULL_COLUMNS if full() else COLUMNS
    wanted = os.environ.get("NUMERIQC_BENCH_COLUMNS", ",".join(columns_wanted)).split(",")
    modules = entry_modules()
    columns: dict[str, dict[str, float]] = {}
    missing = []
    for version in CANDIDATE_PYTHONS:
        python = interpreter(version)
        if python is None:
            missing.append(version)
            continue
        layer = os.environ.get(f"NUMERIQC_BENCH_LAYER_{version.replace('.', '_')}") or layer_twin(version)
        paths = [str(layer), functions]
        if not any(column.split("+")[0] == version for column in wanted):
            continue  # neither its interpreter nor its layer twin is needed
        if version in wanted:
            columns[f"{version} as deployed"] = measure(python, paths, modules, runs, None)
        if f"{version}+pyc" in wanted:
            with tempfile.TemporaryDirectory() as pycache:
                columns[f"{version} with .pyc"] = measure(python, paths, modules, runs, Path(pycache))
    how = (
        f"median of {runs}"
        if runs >= BASELINE_RUNS
        else f"{runs} run each; `import boto3` and the {RECHECKED} worst: median of {BASELINE_RUNS}"
    )
    lines = [
        f"cold-start import of every entry module ({how}; fresh interpreter each), "
        "ratio to `import boto3` in the same column"
        + ("" if full() else f"  [--full: median of {BASELINE_RUNS} for all, with .pyc, Python 3.13]")
        + ":",
        "  " + f"{'module':<52}" + "".join(f"{name:>22}" for name in columns),
    ]
    for module in (BASELINE, *modules):
        cells = "".join(
            f"{figures[module] * 1000:12.0f} ms {figures[module] / figures[BASELINE]:5.2f}x"
            for figures in columns.values()
        )
        lines.append(f"  {module:<52}{cells}")
    for name, figures in columns.items():
        worst = max(figures[module] / figures[BASELINE] for module in modules)
        lines.append(f"  {name}: worst entry module {worst:.2f}x `import boto3`")
    if missing:
        lines.append(f"  not measured (no interpreter found): Python {', '.join(missing)}")
    return lines
