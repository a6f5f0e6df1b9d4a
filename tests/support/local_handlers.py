"""Tiny Lambda handlers for the local runtime's own integration tests.

Hand-written templates name them (`tests.support.local_handlers.<name>`); each records what it received
in CALLS so a test can check what the runtime delivered. Not a test module: no tests here.
"""

import json
import os
from typing import Any

CALLS: list[tuple[str, Any]] = []
STATE: dict[str, Any] = {}


def reset() -> None:
    CALLS.clear()
    STATE.clear()


def calls(name: str) -> list[Any]:
    return [event for handler, event in CALLS if handler == name]


def record(event: dict[str, Any], context: Any) -> dict[str, Any]:
    CALLS.append(("record", event))
    return {"ok": True}


def fail(event: dict[str, Any], context: Any) -> None:
    CALLS.append(("fail", event))
    raise RuntimeError("this handler always fails")


def sqs_partial(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Reports every message whose body contains 'poison' as failed."""
    CALLS.append(("sqs_partial", event))
    failures = [{"itemIdentifier": r["messageId"]} for r in event["Records"] if "poison" in r["body"]]
    return {"batchItemFailures": failures}


def sqs_all_or_nothing(event: dict[str, Any], context: Any) -> None:
    """Fails the whole batch when any message contains 'poison'."""
    CALLS.append(("sqs_all_or_nothing", event))
    if any("poison" in r["body"] for r in event["Records"]):
        raise ValueError("poison in the batch")


def stream_partial(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Reports the first record keyed 'bad' as failed, once; succeeds on the retry."""
    CALLS.append(("stream_partial", event))
    for record in event["Records"]:
        key = record["dynamodb"]["Keys"]["pk"]["S"]
        if key == "bad" and not STATE.get("bad_failed"):
            STATE["bad_failed"] = True
            return {"batchItemFailures": [{"itemIdentifier": record["dynamodb"]["SequenceNumber"]}]}
    return {"batchItemFailures": []}


def environment(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answers the variables it sees (an HTTP response) and its context's attributes."""
    CALLS.append(("environment", event))
    names = (
        "ONLY_A",
        "ONLY_B",
        "SHARED",
        "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_REGION",
        "POWERTOOLS_TRACE_DISABLED",
    )
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(
            {
                "env": {name: os.environ.get(name) for name in names},
                "function_name": context.function_name,
                "memory": context.memory_limit_in_mb,
                "arn": context.invoked_function_arn,
                "remaining_ms": context.get_remaining_time_in_millis(),
            }
        ),
    }


def echo(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """An HTTP function answering the event it received."""
    CALLS.append(("echo", event))
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(event),
    }


def crash(event: dict[str, Any], context: Any) -> None:
    CALLS.append(("crash", event))
    raise RuntimeError("boom")


def authorizer(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Allows 'Bearer good*' tokens (context names the token), denies the rest."""
    CALLS.append(("authorizer", event))
    token = event["identitySource"][0]
    if token.startswith("Bearer good"):
        return {"isAuthorized": True, "context": {"token": token, "calls": len(calls("authorizer"))}}
    return {"isAuthorized": False}
