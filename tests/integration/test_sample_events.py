"""Every sample event under events/ runs through the function the template wires it to.

The samples are what `numeriqc invoke` and the docs use; a sample that no longer fits its handler
(a renamed route, a changed authorizer context) fails here instead of confusing a newcomer.
"""

import base64
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.platform import log_subscriber_of

EVENTS = Path(__file__).resolve().parents[2] / "events"
SAMPLES = sorted(EVENTS.rglob("*.json"))


def _source_name(arn: str) -> str:
    """`arn:aws:sqs:...:queue-name` -> queue-name; `...:table/name/stream/label` -> name."""
    resource = arn.split(":", 5)[-1]
    return resource.split("/")[1] if resource.startswith("table/") else resource


def _function_for(platform: Any, event: dict[str, Any]) -> str:
    if "awslogs" in event:  # a CloudWatch Logs subscription: the filter on the sample's log group
        data = json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))
        return log_subscriber_of(platform, data["logGroup"])
    records = event.get("Records") or []
    if records:  # a queue or stream consumer: the mapping whose source the sample's records come from
        source = _source_name(str(records[0].get("eventSourceARN", "")))
        for mapping in platform.wiring.mappings.values():
            if _source_name(mapping.source_arn) == source:
                return str(mapping.function)
        raise AssertionError(f"no mapping in the template consumes {source}")
    for rule in platform.wiring.rules.values():  # a rule's constant input (the site's catch-up)
        for target in rule.targets:
            if target.input and json.loads(target.input) == event:
                return str(platform.wiring.function(target.arn).logical_id)
    if event.get("detail-type") == "Scheduled Event":  # a scheduled rule: the function it targets
        rule_arn = event["resources"][0]
        for rule in platform.wiring.rules.values():
            if rule.schedule and rule.arn.split("/")[-1] == rule_arn.split("/")[-1]:
                return str(platform.wiring.function(rule.targets[0].arn).logical_id)
        raise AssertionError(f"no scheduled rule {rule_arn}")
    for api in platform.wiring.apis.values():
        for route in api.routes:
            if event.get("type") == "REQUEST" and route.authorizer and route.route_key == event["routeKey"]:
                return str(route.authorizer.function)
            if event.get("type") != "REQUEST" and route.route_key == event.get("routeKey"):
                return str(route.function)
    raise AssertionError(f"no function in the template serves {event.get('routeKey')}")


def test_there_are_samples_for_every_function_of_the_template(platform: Any) -> None:
    served = {_function_for(platform, json.loads(path.read_text())) for path in SAMPLES}
    assert served == set(platform.wiring.functions)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: str(path.relative_to(EVENTS)))
def test_sample_event_runs_without_server_error(platform: Any, sample: Path) -> None:
    event = json.loads(sample.read_text())
    result = platform.invoke(_function_for(platform, event), event)
    if event.get("type") == "REQUEST":
        assert result["isAuthorized"] is True
        assert result["context"]["authenticated"] in {"true", "false"}
    elif event.get("Records"):
        assert result == {"batchItemFailures": []}, result
    elif event.get("detail-type") == "Scheduled Event" or "catch_up" in event:
        assert isinstance(result, dict), result
    elif "awslogs" in event:
        assert result["receipts"] >= 1 and result["unreadable"] == 0, result
    else:
        assert 200 <= result["statusCode"] < 500, result
