"""The shape every service follows (docs/architecture.md), checked on the source so it cannot erode.

Read as text and syntax trees only: nothing here imports a service, so a broken module fails its
own tests, not these.
"""

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Where each first-party package lives (pyproject's package-dir).
PACKAGES = {
    "numeriqc": ROOT / "functions" / "numeriqc",
    "numeriqc_local": ROOT / "local",
    "numeriqc_infra": ROOT / "infra" / "numeriqc_infra",
}
# A table key or index key prefix: "ORG#", f"N#{...}", 'TPL#'.
KEY_PREFIX = re.compile(r"""f?["'][A-Z][A-Z_]*#""")


def _modules(package: str) -> dict[str, Path]:
    root = PACKAGES[package]
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every first-party module `module` imports, at any depth (function-level and TYPE_CHECKING too)."""
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                here = here[: len(here) - (node.level - 1)]
                base = ".".join([*here, *([node.module] if node.module else [])])
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        for name in names:
            target = name
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != module:
                targets.add(target)
    return targets


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start, edges in graph.items():
        if start in index:
            continue
        work = [(start, iter(sorted(edges)))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_no_import_cycle(package: str) -> None:
    modules = _modules(package)
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_only_a_service_table_adapter_builds_keys() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(PACKAGES["numeriqc"].rglob("*.py"))
        if "adapters" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if KEY_PREFIX.search(line)
    ]
    assert offenders == []


def test_the_key_pattern_sees_every_way_of_writing_a_prefix() -> None:
    for line in ('pk = f"ORG#{org}"', "sk = 'TPL#' + tid", 'x = "DUE_SHARD#3"'):
        assert KEY_PREFIX.search(line), line
    for line in ("# a comment about C# code", 'url = "https://example/#frag"', 'ref = "#/components"'):
        assert not KEY_PREFIX.search(line), line


def test_every_handler_string_in_infra_names_a_handlers_module() -> None:
    strings = [
        match
        for path in sorted(PACKAGES["numeriqc_infra"].rglob("*.py"))
        for match in re.findall(r'handler="([^"]+)"', path.read_text())
    ]
    assert strings, "infra names no handler: the pattern no longer matches how handlers are declared"
    outside = [s for s in strings if not re.fullmatch(r"numeriqc\.[a-z_]+\.handlers\.[a-z_]+\.handler", s)]
    assert outside == []


def test_every_handlers_module_is_named_by_infra_or_is_a_route_module() -> None:
    """A module in handlers/ that no function runs is an entry point nobody deploys."""
    named = {
        match.removesuffix(".handler")
        for path in PACKAGES["numeriqc_infra"].rglob("*.py")
        for match in re.findall(r'handler="([^"]+)"', path.read_text())
    }
    unused = [
        name
        for name, path in _modules("numeriqc").items()
        if ".handlers." in name and "routes" not in path.parts and path.name != "__init__.py"
        if name not in named
    ]
    assert unused == []


def test_pyproject_lists_every_package() -> None:
    """Editable installs find new subpackages by themselves; a wheel ships only what is listed."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        name for package in PACKAGES for name, path in _modules(package).items() if path.name == "__init__.py"
    }
    assert listed == on_disk


def test_only_deps_and_adapters_import_a_service_adapters() -> None:
    """Dependencies point inward: handlers reach adapters through `deps.py`, rules through the
    protocols of `ports.py`. So a service's `adapters` package is imported by its own `deps.py` and
    its own adapters, and by nothing else (not by a rule, a handler, nor another service)."""
    modules = _modules("numeriqc")
    offenders = []
    for name, path in modules.items():
        service = name.split(".")[1] if name.count(".") else ""
        allowed = {f"numeriqc.{service}.deps", f"numeriqc.{service}.adapters"}
        inside = name in allowed or name.startswith(f"numeriqc.{service}.adapters.")
        for target in sorted(_imports(name, path, modules)):
            parts = target.split(".")
            if len(parts) >= 3 and parts[2] == "adapters" and not (inside and parts[1] == service):
                offenders.append(f"{path.relative_to(ROOT)} imports {target}")
    assert offenders == []
