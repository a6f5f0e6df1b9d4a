"""Helpers for the feedback integration tests: a registered service, submissions from given clients."""

import json
from typing import Any

import pytest

from numeriqc.core.auth import Scope
from numeriqc_local.http_events import HttpRequest, HttpResponse

from .conftest import NewKey, bearer

READ_AND_MANAGE = {Scope.FEEDBACK_READ, Scope.FEEDBACK_MANAGE, Scope.EVENTS_SUBSCRIBE}


@pytest.fixture
def feedback_clock(platform: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The feedback functions read time from the platform's manual clock (no sleeping, ever)."""
    from numeriqc.feedback import deps

    monkeypatch.setattr(deps, "clock", platform.clock)
    return platform.clock


def register(platform: Any, key: str, slug: str = "permis", **extra: Any) -> dict[str, Any]:
    body = {"slug": slug, "name_fr": "Permis de conduire", "name_en": "Driver's licence", **extra}
    response = platform.http("POST", "/v1/services", headers=bearer(key), json=body)
    assert response.status == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def submit(
    platform: Any, body: dict[str, Any], ip: str = "203.0.113.7", language: str | None = None
) -> HttpResponse:
    """POST /v1/feedback from the client at `ip` (what API Gateway reports as the source IP)."""
    headers = [("content-type", "application/json")]
    if language:
        headers.append(("accept-language", language))
    content = json.dumps(body).encode()
    headers.append(("content-length", str(len(content))))
    return platform.handle(HttpRequest("POST", "/v1/feedback", "", tuple(headers), content, source_ip=ip))


def org_key(new_key: NewKey, org: str = "saaq") -> str:
    return new_key(org, READ_AND_MANAGE)
