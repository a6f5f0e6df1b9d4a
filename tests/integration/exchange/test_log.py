"""The signed log through the real wiring: the every-minute signer covers what moved with one
signature, batches land in the Object Lock bucket, verification (API and offline CLI) accepts an
intact range and catches an entry changed in the table."""

import json
from pathlib import Path
from typing import Any

from numeriqc.core import aws
from numeriqc.core.dynamo import from_item, to_item
from numeriqc.exchange import chain
from numeriqc.exchange.chain import Head
from numeriqc_local.cli import main as cli
from tests.support.exchange import exchange_key, grant, messages, publish, register
from tests.support.platform import NewKey, bearer


def verify(platform: Any, key: str, dataset: str, **query: Any) -> dict[str, Any]:
    response = platform.http(
        "GET", "/v1/exchange/log/verify", headers=bearer(key), query={"dataset": dataset, **query}
    )
    assert response.status == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_one_signature_covers_every_chain_that_moved(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq = exchange_key(new_key, "saaq")
    for slug in ("permis", "vehicules", "amendes"):
        register(platform, saaq, slug)
        assert publish(platform, saaq, f"saaq.{slug}", messages(5)).status == 202
    unsigned = verify(platform, saaq, "saaq.permis")
    assert unsigned["valid"] is False and unsigned["signed_through"] == 0 and unsigned["failures"] == []
    platform.tick()
    platform.drain()
    for slug in ("permis", "vehicules", "amendes"):
        report = verify(platform, saaq, f"saaq.{slug}")
        assert report["valid"] is True, report
        assert report["checked"] == 5 and report["signed_through"] == 5
    s3 = aws.client("s3")
    bucket = platform.names["ExchangeLogBucket"]
    (obj,) = s3.list_objects_v2(Bucket=bucket, Prefix="batches/")["Contents"]
    batch = json.loads(s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read())
    assert batch["header"]["heads"] == 3 and len(batch["leaves"]) == 3
    assert (
        s3.get_object_lock_configuration(Bucket=bucket)["ObjectLockConfiguration"]["Rule"][
            "DefaultRetention"
        ]["Mode"]
        == "GOVERNANCE"
    )
    # Nothing moved since: the next minute signs nothing.
    platform.tick()
    platform.drain()
    assert len(s3.list_objects_v2(Bucket=bucket, Prefix="batches/")["Contents"]) == 1


def test_a_changed_entry_is_caught_by_the_api_and_offline(
    platform: Any, new_key: NewKey, service_clock: Any, tmp_path: Path, capsys: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    for start in (0, 10, 20):
        assert publish(platform, saaq, "saaq.permis", messages(10, start=start)).status == 202
    platform.tick()
    platform.drain()
    intact = verify(platform, rq, "saaq.permis", **{"from": 5, "to": 25})
    assert intact["valid"] is True, json.dumps(intact)

    key = platform.http("GET", "/v1/exchange/log/public-key", headers=bearer(rq)).json()
    (tmp_path / "key.pem").write_text(key["pem"])
    proof = platform.http("GET", "/v1/exchange/datasets/saaq.permis/log/proof", headers=bearer(rq)).json()
    (tmp_path / "proof.json").write_text(json.dumps(proof))
    assert (
        cli(["exchange", "verify", str(tmp_path / "proof.json"), "--public-key", str(tmp_path / "key.pem")])
        == 0
    )

    # Someone with write access to the table changes one message, and recomputes its stored hash.
    dynamodb = aws.client("dynamodb")
    table = platform.names["ExchangeTable"]
    items = [from_item(i) for i in dynamodb.scan(TableName=table)["Items"]]
    block = next(item for item in items if item.get("kind") == "block" and item["first_seq"] == 12)
    assert '"permit":"A0013"' in block["texts"][3]
    block["texts"][3] = block["texts"][3].replace('"permit":"A0013"', '"permit":"A9999"')
    forged = chain.extend(Head(11, block["previous_hash"]), block["texts"])
    block["hashes"] = [entry.hash for entry in forged]
    dynamodb.put_item(TableName=table, Item=to_item(block))
    report = verify(platform, rq, "saaq.permis", **{"from": 2, "to": 20})
    assert report["valid"] is False
    # The forged block is self-consistent; the next entry no longer follows from it.
    assert report["failures"] == ["entry 22: its hash does not follow from its text and chain"]
    tampered = platform.http("GET", "/v1/exchange/datasets/saaq.permis/log/proof", headers=bearer(rq)).json()
    (tmp_path / "tampered.json").write_text(json.dumps(tampered))
    capsys.readouterr()
    assert (
        cli(
            ["exchange", "verify", str(tmp_path / "tampered.json"), "--public-key", str(tmp_path / "key.pem")]
        )
        == 1
    )
    assert json.loads(capsys.readouterr().out)["valid"] is False


def test_verification_refuses_a_range_outside_the_log(platform: Any, new_key: NewKey) -> None:
    saaq, ramq = exchange_key(new_key, "saaq"), exchange_key(new_key, "ramq")
    register(platform, saaq, "permis")
    assert publish(platform, saaq, "saaq.permis", messages(3)).status == 202
    beyond = platform.http(
        "GET",
        "/v1/exchange/log/verify",
        headers=bearer(saaq),
        query={"dataset": "saaq.permis", "from": 2, "to": 9},
    )
    assert beyond.status == 422
    assert [e["field"] for e in beyond.json()["errors"]] == ["query.from"]
    zero = platform.http(
        "GET", "/v1/exchange/log/verify", headers=bearer(saaq), query={"dataset": "saaq.permis", "from": 0}
    )
    assert zero.status == 422
    stranger = platform.http(
        "GET", "/v1/exchange/log/verify", headers=bearer(ramq), query={"dataset": "saaq.permis"}
    )
    assert stranger.status == 404
