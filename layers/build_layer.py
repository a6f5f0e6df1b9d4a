"""Build the Lambda dependency layer for the deployed runtime (Python 3.12, arm64) without Docker.

pip is asked for manylinux wheels of the target only, so what ships is what Lambda can load; the list
of packages is `[project.dependencies]` in pyproject.toml, the one place runtime dependencies live.
`build(...)` also builds the same packages for another Python or machine: `bench/cold_start.py`
measures imports from such a twin, built for this machine, because the arm64 layer cannot load here.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "layers" / "build" / "python"
PYTHON_VERSION = "3.12"  # the runtime of infra/numeriqc_infra/functions.py (RUNTIME)
PLATFORM = "manylinux2014_aarch64"  # ARM_64 there
# The files /docs serves (numeriqc.platform.adapters.swagger_assets.CONTENT_TYPES).
SWAGGER_UI_SERVED = {"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE"}


def dependencies() -> list[str]:
    return list(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])


def build(target: Path = TARGET, *, python_version: str = PYTHON_VERSION, platform: str = PLATFORM) -> Path:
    """The layer's `python/` directory at `target`, for that Python and machine."""
    shutil.rmtree(target.parent, ignore_errors=True)
    target.mkdir(parents=True)
    subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-compile",
            "--target",
            str(target),
            "--platform",
            platform,
            "--implementation",
            "cp",
            "--python-version",
            python_version,
            "--only-binary=:all:",
            *dependencies(),
        ],
        check=True,
    )
    # Drop what the Lambda runtime never reads: it only makes the asset hash unstable and the layer big.
    # numpy's own test suites (7.5 MB) too: the layer and the code must stay under Lambda's 250 MB.
    for junk in [*target.rglob("__pycache__"), *target.glob("*.dist-info"), *target.glob("numpy/**/tests")]:
        shutil.rmtree(junk, ignore_errors=True)
    # swagger-ui-py ships Swagger Editor and source maps too (25 MB): /docs serves three files.
    static = target / "swagger_ui" / "static"
    for path in static.iterdir() if static.is_dir() else []:
        if path.name not in SWAGGER_UI_SERVED:
            path.unlink()
    return target


def main() -> None:
    build()
    print(f"layer built in {TARGET.relative_to(ROOT)}")  # noqa: T201 - a build script talks to its user


if __name__ == "__main__":
    main()
