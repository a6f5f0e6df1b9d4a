"""What `numeriqc dev` keeps across a restart: the seed (secrets, key material, demo keys) and the
snapshot (tables, buckets, outbox), restored without announcing anything to stream consumers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from moto.dynamodb.models import dynamodb_backends
from moto.s3.models import s3_backends
from moto.sns.models import sns_backends

from numeriqc_local.account import ACCOUNT_ID, REGION
from numeriqc_local.dev import demo, state
from numeriqc_local.runtime import LocalRuntime
from tests.support.platform import bearer


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NUMERIQC_DEV_ENV", str(tmp_path / "dev.env"))
    return tmp_path


def _forget_everything(runtime: LocalRuntime) -> None:
    """What a restart leaves: the same resources, empty (the stream shards too)."""
    tables = dynamodb_backends[ACCOUNT_ID][REGION].tables
    for table in runtime.wiring.tables.values():
        tables[table.name].items.clear()
    for bucket in s3_backends[ACCOUNT_ID]["global"].buckets.values():
        bucket.keys.clear()
    sns_backends[ACCOUNT_ID][REGION].sms_messages.clear()


def _shard_lengths(runtime: LocalRuntime) -> dict[str, int]:
    tables = dynamodb_backends[ACCOUNT_ID][REGION].tables
    return {
        table.name: len(tables[table.name].stream_shard.items)
        for table in runtime.wiring.tables.values()
        if tables[table.name].stream_shard is not None
    }


def _scan(runtime: LocalRuntime, logical_id: str) -> list[dict[str, Any]]:
    client = runtime.clients("dynamodb")
    items = client.scan(TableName=runtime.names[logical_id])["Items"]
    return sorted(items, key=repr)


def test_the_demo_organization_and_its_keys_are_the_same_on_every_start(
    platform: LocalRuntime, home: Path
) -> None:
    state.write_seed(home, state.apply_seed(platform, state.read_seed(home)))
    _, variables = demo.bootstrap(platform)
    _forget_everything(platform)  # a clean start: nothing of the first run is left but the seed
    _, variables_again = demo.bootstrap(platform)

    assert variables_again == variables
    key = variables["NUMERIQC_DEMO_LIVE_KEY"]
    services = platform.http("GET", "/v1/services", headers=bearer(key))
    assert services.status == 200
    assert [item["service_id"] for item in services.json()["items"]] == ["demo.permis"]
    assert (
        platform.http("GET", "/v1/services", headers=bearer(variables["NUMERIQC_DEMO_TEST_KEY"])).status
        == 200
    )
    assert state.read_seed(home)["demo"]["live"]["key"] == key


def test_the_seed_gives_fresh_resources_the_same_secrets_and_key_material(
    platform: LocalRuntime, home: Path
) -> None:
    seed = state.apply_seed(platform, {})
    secrets = platform.clients("secretsmanager")
    name = next(iter(seed["secrets"]))
    secrets.put_secret_value(SecretId=name, SecretString="what a fresh start generates")
    kms = platform.clients("kms")
    key_id = next(iter(seed["kms"]))
    sealed = kms.encrypt(KeyId=key_id, Plaintext=b"418-555-0142")["CiphertextBlob"]

    state.apply_seed(platform, seed)

    assert secrets.get_secret_value(SecretId=name)["SecretString"] == seed["secrets"][name]
    assert kms.decrypt(CiphertextBlob=sealed)["Plaintext"] == b"418-555-0142"


def test_a_snapshot_restores_tables_buckets_and_outbox_without_streaming_them_again(
    platform: LocalRuntime, home: Path
) -> None:
    state.write_seed(home, state.apply_seed(platform, state.read_seed(home)))
    _, variables = demo.bootstrap(platform)
    key = variables["NUMERIQC_DEMO_LIVE_KEY"]
    answer = platform.http(
        "POST",
        "/v1/feedback",
        json={"service_id": "demo.permis", "rating": 4, "language": "fr", "channel": "web"},
    )
    assert answer.status == 201, answer.text
    platform.drain()
    bucket = next(item.name for item in platform.wiring.others.values() if item.type == "AWS::S3::Bucket")
    platform.clients("s3").put_object(Bucket=bucket, Key="jobs/a.jsonl", Body=b"\x00binary\xff")
    platform.clients("sns").publish(PhoneNumber="+15145550100", Message="Bonjour")
    before = {logical_id: _scan(platform, logical_id) for logical_id in platform.wiring.tables}
    path = state.snapshot_path(home)

    counts = state.snapshot(platform, path)
    _forget_everything(platform)
    platform.restored_outbox = []
    streamed = _shard_lengths(platform)
    restored = state.restore(platform, path)

    assert restored["items"] == counts["items"] == sum(len(items) for items in before.values())
    assert {logical_id: _scan(platform, logical_id) for logical_id in platform.wiring.tables} == before
    assert (
        platform.clients("s3").get_object(Bucket=bucket, Key="jobs/a.jsonl")["Body"].read()
        == b"\x00binary\xff"
    )
    assert _shard_lengths(platform) == streamed  # nothing restored reached a stream
    assert platform.drain() == 0
    assert [message.body for message in platform.outbox() if message.kind == "sms"] == ["Bonjour"]
    inbox = platform.http("GET", "/v1/feedback", headers=bearer(key), query={"service_id": "demo.permis"})
    assert inbox.status == 200 and len(inbox.json()["items"]) == 1


def test_a_clean_start_forgets_the_snapshot_but_not_the_seed(platform: LocalRuntime, home: Path) -> None:
    state.write_seed(home, state.apply_seed(platform, {}))
    state.snapshot(platform, state.snapshot_path(home))

    assert state.clean(home) is True
    assert not state.snapshot_path(home).exists()
    assert state.restore(platform, state.snapshot_path(home)) == {}
    assert state.read_seed(home)["secrets"]
    assert state.clean(home) is False
