"""Log keys last one invocation: one caller's organization never labels the next invocation's lines."""

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from numeriqc.core.observability import logger


@dataclass
class Context:
    function_name: str = "f"
    memory_limit_in_mb: int = 128
    invoked_function_arn: str = "arn:aws:lambda:ca-central-1:123456789012:function:f"
    aws_request_id: str = "r"


@logger.inject_lambda_context
def authorize(event: dict[str, Any], context: Any) -> None:
    logger.append_keys(org_id=event["org_id"])
    logger.info("authorized")


@logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
def public_route(event: dict[str, Any], context: Any) -> None:
    logger.info("public")


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


@pytest.fixture
def written() -> Iterator[io.StringIO]:
    """What the shared logger writes, while the test runs."""
    stream = io.StringIO()
    previous = logger.registered_handler.setStream(stream)  # type: ignore[attr-defined]
    yield stream
    logger.registered_handler.setStream(previous)  # type: ignore[attr-defined]


def test_keys_added_in_one_invocation_are_gone_in_the_next(written: io.StringIO) -> None:
    authorize({"org_id": "saaq"}, Context())
    authorize({"org_id": "rq"}, Context())
    public_route({"requestContext": {"requestId": "x"}}, Context())
    authorized, again, public = _lines(written.getvalue())
    assert authorized["org_id"] == "saaq" and again["org_id"] == "rq"
    assert "org_id" not in public
