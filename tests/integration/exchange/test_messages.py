"""Publish, deliver, pull and acknowledge through the real wiring (API -> log -> stream -> queues):
a rejected batch reaches no one, an accepted one reaches every current grantee once per publish,
revocation is effective on the next message, replay stays within the grant's periods."""

from datetime import timedelta
from typing import Any

from numeriqc.core import aws
from tests.support.exchange import (
    dataset_body,
    exchange_key,
    grant,
    listen,
    messages,
    publish,
    pull,
    pull_all,
    received,
    register,
)
from tests.support.platform import NewKey, bearer


def test_a_batch_reaches_every_current_grantee_as_cloud_events(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq, ramq = (exchange_key(new_key, org) for org in ("saaq", "rq", "ramq"))
    register(platform, saaq, "permis", "confidential")
    for consumer in ("rq", "ramq"):
        assert grant(platform, saaq, "saaq.permis", consumer, service_clock.now()).status == 200
    response = publish(platform, saaq, "saaq.permis", messages(100))
    assert response.status == 202, response.text
    published = response.json()
    assert len(published["ids"]) == 100
    assert published["last_seq"] - published["first_seq"] == 99
    platform.drain()
    for key in (rq, ramq):
        received = pull_all(platform, key, "saaq.permis")
        assert [item["event"]["id"] for item in received] == published["ids"]
        first = received[0]["event"]
        assert first["type"] == "ca.qc.numeriqc.exchange.message.v1"
        assert first["dataclassification"] == "confidential"
        assert first["datasetid"] == "saaq.permis"
        assert first["dataschema"] == "/v1/exchange/datasets/saaq.permis/schemas/1"
        assert [item["event"]["data"]["permit"] for item in received[:2]] == ["A0000", "A0001"]
        assert pull_all(platform, key, "saaq.permis") == []  # acknowledged: gone


def test_a_faulty_batch_is_refused_whole_naming_rows_and_fields(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    batch = messages(5)
    batch[1]["data"]["points"] = "beaucoup"
    batch[3]["data"] = {"permit": "nope", "points": 1, "extra": True}
    response = publish(platform, saaq, "saaq.permis", batch)
    assert response.status == 422
    assert sorted(e["field"] for e in response.json()["errors"]) == [
        "body.messages[1].data.points",
        "body.messages[3].data.extra",
        "body.messages[3].data.permit",
    ]
    too_many = publish(platform, saaq, "saaq.permis", messages(101))
    assert too_many.status == 422
    assert [e["field"] for e in too_many.json()["errors"]] == ["body.messages"]
    platform.drain()
    assert pull_all(platform, rq, "saaq.permis") == []
    log = platform.http("GET", "/v1/exchange/datasets/saaq.permis/log/proof", headers=bearer(saaq)).json()
    assert all('"decision"' in entry["text"] for entry in log["entries"])  # the grant only


def test_an_oversized_batch_is_refused_by_row(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq = exchange_key(new_key, "saaq")
    register(platform, saaq, "permis")
    big = {"data": {"permit": "A0001", "points": 1}}
    schema_ok = [*messages(2), big]
    schema_ok[2]["subject"] = "x" * 150
    assert publish(platform, saaq, "saaq.permis", schema_ok).status == 202
    loose = platform.http(
        "POST",
        "/v1/exchange/datasets/saaq.permis/schemas",
        headers=bearer(saaq),
        json={"schema": {"type": "object"}, "breaking": True},
    )
    assert loose.status == 201
    # A message over 200 KB travels by claim check (test_claim_checks.py); a batch over 350 KB is refused
    # from the message that takes it past, in one language.
    wide = [{"data": {"blob": "é" * 2_000}} for _ in range(100)]
    response = publish(platform, saaq, "saaq.permis", wide, **{"Accept-Language": "en"})
    assert response.status == 413
    assert [e["field"] for e in response.json()["errors"]] == ["body.messages[79]"]
    assert "octets" not in response.text


def test_the_same_idempotency_key_publishes_once(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    first = publish(platform, saaq, "saaq.permis", messages(3), **{"Idempotency-Key": "lot-1"})
    again = publish(platform, saaq, "saaq.permis", messages(3), **{"Idempotency-Key": "lot-1"})
    assert first.status == again.status == 202
    assert first.json() == again.json()
    platform.drain()
    assert len(pull_all(platform, rq, "saaq.permis")) == 3


def test_revocation_is_effective_on_the_next_message(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    assert publish(platform, saaq, "saaq.permis", messages(2)).status == 202
    platform.drain()
    assert len(pull_all(platform, rq, "saaq.permis")) == 2
    assert (
        platform.http("DELETE", "/v1/exchange/datasets/saaq.permis/grants/rq", headers=bearer(saaq)).status
        == 200
    )
    assert publish(platform, saaq, "saaq.permis", messages(2, start=2)).status == 202
    platform.drain()
    assert pull(platform, rq, "saaq.permis").status == 404
    # Granted again: a new queue, and only what is published from now on.
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    assert publish(platform, saaq, "saaq.permis", messages(1, start=9)).status == 202
    platform.drain()
    assert [item["event"]["data"]["permit"] for item in pull_all(platform, rq, "saaq.permis")] == ["A0009"]


def test_replay_covers_only_the_grant_periods_and_the_retention(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    start = service_clock.now()
    assert publish(platform, saaq, "saaq.permis", messages(1, start=0)).status == 202  # before the grant
    service_clock.advance(60)
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    service_clock.advance(60)
    assert publish(platform, saaq, "saaq.permis", messages(2, start=1)).status == 202  # during
    service_clock.advance(60)
    assert (
        platform.http("DELETE", "/v1/exchange/datasets/saaq.permis/grants/rq", headers=bearer(saaq)).status
        == 200
    )
    service_clock.advance(60)
    assert publish(platform, saaq, "saaq.permis", messages(1, start=3)).status == 202  # after
    end = service_clock.advance(60)
    query = {"from": start.isoformat(), "to": end.isoformat()}
    consumer = platform.http(
        "GET", "/v1/exchange/datasets/saaq.permis/replay", headers=bearer(rq), query=query
    )
    assert consumer.status == 200, consumer.text
    assert [item["event"]["data"]["permit"] for item in consumer.json()["items"]] == ["A0001", "A0002"]
    owner = platform.http(
        "GET", "/v1/exchange/datasets/saaq.permis/replay", headers=bearer(saaq), query=query
    )
    assert len(owner.json()["items"]) == 4
    stranger = platform.http(
        "GET",
        "/v1/exchange/datasets/saaq.permis/replay",
        headers=bearer(exchange_key(new_key, "ramq")),
        query=query,
    )
    assert stranger.status == 404
    old = {"from": (start - timedelta(days=400)).isoformat(), "to": end.isoformat()}
    beyond = platform.http("GET", "/v1/exchange/datasets/saaq.permis/replay", headers=bearer(rq), query=old)
    assert beyond.status == 422
    assert [e["field"] for e in beyond.json()["errors"]] == ["query.from"]


def test_operational_figures_count_publishes_and_deliveries(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq = exchange_key(new_key, "saaq")
    register(platform, saaq, "permis")
    for consumer in ("rq", "ramq"):
        exchange_key(new_key, consumer)
        assert grant(platform, saaq, "saaq.permis", consumer, service_clock.now()).status == 200
    assert publish(platform, saaq, "saaq.permis", messages(10)).status == 202
    platform.drain()
    day = service_clock.now().date().isoformat()
    stats = platform.http(
        "GET",
        "/v1/exchange/datasets/saaq.permis/stats",
        headers=bearer(saaq),
        query={"since": day, "until": day},
    )
    assert stats.status == 200, stats.text
    (row,) = stats.json()["items"]
    assert row["published"] == 12  # ten messages and two grant decisions
    assert row["delivered"] == 20
    assert row["failures"] == 0
    assert row["bytes"] > 0
    sqs = aws.client("sqs")
    assert len([url for url in sqs.list_queues()["QueueUrls"] if url.endswith("-dlq")]) == 2


def test_a_dataset_with_a_layout_replays_as_its_legacy_file(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq = exchange_key(new_key, "saaq")
    layout = {
        "format": "fixed",
        "encoding": "cp1252",
        "fields": [
            {"name": "permit", "start": 0, "width": 5},
            {"name": "points", "type": "integer", "start": 5, "width": 3},
        ],
    }
    wrong = {**layout, "fields": [*layout["fields"], {"name": "nom", "start": 8, "width": 4}]}
    refused = platform.http(
        "POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body(layout=wrong)
    )
    assert refused.status == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["body.layout.fields[2].name"]
    overlapping = {**layout, "fields": [{**layout["fields"][0], "width": 7}, layout["fields"][1]]}
    malformed = platform.http(
        "POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body(layout=overlapping)
    )
    assert malformed.status == 422
    assert [e["field"] for e in malformed.json()["errors"]] == ["body.layout"]
    created = platform.http(
        "POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body(layout=layout)
    )
    assert created.status == 201, created.text
    start = service_clock.now()
    assert publish(platform, saaq, "saaq.permis", messages(2, start=7)).status == 202
    query = {"from": start.isoformat(), "to": service_clock.advance(60).isoformat()}
    response = platform.http(
        "GET", "/v1/exchange/datasets/saaq.permis/replay/file", headers=bearer(saaq), query=query
    )
    assert response.status == 200, response.text
    assert response.headers["content-type"] == "text/plain; charset=cp1252"
    assert response.content == b"A0007  7\r\nA0008  8\r\n"
    register(platform, saaq, "bornes")  # no layout
    none = platform.http(
        "GET", "/v1/exchange/datasets/saaq.bornes/replay/file", headers=bearer(saaq), query=query
    )
    assert none.status == 422
    assert [e["field"] for e in none.json()["errors"]] == ["path.dataset_id"]


def test_grants_and_deliveries_are_announced_to_whom_they_concern(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    owner_events, consumer_events = listen(platform, saaq, "saaq-events"), listen(platform, rq, "rq-events")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    assert publish(platform, saaq, "saaq.permis", messages(3)).status == 202
    platform.drain()
    owner = received(owner_events)
    assert [event["type"] for event in owner] == ["ca.qc.numeriqc.exchange.grant.changed.v1"]
    assert owner[0]["data"] == {
        "dataset_id": "saaq.permis",
        "consumer": "rq",
        "decision": "granted",
        "max_tier": "restricted",
        "expires_at": owner[0]["data"]["expires_at"],
    }
    (delivered,) = received(consumer_events)
    assert delivered["type"] == "ca.qc.numeriqc.exchange.message.delivered.v1"
    assert delivered["orgid"] == "rq"
    assert delivered["data"] == {
        "dataset_id": "saaq.permis",
        "consumer": "rq",
        "count": 3,
        "first_seq": 2,
        "last_seq": 4,
    }
