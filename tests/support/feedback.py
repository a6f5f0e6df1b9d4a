"""Helpers for the feedback integration tests: a registered service, submissions from given clients.

Time is the shared `service_clock` fixture (tests.support.fixtures): no sleeping, ever.
"""

import json
from typing import Any

from numeriqc.core.auth import Scope
from numeriqc_local.http.events import HttpRequest, HttpResponse
from tests.support.platform import NewKey, bearer

READ_AND_MANAGE = {Scope.FEEDBACK_READ, Scope.FEEDBACK_MANAGE, Scope.EVENTS_SUBSCRIBE}


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
