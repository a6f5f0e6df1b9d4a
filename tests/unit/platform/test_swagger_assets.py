"""/docs serves Swagger UI's files from the swagger-ui-py package; the layer keeps exactly those."""

import importlib.util
from pathlib import Path

from numeriqc.platform.adapters import swagger_assets

ROOT = Path(__file__).resolve().parents[3]


def _layer_builder() -> object:
    spec = importlib.util.spec_from_file_location("build_layer", ROOT / "layers" / "build_layer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_layer_keeps_every_file_docs_serves() -> None:
    assert set(swagger_assets.CONTENT_TYPES) <= _layer_builder().SWAGGER_UI_SERVED  # type: ignore[attr-defined]


def test_every_served_file_exists_in_the_package_and_nothing_else_is_served() -> None:
    for name, content_type in swagger_assets.CONTENT_TYPES.items():
        found = swagger_assets.read(name)
        assert found is not None and found[1] == content_type and len(found[0]) > 500
    assert swagger_assets.read("swagger-editor-bundle.js") is None
    assert swagger_assets.read("../core.py") is None
