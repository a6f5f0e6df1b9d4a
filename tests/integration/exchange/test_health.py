"""/health covers what the exchange cannot work without: its table, its keys (tiers and signing),
the log bucket, and the payload bucket (claim checks and producers' files)."""

from typing import Any

from numeriqc.core import aws

EXPECTED = {
    "exchange-table",
    "exchange-log-bucket",
    "exchange-payload-bucket",
    "exchange-signing-key",
    *(f"exchange-{tier}-key" for tier in ("public", "internal", "confidential", "restricted")),
}


def test_health_reports_the_exchange_dependencies(platform: Any) -> None:
    response = platform.http("GET", "/health")
    assert response.status == 200, response.text
    checks = {check["name"]: check["status"] for check in response.json()["checks"]}
    assert {name: checks.get(name) for name in EXPECTED} == dict.fromkeys(EXPECTED, "ok")


def test_an_unreachable_payload_bucket_is_named_and_answers_503(platform: Any) -> None:
    aws.client("s3").delete_bucket(Bucket=platform.names["ExchangePayloadBucket"])
    response = platform.http("GET", "/health")
    assert response.status == 503
    failed = [check["name"] for check in response.json()["checks"] if check["status"] != "ok"]
    assert failed == ["exchange-payload-bucket"]
