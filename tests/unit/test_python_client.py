"""The committed Python client (clients/python) is what the generator makes of docs/openapi.json."""

import filecmp
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "clients"))
import generate_python  # noqa: E402 - the generator script, not a package

COMMITTED = ROOT / "clients" / "python"


def _files(root: Path) -> set[str]:
    skipped = {"__pycache__", ".ruff_cache"}
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and not skipped & set(p.parts)}


@pytest.mark.skipif(
    importlib.util.find_spec("openapi_python_client") is None, reason="pip install -e '.[dev]'"
)
def test_the_committed_client_matches_the_document(tmp_path: Path) -> None:
    generate_python.generate(tmp_path / "client")
    fresh, committed = _files(tmp_path / "client"), _files(COMMITTED)
    assert fresh == committed, "run `make client`: files added or removed"
    stale = [
        name for name in sorted(fresh) if not filecmp.cmp(tmp_path / "client" / name, COMMITTED / name, False)
    ]
    assert stale == [], f"run `make client`: {stale[:5]} differ"


def test_tags_become_english_identifiers() -> None:
    assert generate_python.english_tag("Rétroaction : organismes / Feedback: organizations") == (
        "Feedback organizations"
    )
    assert generate_python.english_tag("Notifications") == "Notifications"
    document = {"paths": {"/x": {"get": {"tags": ["Échange de données / Data exchange"]}}}, "tags": []}
    assert generate_python.client_document(document)["paths"]["/x"]["get"]["tags"] == ["Data exchange"]
    assert document["paths"]["/x"]["get"]["tags"] == ["Échange de données / Data exchange"]  # untouched
