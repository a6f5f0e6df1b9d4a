"""Payloads over 200 KB travel as claim checks: data in S3 under the tier's key, `dataref` on the
event, read through a presigned URL while the grant is current, and covered by the hash chain."""

import hashlib
import json
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from numeriqc.core import aws
from tests.support.exchange import (
    dataset_body,
    exchange_key,
    grant,
    messages,
    publish,
    pull,
    pull_all,
    register,
)
from tests.support.platform import NewKey, bearer

LOOSE = {"schema": {"type": "object"}, "breaking": True}


def _loosen(platform: Any, key: str, dataset_id: str) -> None:
    response = platform.http(
        "POST", f"/v1/exchange/datasets/{dataset_id}/schemas", headers=bearer(key), json=LOOSE
    )
    assert response.status == 201, response.text


def _fetch(platform: Any, url: str) -> Any:
    """The object a presigned URL names, read from the local S3 (moto does not check signatures: in
    AWS, S3 checks it and its expiry)."""
    parts = urlsplit(url)
    bucket = platform.names["ExchangePayloadBucket"]
    query = parse_qs(parts.query)
    assert "X-Amz-Signature" in query and query["X-Amz-Expires"] == ["300"]
    if parts.netloc.startswith(f"{bucket}."):
        key = parts.path.lstrip("/")
    else:
        assert parts.path.startswith(f"/{bucket}/")
        key = parts.path[len(bucket) + 2 :]
    body = aws.client("s3").get_object(Bucket=bucket, Key=unquote(key))["Body"].read()
    return json.loads(body)


def test_a_large_message_travels_as_a_claim_check(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis", "restricted")
    _loosen(platform, saaq, "saaq.permis")
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    big = {"blob": "é" * 150_000, "n": 1}
    response = publish(platform, saaq, "saaq.permis", [*messages(1), {"data": big}])
    assert response.status == 202, response.text
    large_id = response.json()["ids"][1]
    platform.drain()
    items = pull_all(platform, rq, "saaq.permis")
    assert [item["event"]["id"] for item in items] == response.json()["ids"]
    small, large = items
    assert small["data_url"] is None and "dataref" not in small["event"]
    event = large["event"]
    assert "data" not in event
    assert event["dataref"] == f"/v1/exchange/datasets/saaq.permis/payloads/{large_id}"
    body = json.dumps(big, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    assert event["datadigest"] == "sha256:" + hashlib.sha256(body).hexdigest()
    assert _fetch(platform, large["data_url"]) == big
    # Stored under the restricted tier's key.
    s3 = aws.client("s3")
    bucket = platform.names["ExchangePayloadBucket"]
    head = s3.head_object(Bucket=bucket, Key=f"payloads/saaq.permis/{large_id}.json")
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"].endswith(platform.names["ExchangeRestrictedKey"].split("/")[-1])
    link = platform.http("GET", event["dataref"], headers=bearer(rq))
    assert link.status == 200, link.text
    assert _fetch(platform, link.json()["url"]) == big
    # Revoked: the claim check is no longer readable through us.
    revoked = platform.http("DELETE", "/v1/exchange/datasets/saaq.permis/grants/rq", headers=bearer(saaq))
    assert revoked.status == 200
    assert platform.http("GET", event["dataref"], headers=bearer(rq)).status == 404
    assert platform.http("GET", event["dataref"], headers=bearer(saaq)).status == 200  # the owner
    stranger = exchange_key(new_key, "ramq")
    assert platform.http("GET", event["dataref"], headers=bearer(stranger)).status == 404
    unknown = event["dataref"][:-1] + ("0" if event["dataref"][-1] != "0" else "1")
    assert platform.http("GET", unknown, headers=bearer(saaq)).status == 404
    assert pull(platform, rq, "saaq.permis").status == 404


def test_a_refused_batch_leaves_no_payload(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq = exchange_key(new_key, "saaq")
    register(platform, saaq, "permis")
    _loosen(platform, saaq, "saaq.permis")
    over = [
        {"data": {"blob": "x" * 190_000}},
        {"data": {"blob": "y" * 190_000}},
        {"data": {"blob": "z" * 190_000}},
    ]
    small_rows = [{"data": {"blob": "w" * 4_000}} for _ in range(97)]
    response = publish(platform, saaq, "saaq.permis", [*over, *small_rows[:97]])
    assert response.status == 413, response.text
    bucket = platform.names["ExchangePayloadBucket"]
    assert aws.client("s3").list_objects_v2(Bucket=bucket).get("KeyCount", 0) == 0


def test_replay_as_a_file_fetches_claim_checked_data(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq = exchange_key(new_key, "saaq")
    schema = {"type": "object", "properties": {"permit": {"type": "string"}, "blob": {"type": "string"}}}
    layout = {"format": "csv", "encoding": "utf-8", "fields": [{"name": "permit"}, {"name": "blob"}]}
    body = dataset_body("notes", "internal", schema=schema, layout=layout)
    created = platform.http("POST", "/v1/exchange/datasets", headers=bearer(saaq), json=body)
    assert created.status == 201, created.text
    start = service_clock.now()
    batch = [{"data": {"permit": "A0001", "blob": "b" * 210_000}}, {"data": {"permit": "A0002", "blob": "c"}}]
    assert publish(platform, saaq, "saaq.notes", batch).status == 202
    query = {"from": start.isoformat(), "to": service_clock.advance(60).isoformat()}
    replayed = platform.http(
        "GET", "/v1/exchange/datasets/saaq.notes/replay", headers=bearer(saaq), query=query
    )
    assert replayed.status == 200, replayed.text
    first, second = (item["event"] for item in replayed.json()["items"])
    assert "data" not in first and first["datasize"] > 210_000 and second["data"]["blob"] == "c"
    response = platform.http(
        "GET", "/v1/exchange/datasets/saaq.notes/replay/file", headers=bearer(saaq), query=query
    )
    assert response.status == 200, response.text
    assert response.content.splitlines() == [b"permit,blob", f"A0001,{'b' * 210_000}".encode(), b"A0002,c"]
