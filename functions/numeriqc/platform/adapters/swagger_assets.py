"""Swagger UI's files, read from the `swagger-ui-py` package (Swagger UI 5, OpenAPI 3.1), not a CDN.

The package is a runtime dependency, so the same files ship in the Lambda layer and in the local
virtual environment: `/docs` works offline and under a content security policy that allows scripts
from the API's own origin only. Only the package's folder is located (its `__init__` imports web
frameworks' helpers this function never needs), and only the files below can be served.
"""

import importlib.util
from functools import cache
from pathlib import Path

CONTENT_TYPES = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
}


@cache
def _static_folder() -> Path:
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the swagger-ui-py package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


def read(name: str) -> tuple[bytes, str] | None:
    """The file `name` and its content type, or None when it is not one of Swagger UI's served files."""
    content_type = CONTENT_TYPES.get(name)
    if content_type is None:
        return None
    return (_static_folder() / name).read_bytes(), content_type
