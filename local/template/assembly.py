"""The synthesized CloudFormation template(s): the single source of truth for local wiring.

The runtime never keeps a list of routes, queues or triggers of its own; it reads what the CDK app
synthesized. Synthesis costs seconds (node + jsii), so the cloud assembly in `cdk.out` is reused
while nothing under `infra/`, `functions/` or `layers/build` changed; a fingerprint of those files
is stored in `.numeriqc/template.hash`. Synthesis runs under an exclusive file lock so parallel
pytest workers and a running `numeriqc dev` never read a half-written `cdk.out`.
"""

from __future__ import annotations

import fcntl
import fnmatch
import hashlib
import json
import logging
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("numeriqc_local")

DEFAULT_STACK = "NumeriqcLocal"
FINGERPRINTED = ("infra", "functions", "layers/build")
SKIPPED_PARTS = frozenset({"__pycache__", "cdk.out", "node_modules", ".mypy_cache", ".pytest_cache"})
SYNTH_ENV = {
    "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
    "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1",
    "CDK_DISABLE_VERSION_CHECK": "true",
    "PYTHONDONTWRITEBYTECODE": "1",
}


_STACK_FRAME = re.compile(r"^\s+(at |File \"|\^+$|~+$)|^Traceback |^\s{4}\S")


class TemplateError(RuntimeError):
    """The template could not be produced or read."""


@dataclass(frozen=True)
class Resource:
    """One resource of one stack, properties still unresolved (intrinsics intact)."""

    logical_id: str
    type: str
    properties: Mapping[str, Any]
    stack: str
    depends_on: tuple[str, ...] = ()
    condition: str | None = None


@dataclass(frozen=True)
class Stack:
    name: str
    body: Mapping[str, Any]


@dataclass
class Template:
    """One or more stacks, addressed by logical id (ids must be unique across stacks)."""

    stacks: Sequence[Stack]
    resources: dict[str, Resource] = field(init=False)

    def __post_init__(self) -> None:
        self.resources = {}
        for stack in self.stacks:
            for logical_id, raw in (stack.body.get("Resources") or {}).items():
                if logical_id in self.resources:
                    raise TemplateError(
                        f"logical id {logical_id} exists in stacks {self.resources[logical_id].stack} "
                        f"and {stack.name}: the local runtime addresses resources by logical id"
                    )
                depends = raw.get("DependsOn") or ()
                self.resources[logical_id] = Resource(
                    logical_id=logical_id,
                    type=str(raw["Type"]),
                    properties=raw.get("Properties") or {},
                    stack=stack.name,
                    depends_on=(depends,) if isinstance(depends, str) else tuple(depends),
                    condition=raw.get("Condition"),
                )

    @classmethod
    def from_dict(cls, body: Mapping[str, Any], stack_name: str = DEFAULT_STACK) -> Template:
        """A template written by hand (tests) or read from one file."""
        return cls([Stack(stack_name, body)])

    @classmethod
    def from_stacks(cls, bodies: Mapping[str, Mapping[str, Any]]) -> Template:
        return cls([Stack(name, body) for name, body in bodies.items()])

    def stack(self, name: str) -> Stack:
        for stack in self.stacks:
            if stack.name == name:
                return stack
        raise KeyError(name)

    def of_type(self, *types: str) -> list[Resource]:
        return [resource for resource in self.resources.values() if resource.type in types]

    def fingerprint(self) -> str:
        """A short digest of the whole template: lets other processes check they read the same one."""
        digest = hashlib.sha256()
        for stack in self.stacks:
            digest.update(stack.name.encode())
            digest.update(json.dumps(stack.body, sort_keys=True).encode())
        return digest.hexdigest()[:16]


def find_root(start: Path | None = None) -> Path:
    """The repository root: NUMERIQC_ROOT, else the nearest parent holding infra/app.py."""
    if os.environ.get("NUMERIQC_ROOT"):
        return Path(os.environ["NUMERIQC_ROOT"]).resolve()
    candidates = [(start or Path.cwd()).resolve(), Path(__file__).resolve().parent.parent]
    for candidate in candidates:
        for directory in (candidate, *candidate.parents):
            if (directory / "infra" / "app.py").is_file():
                return directory
    raise TemplateError("cannot find the repository root (no infra/app.py above the current directory)")


def inputs_fingerprint(root: Path) -> str:
    """Digest of (path, size, mtime) of every file that can change the synthesized template."""
    digest = hashlib.sha256()
    paths = [root / "cdk.json"] if (root / "cdk.json").is_file() else []
    for top in FINGERPRINTED:
        base = root / top
        if base.is_dir():
            paths.extend(
                p for p in base.rglob("*") if p.is_file() and not SKIPPED_PARTS.intersection(p.parts)
            )
    for path in sorted(paths):
        if path.suffix == ".pyc":
            continue
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def synthesize(root: Path, outdir: Path) -> float:
    """Run the CDK app (no CDK CLI needed: `python infra/app.py` with CDK_OUTDIR); answers seconds."""
    venv_python = root / ".venv" / "bin" / "python"
    python = str(venv_python) if venv_python.exists() else sys.executable
    env = {**os.environ, **SYNTH_ENV, "CDK_OUTDIR": str(outdir)}
    started = time.perf_counter()
    log.info("synthesizing the CDK app into %s", outdir)
    done = subprocess.run(
        [python, "infra/app.py"], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        lines = f"{done.stdout}\n{done.stderr}".strip().splitlines()
        useful = [line for line in lines if not _STACK_FRAME.match(line)]  # cdk-nag findings, the error
        tail = "\n".join(useful[-40:])
        raise TemplateError(f"CDK synthesis failed (exit {done.returncode}):\n{tail}")
    return time.perf_counter() - started


def read_assembly(outdir: Path, pattern: str | None = None) -> Template:
    """Every stack of the cloud assembly (nested stage assemblies included) matching `pattern`."""
    pattern = pattern or os.environ.get("NUMERIQC_STACKS") or "*"
    bodies: dict[str, Mapping[str, Any]] = {}
    _collect_stacks(outdir, pattern, bodies)
    if not bodies:
        raise TemplateError(f"no stack matching {pattern!r} in {outdir}/manifest.json")
    return Template.from_stacks(bodies)


def _collect_stacks(outdir: Path, pattern: str, bodies: dict[str, Mapping[str, Any]]) -> None:
    manifest_path = outdir / "manifest.json"
    if not manifest_path.is_file():
        raise TemplateError(f"{manifest_path} is missing: synthesis did not produce a cloud assembly")
    manifest = json.loads(manifest_path.read_text())
    for artifact_id, artifact in (manifest.get("artifacts") or {}).items():
        properties = artifact.get("properties") or {}
        if artifact.get("type") == "cdk:cloud-assembly":
            _collect_stacks(outdir / properties["directoryName"], pattern, bodies)
        elif artifact.get("type") == "aws:cloudformation:stack":
            name = properties.get("stackName") or artifact_id
            if fnmatch.fnmatchcase(name, pattern):
                bodies[name] = json.loads((outdir / properties["templateFile"]).read_text())


def load_template(
    root: Path | None = None, *, force_synth: bool = False, announce: Callable[[str], None] | None = None
) -> Template:
    """The current template: synthesized if its inputs changed since the last synthesis.

    NUMERIQC_SYNTH=never reuses cdk.out as it is; NUMERIQC_SYNTH=always synthesizes every time.
    """
    root = root or find_root()
    state = root / ".numeriqc"
    outdir = root / "cdk.out"
    with _exclusive(state / "synth.lock"):
        fingerprint = inputs_fingerprint(root)
        hash_file = state / "template.hash"
        mode = os.environ.get("NUMERIQC_SYNTH", "auto")
        fresh = (mode == "never" and (outdir / "manifest.json").is_file()) or (
            not force_synth
            and mode != "always"
            and hash_file.is_file()
            and hash_file.read_text().strip() == fingerprint
            and (outdir / "manifest.json").is_file()
        )
        if not fresh:
            if announce is not None:
                announce(
                    "infra/, functions/ or layers/build changed: synthesizing the CDK app (about 10 s)..."
                )
            seconds = synthesize(root, outdir)
            log.info("synthesized in %.1f s", seconds)
            hash_file.write_text(fingerprint + "\n")
        return read_assembly(outdir)
