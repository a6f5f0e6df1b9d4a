"""What `numeriqc dev` keeps across restarts: a seed, and a snapshot of the user's state.

* `.numeriqc/seed.json` (kept until `make clean`): the values that make every start look the same
  to scripts: every template secret (the pepper that API keys are hashed under), the KMS keys'
  material (what contact details were encrypted under) and the demo organization's live and test
  keys (`demo.py`). Written at the first start, read at every later one.
* `.numeriqc/state/snapshot.json.gz` (written on stop, read on start; `numeriqc dev --clean`
  ignores and deletes it): every DynamoDB item of the template's tables, every object of its
  buckets, and the outbox (the mail and SMS already sent).

Items are written straight into moto's tables (moto runs in this process) with their stream shard
set aside, so a restored item is not announced to stream consumers a second time. Queue contents in
flight are not kept: stop the platform once the triggers are quiet (`POST /_local/drain`) to keep
everything.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..account import ACCOUNT_ID, REGION
from ..aws.outbox import OutboxMessage
from ..aws.serialized import EMULATOR_LOCK
from ..runtime import LocalRuntime

log = logging.getLogger("numeriqc_local")

SNAPSHOT_VERSION = 1


def seed_path(home: Path) -> Path:
    """`home` is the directory of `.numeriqc/dev.env` (`.numeriqc/` unless NUMERIQC_DEV_ENV moves it)."""
    return home / "seed.json"


def snapshot_path(home: Path) -> Path:
    return home / "state" / "snapshot.json.gz"


def read_seed(home: Path) -> dict[str, Any]:
    path = seed_path(home)
    return json.loads(path.read_text()) if path.is_file() else {}


def write_seed(home: Path, seed: dict[str, Any]) -> None:
    path = seed_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(seed, indent=2, sort_keys=True) + "\n")
    os.chmod(temporary, 0o600)  # it holds keys, even if only local ones
    temporary.replace(path)


def clean(home: Path) -> bool:
    """Forget the snapshot (the seed stays: the demo keys do not change). Answers whether one existed."""
    path = snapshot_path(home)
    existed = path.is_file()
    path.unlink(missing_ok=True)
    return existed


# -- the seed -------------------------------------------------------------------------------------


def apply_seed(runtime: LocalRuntime, seed: dict[str, Any]) -> dict[str, Any]:
    """Give the fresh resources the seed's secrets and key material; record what the seed lacks.

    Answers the seed, completed (the caller writes it when it changed).
    """
    secrets = seed.setdefault("secrets", {})
    client = runtime.clients("secretsmanager")
    for name in _secret_names(runtime):
        if name in secrets:
            client.put_secret_value(SecretId=name, SecretString=secrets[name])
        else:
            secrets[name] = client.get_secret_value(SecretId=name)["SecretString"]
    material = seed.setdefault("kms", {})
    with EMULATOR_LOCK:
        for key_id, key in _kms_keys().items():
            if key_id in material:
                key.key_material = base64.b64decode(material[key_id])
            else:
                material[key_id] = base64.b64encode(key.key_material).decode()
    return seed


def _secret_names(runtime: LocalRuntime) -> list[str]:
    return [
        item.name for item in runtime.wiring.others.values() if item.type == "AWS::SecretsManager::Secret"
    ]


def _kms_keys() -> dict[str, Any]:
    from moto.kms.models import kms_backends

    return dict(kms_backends[ACCOUNT_ID][REGION].keys)


# -- the snapshot ---------------------------------------------------------------------------------


def snapshot(runtime: LocalRuntime, path: Path) -> dict[str, int]:
    """Write the tables, buckets and outbox to `path`; answers counts per kind."""
    with EMULATOR_LOCK:
        tables = {
            name: [item.to_json()["Attributes"] for item in table.all_items()]
            for name, table in _tables(runtime).items()
        }
        outbox = [asdict(message) for message in runtime.outbox()]
    objects = _bucket_objects(runtime)
    state = {"version": SNAPSHOT_VERSION, "tables": tables, "objects": objects, "outbox": outbox}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with gzip.open(temporary, "wt", compresslevel=3) as output:
        json.dump(state, output, separators=(",", ":"))
    temporary.replace(path)
    return {
        "items": sum(len(items) for items in tables.values()),
        "objects": sum(len(items) for items in objects.values()),
        "messages": len(outbox),
    }


def restore(runtime: LocalRuntime, path: Path) -> dict[str, int]:
    """Load a snapshot into the fresh resources (nothing reaches the streams); answers counts."""
    if not path.is_file():
        return {}
    with gzip.open(path, "rt") as source:
        state = json.load(source)
    if state.get("version") != SNAPSHOT_VERSION:
        log.warning("%s: snapshot version %s is not %s; starting clean", path, state.get("version"), 1)
        return {}
    items = 0
    with EMULATOR_LOCK:
        tables = _tables(runtime)
        for name, rows in state["tables"].items():
            table = tables.get(name)
            if table is None:
                log.warning("snapshot: table %s is no longer in the template; its items are dropped", name)
                continue
            shard, table.stream_shard = table.stream_shard, None
            try:
                for row in rows:
                    table.put_item(row)
                    items += 1
            finally:
                table.stream_shard = shard
    s3 = runtime.clients("s3")
    objects = 0
    for bucket, entries in state["objects"].items():
        for key, body in entries.items():
            s3.put_object(Bucket=bucket, Key=key, Body=base64.b64decode(body))
            objects += 1
    runtime.restored_outbox = [OutboxMessage(**message) for message in state["outbox"]]
    return {"items": items, "objects": objects, "messages": len(runtime.restored_outbox)}


def _tables(runtime: LocalRuntime) -> dict[str, Any]:
    from moto.dynamodb.models import dynamodb_backends

    backend = dynamodb_backends[ACCOUNT_ID][REGION]
    names = {table.name for table in runtime.wiring.tables.values()}
    return {name: table for name, table in backend.tables.items() if name in names}


def _bucket_objects(runtime: LocalRuntime) -> dict[str, dict[str, str]]:
    s3 = runtime.clients("s3")
    buckets: dict[str, dict[str, str]] = {}
    for item in runtime.wiring.others.values():
        if item.type != "AWS::S3::Bucket":
            continue
        entries: dict[str, str] = {}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=item.name):
            for entry in page.get("Contents") or []:
                body = s3.get_object(Bucket=item.name, Key=entry["Key"])["Body"].read()
                entries[entry["Key"]] = base64.b64encode(body).decode()
        buckets[item.name] = entries
    return buckets
