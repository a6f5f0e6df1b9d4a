"""Exports through the real wiring (API -> queue -> worker -> S3 -> presigned URL), and what happens
when events cannot be published (the stream's on-failure queue keeps the records)."""

import csv
import io
import json
from typing import Any
from urllib.parse import urlparse

from numeriqc.core import aws
from tests.support.feedback import org_key, register, submit
from tests.support.platform import NewKey, bearer


def _file(platform: Any, url: str) -> bytes:
    parsed = urlparse(url)
    bucket = platform.names["FeedbackExportsBucket"]
    key = parsed.path.split(f"/{bucket}/", 1)[-1].lstrip("/")
    return aws.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read()  # type: ignore[no-any-return]


def _seed(platform: Any, key: str) -> list[str]:
    register(platform, key)
    register(platform, key, slug="immatriculation")
    receipts = []
    for index in range(6):
        service = "saaq.permis" if index < 4 else "saaq.immatriculation"
        body = {"service_id": service, "rating": index % 5 + 1, "comment": f"=SOMME(A{index}) écrit à a@b.ca"}
        receipts.append(submit(platform, body, ip=f"198.51.100.{index}").json()["receipt_id"])
        platform.clock.advance(1)  # ULIDs of the same millisecond have no order
    return receipts


def test_csv_export_is_queued_streamed_to_s3_and_offered_by_presigned_url(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    receipts = _seed(platform, key)
    created = platform.http(
        "POST", "/v1/feedback/exports", headers=bearer(key), json={"service_id": "saaq.permis"}
    )
    assert created.status == 202, created.text
    location = created.header("location")
    assert platform.http("GET", location, headers=bearer(key)).json()["status"] == "queued"
    platform.drain()
    job = platform.http("GET", location, headers=bearer(key)).json()
    assert job["status"] == "done", job
    assert job["rows"] == 4
    url = job["download_url"]
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=900" in url
    assert platform.names["FeedbackExportsBucket"] in url
    content = _file(platform, url).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"))))
    assert [row["feedback_id"] for row in rows] == receipts[:4]  # oldest first
    assert all(row["comment"].startswith("'=SOMME") and "[courriel]" in row["comment"] for row in rows)
    assert "a@b.ca" not in content
    # Another organization sees no such export.
    assert platform.http("GET", location, headers=bearer(org_key(new_key, "mtq"))).status == 404


def test_json_export_of_the_whole_organization(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    key = org_key(new_key)
    receipts = _seed(platform, key)
    created = platform.http(
        "POST",
        "/v1/feedback/exports",
        headers={**bearer(key), "Idempotency-Key": "export-1"},
        json={"format": "json"},
    )
    replay = platform.http(
        "POST",
        "/v1/feedback/exports",
        headers={**bearer(key), "Idempotency-Key": "export-1"},
        json={"format": "json"},
    )
    assert replay.json()["export_id"] == created.json()["export_id"]
    platform.drain()
    job = platform.http("GET", created.header("location"), headers=bearer(key)).json()
    rows = json.loads(_file(platform, job["download_url"]))
    assert sorted(row["feedback_id"] for row in rows) == sorted(receipts)
    assert job["rows"] == 6


def test_export_of_another_organizations_service_is_refused(platform: Any, new_key: NewKey) -> None:
    key = org_key(new_key, "mtq")
    answer = platform.http(
        "POST", "/v1/feedback/exports", headers=bearer(key), json={"service_id": "saaq.permis"}
    )
    assert answer.status == 404


def test_unpublishable_events_end_in_the_streams_failure_queue_not_lost(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    register(platform, key)
    aws.client("events").delete_event_bus(Name=platform.names["EventBus"])  # EventBridge refuses everything
    receipt = submit(platform, {"service_id": "saaq.permis", "rating": 1}).json()
    platform.drain()
    sqs = aws.client("sqs")
    failures = platform.names["FeedbackStreamFailures"]  # a queue's Ref is its URL
    (message,) = sqs.receive_message(QueueUrl=failures, MaxNumberOfMessages=10)["Messages"]
    assert "DDBStreamBatchInfo" in json.loads(message["Body"])
    # The submission itself was accepted and stays readable.
    assert platform.http("GET", f"/v1/feedback/{receipt['receipt_id']}", headers=bearer(key)).status == 200
