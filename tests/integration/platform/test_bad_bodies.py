"""Bodies no route can use, sent to EVERY route of the OpenAPI document that takes one: each is a
4xx problem+json in the language asked for, and nothing is written anywhere. GOV.UK Notify's /v2
routes answer Notify's envelope instead, with Notify's status for every unreadable body: 400.

The routes come from the served document, so a new service's routes are covered with no edit.
"""

import json
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.core.problems import CONTENT_TYPE
from numeriqc.core.request_body import MAX_DEPTH
from tests.support.platform import NewKey, bearer

PLACEHOLDER_ID = "01J00000000000000000000000"
NOT_JSON = [
    ("text/plain", "email_address=a@b.example"),
    ("application/x-www-form-urlencoded", "template_id=x&email_address=a%40b.example"),
    (
        "multipart/form-data; boundary=b",
        '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
    ),
    ("application/xml", "<a/>"),
]
TOO_DEEP = "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2)
VERY_DEEP = '{"a":' * 5000 + "1" + "}" * 5000  # past Python's recursion limit
LONE_SURROGATES = [
    '{"name": "\\ud800"}',
    '{"template_id": "x", "personalisation": {"prénom": "Zo\\udfffé"}}',
    '{"\\udbff": 1}',
    '[{"rows": [{"email_address": "\\ud83d"}]}]',
]


def _body_routes(platform: Any) -> list[tuple[str, str]]:
    document = platform.http("GET", "/openapi.json").json()
    return [
        (
            method.upper(),
            path.replace("{version}", "1").replace("{token}", "x").replace("{", "").replace("}", ""),
        )
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if "requestBody" in operation
    ]


def _path(template: str) -> str:
    parts = [PLACEHOLDER_ID if part.endswith("_id") else part for part in template.split("/")]
    return "/".join(parts)


def _every_item(platform: Any) -> dict[str, list[Any]]:
    dynamodb = aws.client("dynamodb")
    tables = dynamodb.list_tables()["TableNames"]
    return {table: sorted(map(json.dumps, dynamodb.scan(TableName=table)["Items"])) for table in tables}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_body_route_accepts_what_it_cannot_read(platform: Any, new_key: NewKey, language: str) -> None:
    key = new_key("saaq")
    routes = _body_routes(platform)
    assert len(routes) >= 15 and ("POST", "/v1/notifications/email") in routes
    platform.http("GET", "/v1/organization", headers=bearer(key))  # the authorizer's first look-up
    before = _every_item(platform)
    cases = [(media, body, 415) for media, body in NOT_JSON]
    cases += [("application/json", TOO_DEEP, 400), ("application/json", VERY_DEEP, 400)]
    cases += [("application/json; charset=utf-8", body, 400) for body in LONE_SURROGATES]
    for method, template in routes:
        for media_type, body, status in cases:
            headers = {**bearer(key, language), "Content-Type": media_type, "Idempotency-Key": "k1"}
            response = platform.http(method, _path(template), headers=headers, body=body)
            if template.startswith("/v2/"):
                assert response.status == 400, (method, template, media_type, body[:40], response.text[:300])
                assert response.header("content-language") == language
                envelope = response.json()
                assert envelope["status_code"] == 400 and envelope["errors"], envelope
                continue
            assert response.status == status, (method, template, media_type, body[:40], response.text[:300])
            assert response.header("content-type") == CONTENT_TYPE
            assert response.header("content-language") == language
            problem = response.json()
            assert problem["status"] == status and problem["errors"], problem
            if status == 400 and "\\u" in body:
                assert problem["errors"][0]["code"] == "invalid_unicode", problem
    assert _every_item(platform) == before
