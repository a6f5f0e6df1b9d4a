"""The catalogue and deny-by-default grants through the real wiring: what each organization sees,
who may do what, every refusal a problem naming its field, every decision in the log."""

from datetime import timedelta
from typing import Any

from numeriqc.core import aws
from tests.support.exchange import (
    PERMIT_SCHEMA,
    dataset_body,
    exchange_key,
    grant,
    messages,
    publish,
    pull,
    register,
)
from tests.support.platform import NewKey, bearer


def test_the_catalogue_shows_each_organization_what_it_may_see(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq, ramq = (exchange_key(new_key, org) for org in ("saaq", "rq", "ramq"))
    register(platform, saaq, "permis", "confidential")
    register(platform, saaq, "bornes", "public")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200

    def listed(key: str) -> dict[str, Any]:
        response = platform.http("GET", "/v1/exchange/catalogue", headers=bearer(key))
        assert response.status == 200, response.text
        return {item["dataset_id"]: item for item in response.json()["items"]}

    owner_view, consumer_view, other_view = listed(saaq), listed(rq), listed(ramq)
    assert set(owner_view) == {"saaq.permis", "saaq.bornes"}
    assert owner_view["saaq.permis"]["consumers"] == ["rq"]
    assert owner_view["saaq.permis"]["tier"] == "confidential"
    assert owner_view["saaq.permis"]["classification"]["integrity"] == "high"
    assert set(consumer_view) == {"saaq.permis", "saaq.bornes"}
    assert (
        "consumers" not in consumer_view["saaq.permis"] or consumer_view["saaq.permis"]["consumers"] is None
    )
    assert set(other_view) == {"saaq.bornes"}
    # A confidential dataset the caller may not see is exactly like one that does not exist.
    hidden = platform.http("GET", "/v1/exchange/datasets/saaq.permis", headers=bearer(ramq))
    missing = platform.http("GET", "/v1/exchange/datasets/saaq.nothing", headers=bearer(ramq))
    assert hidden.status == missing.status == 404
    assert hidden.json()["title"] == missing.json()["title"]


def test_without_a_grant_messages_are_not_found(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "bornes", "public")  # listed to all, still no messages without a grant
    assert pull(platform, rq, "saaq.bornes").status == 404
    ack = platform.http(
        "POST", "/v1/exchange/datasets/saaq.bornes/messages/ack", headers=bearer(rq), json={"ack_ids": ["x"]}
    )
    assert ack.status == 404
    assert publish(platform, rq, "saaq.bornes", messages(1)).status == 403  # visible, not its own


def test_grant_refusals_name_each_field(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq = exchange_key(new_key, "saaq")
    register(platform, saaq, "permis", "confidential")
    now = service_clock.now()
    below = grant(platform, saaq, "saaq.permis", "rq", now, tier="internal")
    assert below.status == 422
    assert [e["field"] for e in below.json()["errors"]] == ["body.max_tier"]
    past = grant(platform, saaq, "saaq.permis", "rq", now, days=-1)
    assert [e["field"] for e in past.json()["errors"]] == ["body.expires_at"]
    itself = grant(platform, saaq, "saaq.permis", "saaq", now)
    assert [e["field"] for e in itself.json()["errors"]] == ["path.consumer"]
    revoke_none = platform.http("DELETE", "/v1/exchange/datasets/saaq.permis/grants/rq", headers=bearer(saaq))
    assert revoke_none.status == 404
    english = platform.http(
        "PUT",
        "/v1/exchange/datasets/saaq.permis/grants/rq",
        headers=bearer(saaq, "en"),
        json={"expires_at": "not a date", "max_tier": "secret"},
    )
    assert english.status == 422
    assert english.headers["content-language"] == "en"
    assert {e["field"] for e in english.json()["errors"]} == {"body.expires_at", "body.max_tier"}


def test_every_grant_decision_is_in_the_log(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis", "confidential")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    revoked = platform.http("DELETE", "/v1/exchange/datasets/saaq.permis/grants/rq", headers=bearer(saaq))
    assert revoked.status == 200, revoked.text
    assert revoked.json()["status"] == "revoked"
    proof = platform.http("GET", "/v1/exchange/datasets/saaq.permis/log/proof", headers=bearer(saaq))
    decisions = [entry["text"] for entry in proof.json()["entries"]]
    assert len(decisions) == 2
    assert '"decision":"granted"' in decisions[0] and '"decision":"revoked"' in decisions[1]
    # The consumer's queue went with its grant; the past grant still lets it audit the log.
    queues = aws.client("sqs").list_queues().get("QueueUrls") or []
    assert not [url for url in queues if "xchg" in url]
    assert (
        platform.http("GET", "/v1/exchange/datasets/saaq.permis/log/proof", headers=bearer(rq)).status == 200
    )


def test_schema_versions_keep_consumers_working_or_are_declared_breaking(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq = exchange_key(new_key, "saaq")
    register(platform, saaq, "permis")
    path = "/v1/exchange/datasets/saaq.permis/schemas"
    widened = {**PERMIT_SCHEMA, "properties": {**PERMIT_SCHEMA["properties"], "points": {"type": "string"}}}
    refused = platform.http("POST", path, headers=bearer(saaq), json={"schema": widened})
    assert refused.status == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["body.schema.properties.points.type"]
    declared = platform.http("POST", path, headers=bearer(saaq), json={"schema": widened, "breaking": True})
    assert declared.status == 201, declared.text
    assert declared.json()["version"] == 2
    dataset = platform.http("GET", "/v1/exchange/datasets/saaq.permis", headers=bearer(saaq)).json()
    assert dataset["schema_version"] == 2
    first = platform.http("GET", f"{path}/1", headers=bearer(saaq))
    assert first.json()["schema"] == PERMIT_SCHEMA
    # Messages now follow version 2.
    assert (
        publish(platform, saaq, "saaq.permis", [{"data": {"permit": "A0001", "points": "3"}}]).status == 202
    )


def test_registration_refuses_what_is_not_a_dataset(platform: Any, new_key: NewKey) -> None:
    saaq = exchange_key(new_key, "saaq")
    bad = dataset_body(slug="Not A Slug", tier="top-secret", schema={"type": "array"})
    bad["classification"] = {"availability": "medium"}
    response = platform.http("POST", "/v1/exchange/datasets", headers=bearer(saaq), json=bad)
    assert response.status == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"body.slug", "body.tier", "body.classification.integrity"} <= fields
    bad_schema = platform.http(
        "POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body(schema={"type": "array"})
    )
    assert [e["field"] for e in bad_schema.json()["errors"]] == ["body.schema.type"]
    register(platform, saaq, "permis")
    again = platform.http("POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body())
    assert again.status == 409


def test_an_expired_grant_receives_nothing_and_pulls_nothing(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now(), days=1).status == 200
    service_clock.advance(timedelta(days=2).total_seconds())
    assert publish(platform, saaq, "saaq.permis", messages(3)).status == 202
    platform.drain()
    assert pull(platform, rq, "saaq.permis").status == 404
    sqs = aws.client("sqs")
    (queue,) = [url for url in sqs.list_queues()["QueueUrls"] if "xchg" in url and not url.endswith("-dlq")]
    assert "Messages" not in sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10)
