"""Generate the typed Python client, `clients/python/` (package `numeriqc_client`), from docs/openapi.json.

    make client        (or: .venv/bin/python clients/generate_python.py)

The generator is openapi-python-client (pinned in pyproject's dev dependencies), fed the committed
OpenAPI document with one adjustment: the document's tags are bilingual ("Consentement / Consent")
and the generator makes a module of each, so each tag is reduced to its English half
(`api/consent/`), a Python identifier without accents. The output is committed, like
docs/openapi.json: a client can be installed straight from the repository without the generator,
and a review shows what an API change does to it; tests/unit/test_python_client.py fails when it
no longer matches the document, and `make client` brings it back.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "docs" / "openapi.json"
CONFIG = ROOT / "clients" / "python-client.yml"
OUTPUT = ROOT / "clients" / "python"


def english_tag(tag: str) -> str:
    """`Rétroaction : organismes / Feedback: organizations` -> `Feedback organizations`."""
    english = tag.rsplit(" / ", 1)[-1]
    return re.sub(r"[^A-Za-z0-9]+", " ", english).strip()


def client_document(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the generator should read it: tags in English, ASCII only."""
    adjusted = json.loads(json.dumps(document))
    for operations in adjusted["paths"].values():
        for operation in operations.values():
            operation["tags"] = [english_tag(tag) for tag in operation.get("tags", [])]
    for tag in adjusted.get("tags", []):
        tag["name"] = english_tag(tag["name"])
    return adjusted


def generate(output: Path = OUTPUT) -> None:
    """Write the client into `output` (replaced whole)."""
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "openapi.json"
        source.write_text(json.dumps(client_document(json.loads(DOCUMENT.read_text())), ensure_ascii=False))
        target = Path(scratch) / "client"
        bin_dir = Path(sys.executable).parent  # the generator's ruff post-hooks run from PATH
        env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
        subprocess.run(  # noqa: S603 - our own venv's generator, fixed arguments
            [
                str(bin_dir / "openapi-python-client"),
                "generate",
                "--path",
                str(source),
                "--config",
                str(CONFIG),
                "--meta",
                "uv",
                "--output-path",
                str(target),
                "--fail-on-warning",
            ],
            check=True,
            env=env,
            cwd=scratch,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(output, ignore_errors=True)
        shutil.copytree(target, output)


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
