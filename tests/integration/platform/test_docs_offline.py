"""`/docs` loads Swagger UI from the API itself (the swagger-ui-py package), never from a CDN."""

import re
from typing import Any

import pytest


def test_the_page_names_only_its_own_files_under_a_policy_without_inline_script(platform: Any) -> None:
    page = platform.http("GET", "/docs")
    assert page.status == 200
    assert "<script>" not in page.text  # every script has a src
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(not re.match(r"^[a-z]+:|^//", source) for source in sources), sources
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy


@pytest.mark.parametrize(
    ("name", "content_type", "marker"),
    [
        ("swagger-ui-bundle.js", "text/javascript", b"SwaggerUIBundle"),
        ("swagger-ui.css", "text/css", b".swagger-ui"),
        ("init.js", "text/javascript", b'url: "openapi.json"'),
    ],
)
def test_every_file_the_page_names_is_served(
    platform: Any, name: str, content_type: str, marker: bytes
) -> None:
    answer = platform.http("GET", f"/docs/{name}")
    assert answer.status == 200 and answer.headers["content-type"].startswith(content_type)
    assert marker in answer.content


@pytest.mark.parametrize("name", ["index.html", "..%2F..%2Fcore.py", "swagger-editor-bundle.js", "LICENSE"])
def test_nothing_else_of_the_package_is(platform: Any, name: str) -> None:
    answer = platform.http("GET", f"/docs/{name}")
    assert answer.status == 404 and answer.headers["content-type"] == "application/problem+json"
