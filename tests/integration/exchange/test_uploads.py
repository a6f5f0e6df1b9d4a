"""Publishing by file: a presigned PUT into the owner's upload area, then 'complete': valid rows are
published through the API's path (same log, same delivery), refused rows are named and never sent."""

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from numeriqc.core import aws
from tests.support.exchange import dataset_body, exchange_key, grant, pull_all, register
from tests.support.platform import NewKey, bearer

LAYOUT = {
    "format": "csv",
    "encoding": "cp1252",
    "header": True,
    "fields": [{"name": "permit"}, {"name": "points", "type": "integer"}],
}


def _put(platform: Any, ticket: dict[str, Any], content: bytes) -> None:
    """PUT the file where the ticket says (moto does not check presigned signatures; S3 does)."""
    bucket = platform.names["ExchangePayloadBucket"]
    parts = urlsplit(ticket["url"])
    query = parse_qs(parts.query)
    assert "X-Amz-Signature" in query and query["X-Amz-Expires"] == ["900"]
    path = parts.path.lstrip("/")
    key = path if parts.netloc.startswith(f"{bucket}.") else path.split("/", 1)[1]
    assert unquote(key).startswith("uploads/")
    assert ticket["headers"]["x-amz-server-side-encryption"] == "aws:kms"
    aws.client("s3").put_object(
        Bucket=bucket,
        Key=unquote(key),
        Body=content,
        ServerSideEncryption="aws:kms",
        SSEKMSKeyId=ticket["headers"]["x-amz-server-side-encryption-aws-kms-key-id"],
    )


def _ticket(platform: Any, key: str, dataset_id: str) -> Any:
    return platform.http("POST", f"/v1/exchange/datasets/{dataset_id}/uploads", headers=bearer(key))


def test_a_file_publishes_its_valid_rows_and_names_the_others(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    created = platform.http(
        "POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body(layout=LAYOUT)
    )
    assert created.status == 201, created.text
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    assert _ticket(platform, rq, "saaq.permis").status == 403  # only the owner drops files
    response = _ticket(platform, saaq, "saaq.permis")
    assert response.status == 201, response.text
    ticket = response.json()
    assert ticket["format"] == "csv" and ticket["method"] == "PUT"
    _put(
        platform,
        ticket,
        "permit,points\r\nA0001,3\r\nA0002,beaucoup\r\nbad,1\r\nA0004,=1+1\r\nA0005,5\r\n".encode("cp1252"),
    )
    path = f"/v1/exchange/datasets/saaq.permis/uploads/{ticket['upload_id']}"
    done = platform.http("POST", f"{path}/complete", headers={**bearer(saaq), "Accept-Language": "en"})
    assert done.status == 200, done.text
    report = done.json()
    assert (report["status"], report["rows"], report["published"], report["refused"]) == (
        "published",
        5,
        2,
        3,
    )
    assert sorted(e["field"] for e in report["errors"]) == [
        "rows[3].points",
        "rows[4].permit",
        "rows[5].points",
    ]
    assert all(isinstance(e["detail"], str) for e in report["errors"])
    platform.drain()
    received = pull_all(platform, rq, "saaq.permis")
    assert [item["event"]["data"] for item in received] == [
        {"permit": "A0001", "points": 3},
        {"permit": "A0005", "points": 5},
    ]
    # Completed again: the same report, nothing published twice.
    again = platform.http("POST", f"{path}/complete", headers=bearer(saaq))
    assert again.status == 200 and again.json()["published"] == 2
    platform.drain()
    assert pull_all(platform, rq, "saaq.permis") == []
    read = platform.http("GET", path, headers=bearer(saaq))
    assert read.status == 200 and read.json()["refused"] == 3
    assert platform.http("GET", path, headers=bearer(rq)).status == 403


def test_an_unreadable_file_publishes_nothing(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    created = platform.http(
        "POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body(layout=LAYOUT)
    )
    assert created.status == 201, created.text
    assert grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    ticket = _ticket(platform, saaq, "saaq.permis").json()
    path = f"/v1/exchange/datasets/saaq.permis/uploads/{ticket['upload_id']}"
    assert (
        platform.http("POST", f"{path}/complete", headers=bearer(saaq)).status == 404
    )  # nothing dropped yet
    _put(platform, ticket, b"numero,points\r\nA0001,3\r\n")  # wrong header
    refused = platform.http("POST", f"{path}/complete", headers=bearer(saaq))
    assert refused.status == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["rows[1]"]
    register(platform, saaq, "bornes")  # no layout: JSON lines
    lines_ticket = _ticket(platform, saaq, "saaq.bornes").json()
    assert lines_ticket["format"] == "jsonl"
    bad = "\n".join(['{"permit": "nope", "points": -1}'] * 60).encode()
    _put(platform, lines_ticket, bad)
    lines_path = f"/v1/exchange/datasets/saaq.bornes/uploads/{lines_ticket['upload_id']}"
    too_many = platform.http("POST", f"{lines_path}/complete", headers=bearer(saaq))
    assert too_many.status == 422
    assert too_many.json()["errors"][0]["field"] == "file"
    platform.drain()
    assert pull_all(platform, rq, "saaq.permis") == []
