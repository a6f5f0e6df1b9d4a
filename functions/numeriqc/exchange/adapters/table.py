"""The only module that knows the exchange table's layout: every key and index key is built here.

pk                  sk                  item
DS#<dataset_id>     #PROFILE            the dataset (owner, names, classification, tier, schema version)
DS#<dataset_id>     SCHEMA#<000001>     one schema version
DS#<dataset_id>     GRANT#<consumer>    a grant, current or past (its periods), and its queue URL
LOG#<dataset_id>    B#<first seq>       a block: the entries one append wrote (texts and hashes)
LOG#<dataset_id>    R#<seq>             a receipt: the signed batch that covers the chain at seq
MOVED#<shard>       <dataset_id>        a chain head that moved since the last signed batch
SIGNING             LAST                the last signed batch (its header hash chains the batches)
UP#<dataset_id>     <upload id>         a file upload's report (claimed before its first row is published)
STATS#<dataset_id>  D#<day>             counters of a day: published, bytes, delivered, failures, latency

Index ByKey1 (gsi1pk, gsi1sk): CATALOGUE / <dataset_id> lists the catalogue without a Scan;
LOGTIME#<dataset_id> / <time>#<first seq> finds a dataset's blocks by time (replay).
Index ByKey2 (gsi2pk, gsi2sk): CONSUMER#<org> / <dataset_id>: the grants an organization holds.

The chain head is the newest block. An append is ONE TransactWriteItems: the block is put under
the condition that its key does not exist (two publishers who read the same head compute the same
key, so one of them fails and retries: a dataset's appends serialize on its own partition only),
with its moved-head marker and its day's counters. Moved heads are spread over `SHARDS` partitions
so that no single key is written by every publisher of the platform.
"""

import base64
import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from numeriqc.core.dynamo import SingleTable, from_item, to_item
from numeriqc.exchange.chain import Entry, Head, Receipt
from numeriqc.exchange.ports import AlreadyExists, HeadMoved, NotActive, StaleVersion

PROFILE = "#PROFILE"
BY_KEY1 = "ByKey1"
BY_KEY2 = "ByKey2"
CATALOGUE = "CATALOGUE"
SHARDS = 16
SEQ_WIDTH = 12


def dataset_pk(dataset_id: str) -> str:
    return f"DS#{dataset_id}"


def schema_sk(version: int) -> str:
    return f"SCHEMA#{version:06d}"


def grant_sk(consumer: str) -> str:
    return f"GRANT#{consumer}"


def consumer_pk(consumer: str) -> str:
    return f"CONSUMER#{consumer}"


def log_pk(dataset_id: str) -> str:
    return f"LOG#{dataset_id}"


def block_sk(first_seq: int) -> str:
    return f"B#{first_seq:0{SEQ_WIDTH}d}"


def receipt_sk(seq: int) -> str:
    return f"R#{seq:0{SEQ_WIDTH}d}"


def log_time_pk(dataset_id: str) -> str:
    return f"LOGTIME#{dataset_id}"


def moved_pk(dataset_id: str) -> str:
    shard = int(hashlib.sha256(dataset_id.encode()).hexdigest()[:8], 16) % SHARDS
    return f"MOVED#{shard:02d}"


def stats_pk(dataset_id: str) -> str:
    return f"STATS#{dataset_id}"


def day_sk(day: str) -> str:
    return f"D#{day}"


SIGNING_PK, LAST_SK = "SIGNING", "LAST"


def _cancelled_on_condition(error: Any) -> bool:
    reasons = error.response.get("CancellationReasons") or []
    return any(reason.get("Code") == "ConditionalCheckFailed" for reason in reasons)


class ExchangeStore(SingleTable):
    # -- datasets and schemas ------------------------------------------------------------
    def add_dataset(self, dataset: dict[str, Any], schema: dict[str, Any]) -> None:
        pk = dataset_pk(dataset["dataset_id"])
        profile = {"pk": pk, "sk": PROFILE, "gsi1pk": CATALOGUE, "gsi1sk": dataset["dataset_id"], **dataset}
        version = {"pk": pk, "sk": schema_sk(schema["version"]), **schema}
        try:
            self._client.transact_write_items(
                TransactItems=[self._put(profile, new=True), self._put(version, new=True)]
            )
        except self._client.exceptions.TransactionCanceledException as error:
            raise AlreadyExists(dataset["dataset_id"]) from error

    def dataset(self, dataset_id: str) -> dict[str, Any] | None:
        return _strip(self._get(dataset_pk(dataset_id), PROFILE))

    def catalogue(self) -> Iterator[dict[str, Any]]:
        query = {
            "IndexName": BY_KEY1,
            "KeyConditionExpression": "gsi1pk = :pk",
            "ExpressionAttributeValues": to_item({":pk": CATALOGUE}),
        }
        for item in self.iterate(query):
            yield _strip(item) or {}

    def schema(self, dataset_id: str, version: int) -> dict[str, Any] | None:
        return _strip(self._get(dataset_pk(dataset_id), schema_sk(version)))

    def add_schema(self, dataset_id: str, schema: dict[str, Any], previous_version: int) -> None:
        """The new version and the profile's pointer to it, if nobody moved the pointer meanwhile."""
        pk = dataset_pk(dataset_id)
        update = {
            "Update": {
                "TableName": self._table,
                "Key": to_item({"pk": pk, "sk": PROFILE}),
                "UpdateExpression": "SET schema_version = :new",
                "ConditionExpression": "schema_version = :old",
                "ExpressionAttributeValues": to_item({":new": schema["version"], ":old": previous_version}),
            }
        }
        put = self._put({"pk": pk, "sk": schema_sk(schema["version"]), **schema}, new=True)
        try:
            self._client.transact_write_items(TransactItems=[update, put])
        except self._client.exceptions.TransactionCanceledException as error:
            raise StaleVersion(dataset_id) from error

    # -- grants --------------------------------------------------------------------------
    def grant(self, dataset_id: str, consumer: str) -> dict[str, Any] | None:
        return _strip(self._get(dataset_pk(dataset_id), grant_sk(consumer)))

    def grants(self, dataset_id: str) -> list[dict[str, Any]]:
        prefix = grant_sk("")
        return [_strip(item) or {} for item in self._query_all(dataset_pk(dataset_id), prefix)]

    def grants_of(self, consumer: str) -> list[dict[str, Any]]:
        query = {
            "IndexName": BY_KEY2,
            "KeyConditionExpression": "gsi2pk = :pk",
            "ExpressionAttributeValues": to_item({":pk": consumer_pk(consumer)}),
        }
        return [_strip(item) or {} for item in self.iterate(query)]

    def put_grant(self, grant: dict[str, Any]) -> None:
        item = {
            "pk": dataset_pk(grant["dataset_id"]),
            "sk": grant_sk(grant["consumer"]),
            "gsi2pk": consumer_pk(grant["consumer"]),
            "gsi2sk": grant["dataset_id"],
            **grant,
        }
        self._client.put_item(TableName=self._table, Item=to_item(item))

    def set_push(self, dataset_id: str, consumer: str, push: dict[str, str] | None) -> None:
        """On the grant item itself: delivery reads the grants once per block, and sees it there."""
        key = to_item({"pk": dataset_pk(dataset_id), "sk": grant_sk(consumer)})
        values: dict[str, Any] = {":active": "active"}
        if push is None:
            update = "REMOVE push_url, push_id, push_since"
        else:
            update = "SET push_url = :url, push_id = :id, push_since = :since"
            values |= {":url": push["push_url"], ":id": push["push_id"], ":since": push["push_since"]}
        try:
            self._client.update_item(
                TableName=self._table,
                Key=key,
                UpdateExpression=update,
                ConditionExpression="#status = :active",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=to_item(values),
            )
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise NotActive(consumer) from error

    # -- file uploads --------------------------------------------------------------------
    def upload(self, dataset_id: str, upload_id: str) -> dict[str, Any] | None:
        return _strip(self._get(upload_pk(dataset_id), upload_id))

    def claim_upload(self, dataset_id: str, upload_id: str, report: dict[str, Any]) -> None:
        item = {"pk": upload_pk(dataset_id), "sk": upload_id, **report}
        try:
            self._client.put_item(
                TableName=self._table, Item=to_item(item), ConditionExpression="attribute_not_exists(pk)"
            )
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise AlreadyExists(upload_id) from error

    def finish_upload(self, dataset_id: str, upload_id: str, report: dict[str, Any]) -> None:
        item = {"pk": upload_pk(dataset_id), "sk": upload_id, **report}
        self._client.put_item(TableName=self._table, Item=to_item(item))

    # -- the log -------------------------------------------------------------------------
    def head(self, dataset_id: str) -> Head:
        answer = self._client.query(
            TableName=self._table,
            KeyConditionExpression="pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues=to_item({":pk": log_pk(dataset_id), ":prefix": "B#"}),
            ScanIndexForward=False,
            Limit=1,
            ConsistentRead=True,
            ProjectionExpression="last_seq, head_hash",
        )
        items = answer.get("Items") or []
        if not items:
            return Head()
        block = from_item(items[0])
        return Head(int(block["last_seq"]), str(block["head_hash"]))

    def append(self, dataset_id: str, head: Head, entries: list[Entry], time: datetime, size: int) -> None:
        first, last = entries[0], entries[-1]
        stamp = time.isoformat()
        block = {
            "pk": log_pk(dataset_id),
            "sk": block_sk(first.seq),
            "gsi1pk": log_time_pk(dataset_id),
            "gsi1sk": f"{stamp}#{first.seq:0{SEQ_WIDTH}d}",
            "kind": "block",
            "dataset_id": dataset_id,
            "first_seq": first.seq,
            "last_seq": last.seq,
            "previous_hash": head.hash,
            "head_hash": last.hash,
            "time": stamp,
            "texts": [entry.text for entry in entries],
            "hashes": [entry.hash for entry in entries],
        }
        moved = {"pk": moved_pk(dataset_id), "sk": dataset_id, "seq": last.seq, "hash": last.hash}
        counters = {
            "Update": {
                "TableName": self._table,
                "Key": to_item({"pk": stats_pk(dataset_id), "sk": day_sk(stamp[:10])}),
                "UpdateExpression": "ADD published :n, #bytes :size",
                "ExpressionAttributeNames": {"#bytes": "bytes"},
                "ExpressionAttributeValues": to_item({":n": len(entries), ":size": size}),
            }
        }
        try:
            self._client.transact_write_items(
                TransactItems=[self._put(block, new=True), self._put(moved, new=False), counters]
            )
        except self._client.exceptions.TransactionCanceledException as error:
            if _cancelled_on_condition(error):
                raise HeadMoved(dataset_id) from error
            raise

    def entries(self, dataset_id: str, first: int, last: int | None = None) -> Iterator[Entry]:
        """Entries from `first` (the block holding it, then on), up to `last` when given."""
        start = self._client.query(
            TableName=self._table,
            KeyConditionExpression="pk = :pk AND sk BETWEEN :low AND :high",
            ExpressionAttributeValues=to_item(
                {":pk": log_pk(dataset_id), ":low": block_sk(0), ":high": block_sk(first)}
            ),
            ScanIndexForward=False,
            Limit=1,
            ProjectionExpression="sk",
        )
        items = start.get("Items") or []
        low = from_item(items[0])["sk"] if items else block_sk(first)
        high = block_sk(last) if last is not None else "B#~"
        query = {
            "KeyConditionExpression": "pk = :pk AND sk BETWEEN :low AND :high",
            "ExpressionAttributeValues": to_item({":pk": log_pk(dataset_id), ":low": low, ":high": high}),
        }
        for block in self.iterate(query):
            yield from (entry for entry in _block_entries(block) if entry.seq >= first)

    def entries_between(self, dataset_id: str, start: datetime, end: datetime) -> Iterator[Entry]:
        query = {
            "IndexName": BY_KEY1,
            "KeyConditionExpression": "gsi1pk = :pk AND gsi1sk BETWEEN :low AND :high",
            "ExpressionAttributeValues": to_item(
                {":pk": log_time_pk(dataset_id), ":low": start.isoformat(), ":high": end.isoformat()}
            ),
        }
        for block in self.iterate(query):
            yield from _block_entries(block)

    def receipts(self, dataset_id: str, first: int) -> Iterator[Receipt]:
        query = {
            "KeyConditionExpression": "pk = :pk AND sk BETWEEN :low AND :high",
            "ExpressionAttributeValues": to_item(
                {":pk": log_pk(dataset_id), ":low": receipt_sk(first), ":high": "R#~"}
            ),
        }
        for item in self.iterate(query):
            yield Receipt(
                dataset_id=dataset_id,
                head=Head(int(item["seq"]), str(item["hash"])),
                header=dict(item["header"]),
                path=[(str(side), str(sibling)) for side, sibling in item["path"]],
                signature=base64.b64decode(str(item["signature"])),
            )

    # -- signing -------------------------------------------------------------------------
    def moved_heads(self) -> list[tuple[str, Head]]:
        heads = []
        for shard in range(SHARDS):
            for item in self._query_all(f"MOVED#{shard:02d}"):
                heads.append((str(item["sk"]), Head(int(item["seq"]), str(item["hash"]))))
        return heads

    def last_batch(self) -> dict[str, Any] | None:
        return _strip(self._get(SIGNING_PK, LAST_SK))

    def record_batch(self, header: dict[str, Any], receipts: list[Receipt]) -> None:
        for receipt in receipts:  # one item each; a crash before the end only re-signs next time
            item = {
                "pk": log_pk(receipt.dataset_id),
                "sk": receipt_sk(receipt.head.seq),
                "seq": receipt.head.seq,
                "hash": receipt.head.hash,
                "header": receipt.header,
                "path": [list(step) for step in receipt.path],
                "signature": base64.b64encode(receipt.signature).decode(),  # text: stream filters read JSON
            }
            self._client.put_item(TableName=self._table, Item=to_item(item))
            self._clear_moved(receipt.dataset_id, receipt.head.seq)
        self._client.put_item(
            TableName=self._table, Item=to_item({"pk": SIGNING_PK, "sk": LAST_SK, **header})
        )

    def _clear_moved(self, dataset_id: str, seq: int) -> None:
        """Delete the marker unless the chain moved again meanwhile (then the next batch covers it)."""
        with contextlib.suppress(self._client.exceptions.ConditionalCheckFailedException):
            self._client.delete_item(
                TableName=self._table,
                Key=to_item({"pk": moved_pk(dataset_id), "sk": dataset_id}),
                ConditionExpression="seq = :seq",
                ExpressionAttributeValues=to_item({":seq": seq}),
            )

    # -- operational figures ---------------------------------------------------------------
    def record_delivery(
        self, dataset_id: str, day: str, delivered: int, failures: int, latency_ms: int
    ) -> None:
        self._client.update_item(
            TableName=self._table,
            Key=to_item({"pk": stats_pk(dataset_id), "sk": day_sk(day)}),
            UpdateExpression="ADD delivered :d, failures :f, latency_ms_sum :l",
            ExpressionAttributeValues=to_item({":d": delivered, ":f": failures, ":l": latency_ms}),
        )

    def stats(self, dataset_id: str, days: Iterable[str]) -> list[dict[str, Any]]:
        wanted = list(days)
        if not wanted:
            return []
        query = {
            "KeyConditionExpression": "pk = :pk AND sk BETWEEN :low AND :high",
            "ExpressionAttributeValues": to_item(
                {":pk": stats_pk(dataset_id), ":low": day_sk(min(wanted)), ":high": day_sk(max(wanted))}
            ),
        }
        return [{**item, "day": str(item["sk"])[2:]} for item in self.iterate(query)]


def block_entries(image: dict[str, Any]) -> list[Entry]:
    """The entries of a block item (as stored, or from a stream record's image already converted)."""
    return _block_entries(image)


def _block_entries(block: dict[str, Any]) -> list[Entry]:
    first = int(block["first_seq"])
    return [
        Entry(first + offset, str(text), str(digest))
        for offset, (text, digest) in enumerate(zip(block["texts"], block["hashes"], strict=True))
    ]


def upload_pk(dataset_id: str) -> str:
    return f"UP#{dataset_id}"


def _strip(item: dict[str, Any] | None) -> dict[str, Any] | None:
    """An item without its keys: what the rules get back is what they stored."""
    if item is None:
        return None
    return {
        key: value
        for key, value in item.items()
        if key not in ("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk")
    }
