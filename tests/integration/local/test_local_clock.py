"""The local clock is the one every function, schedule and TTL of the local platform reads.

No `service_clock` fixture here on purpose: the runtime installs `platform.clock` around every
invocation by itself, so a test (or `numeriqc clock advance`) moves time for all of them at once.
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from numeriqc.core import clock as kernel
from numeriqc_local.triggers import ttl_expiry
from tests.support.notifications import SMS_TEMPLATE, consent, create_template
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 1, 15, 0, tzinfo=UTC)  # 10:00 in Montréal


def test_functions_read_the_platform_clock_and_health_says_so(platform: Any) -> None:
    platform.clock.set(datetime(2031, 6, 1, 12, 0, tzinfo=UTC))
    report = platform.http("GET", "/health").json()
    assert report["clock"]["now"].startswith("2031-06-01T12:00:00")
    assert report["clock"]["offset_seconds"] > 86400 * 365
    assert kernel.is_real()  # outside an invocation, the process keeps the real time


def test_a_reminder_due_in_a_month_goes_out_once_the_clock_is_moved(platform: Any, new_key: NewKey) -> None:
    platform.clock.set(MORNING)
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", "514 234 5678")
    request = {
        "channel": "sms",
        "template_id": template["template_id"],
        "recipient": "514 234 5678",
        "personalisation": {"prénom": "Zoé", "date": "10 avril"},
        "due_date": "2030-04-10",
        "days_before": [30],
    }
    created = platform.http("POST", "/v1/reminders", headers=bearer(key), json=request)
    assert created.status == 201, created.json()
    assert created.json()["notifications"][0]["scheduled_for"] == "2030-03-11T13:00:00Z"
    platform.drain()
    assert [m for m in platform.outbox() if m.kind == "sms"] == []

    platform.clock.advance((datetime(2030, 3, 11, 13, 1, tzinfo=UTC) - MORNING).total_seconds())
    platform.drain()  # no tick: the every-minute schedule is due on the moved clock

    sent = [m for m in platform.outbox() if m.kind == "sms"]
    assert [m.to for m in sent] == [["+15142345678"]]
    assert sent[0].sms is not None and sent[0].sms["fragments"] == 1


def test_ttl_expiry_follows_the_clock(platform: Any) -> None:
    table = next(t for t in platform.wiring.tables.values() if t.ttl_attribute)
    dynamodb = platform.clients("dynamodb")
    schema = dynamodb.describe_table(TableName=table.name)["Table"]
    types = {a["AttributeName"]: a["AttributeType"] for a in schema["AttributeDefinitions"]}
    keys = [part["AttributeName"] for part in schema["KeySchema"]]
    now = int(platform.clock.now().timestamp())

    def item(name: str, **extra: Any) -> dict[str, Any]:
        key = {k: ({"S": f"ttl-test-{name}"} if types[k] == "S" else {"N": str(len(name))}) for k in keys}
        return {**key, **extra}

    soon = item("soon", **{str(table.ttl_attribute): {"N": str(now + 3600)}})
    later = item("later-on", **{str(table.ttl_attribute): {"N": str(now + 30 * 86400)}})
    never = item("never-expires")
    text = item("a-string-ttl", **{str(table.ttl_attribute): {"S": "0"}})  # not a number: never expires
    for value in (soon, later, never, text):
        dynamodb.put_item(TableName=table.name, Item=value)

    platform.drain()
    assert _present(dynamodb, table.name, keys, [soon, later, never, text]) == [True, True, True, True]
    # moto's table read in this process and a Scan (any other emulator) find the same keys
    found = {
        way: sorted(json.dumps(key, sort_keys=True) for key in keys_found)
        for way, keys_found in (
            (
                "in process",
                ttl_expiry._expired_in_process(table.name, str(table.ttl_attribute), keys, now + 7200),
            ),
            (
                "scan",
                ttl_expiry._expired_by_scan(dynamodb, table.name, str(table.ttl_attribute), keys, now + 7200),
            ),
        )
    }
    assert found["in process"] == found["scan"]
    assert json.dumps({k: soon[k] for k in keys}, sort_keys=True) in found["scan"]
    assert json.dumps({k: later[k] for k in keys}, sort_keys=True) not in found["scan"]
    platform.clock.advance(timedelta(hours=2).total_seconds())
    platform.drain()
    assert _present(dynamodb, table.name, keys, [soon, later, never, text]) == [False, True, True, True]


def _present(dynamodb: Any, table: str, keys: list[str], items: list[dict[str, Any]]) -> list[bool]:
    return [
        "Item" in dynamodb.get_item(TableName=table, Key={k: item[k] for k in keys}, ConsistentRead=True)
        for item in items
    ]


def test_an_idempotency_key_lasts_a_day_of_the_platform_clock(platform: Any, new_key: NewKey) -> None:
    """Replays are recognized while the key is kept (its TTL sweep included), then it is new again."""
    platform.clock.set(MORNING)  # years from the real time: expiry on Powertools' own clock would be past
    key = new_key("saaq")
    headers = {**bearer(key), "Idempotency-Key": "inscription-1"}
    body = {"slug": "permis", "name_fr": "Permis", "name_en": "Licence"}
    first = platform.http("POST", "/v1/services", headers=headers, json=body)
    assert first.status == 201, first.json()
    platform.clock.advance(3600)
    platform.drain()  # the TTL sweep runs: the record is not expired on this clock
    replayed = platform.http("POST", "/v1/services", headers=headers, json=body)
    assert (replayed.status, replayed.json()) == (201, first.json())
    platform.clock.advance(25 * 3600)
    platform.drain()
    again = platform.http("POST", "/v1/services", headers=headers, json=body)
    assert again.status == 409  # executed anew: the service exists (not a replay of the 201)


def test_schedules_keep_firing_after_the_clock_goes_back(platform: Any) -> None:
    """`numeriqc clock advance 30d` then `reset`: the every-minute rules are not 30 days away."""
    schedules = next(p for p in platform.triggers.tickers if p.name == "schedules")
    start = platform.clock.now()
    platform.clock.advance(30 * 86400)
    platform.drain()
    platform.clock.set(start + timedelta(seconds=1))
    platform.triggers.run_round()
    due = [when for when in schedules.next_fire.values() if when is not None]
    assert due and max(due) < start + timedelta(days=2)  # every rule due again on the clock's scale
