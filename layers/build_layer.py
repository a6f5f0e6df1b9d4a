"""Build the Lambda dependency layer for the deployed runtime (Python 3.12, arm64) without Docker.

pip is asked for manylinux aarch64 wheels only, so what ships is what Lambda can load; the list
of packages is `[project.dependencies]` in pyproject.toml, the one place runtime dependencies live.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "layers" / "build" / "python"
# The files /docs serves (numeriqc.platform.adapters.swagger_assets.CONTENT_TYPES).
SWAGGER_UI_SERVED = {"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE"}


def main() -> None:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    shutil.rmtree(TARGET.parent, ignore_errors=True)
    TARGET.mkdir(parents=True)
    subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-compile",
            "--target",
            str(TARGET),
            "--platform",
            "manylinux2014_aarch64",
            "--implementation",
            "cp",
            "--python-version",
            "3.12",
            "--only-binary=:all:",
            *dependencies,
        ],
        check=True,
    )
    # Drop what the Lambda runtime never reads: it only makes the asset hash unstable and the layer big.
    # numpy's own test suites (7.5 MB) too: the layer and the code must stay under Lambda's 250 MB.
    for junk in [*TARGET.rglob("__pycache__"), *TARGET.glob("*.dist-info"), *TARGET.glob("numpy/**/tests")]:
        shutil.rmtree(junk, ignore_errors=True)
    # swagger-ui-py ships Swagger Editor and source maps too (25 MB): /docs serves three files.
    static = TARGET / "swagger_ui" / "static"
    for path in static.iterdir() if static.is_dir() else []:
        if path.name not in SWAGGER_UI_SERVED:
            path.unlink()
    print(f"layer built in {TARGET.relative_to(ROOT)}")  # noqa: T201 - a build script talks to its user


if __name__ == "__main__":
    main()
