"""The only module that knows the notifications table's layout (single-table design).

pk                      sk                          item
ORG#<org>               TPL#<tid>                   a template's current version (and archived flag)
ORG#<org>               TPL#<tid>#V#<00001>         an immutable template version
ORG#<org>               N#<nid>                     a notification's status (anonymized: no content)
ORG#<org>               C#<nid>                     its content (sealed recipient, personalisation),
                                                    TTL = retention; bulk rows live in S3 instead
ORG#<org>               JOB#<jid>                   a bulk job and its counters
ORG#<org>               CONSENT#<channel>#<hash>    consent of one recipient (keyed hash)
OPTOUT#<channel>#<hash> OPTOUT                      platform-wide opt-out (STOP reply, SNS opt-out)
ORG#<org>               LIMIT#<channel>#<day>       sends counted against the daily limit
DUE#<shard>             <due time>#<org>#<nid>      a scheduled send (shard 0-7 by id: no hot key)
DUE#<shard>             <due time>#<org>#JOB#<jid>  a scheduled bulk job's planning messages
ORG#<org>               JOB#<jid>#S#<00001>         the planning marker of one slice of a job
ORG#<org>               SERIES#<sid>                a reminder series (the ids of its notifications)
INBOUND#<message id>    INBOUND                     an inbound SMS already handled (TTL 7 days)
SMSID#<SNS message id>  SMSID                       which notification an SMS is (org, id), TTL:
                                                    how SMS delivery receipts find their notification

A notification claimed by a sender (`sending`) carries `cs` (CLAIM#<shard>) and `ca` (claim time)
until the sender writes its result: the sparse `by-claim` index (keys only) holds exactly the claims
in flight, so the sweeper finds those a crashed sender left behind with one Query per shard.

Items carrying `rh` (recipient keyed hash) are in the `by-recipient` index (keys only), which is
how a citizen's erasure request finds everything about them without a Scan.
Writes are batched: BatchWriteItem by 25, TransactWriteItems by 100, BatchGetItem by 100.
"""

import random
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from numeriqc.core import clock
from numeriqc.core.dynamo import SingleTable, from_item, to_attribute, to_item
from numeriqc.notifications.adapters import chunks

RECIPIENT_INDEX = "by-recipient"
CLAIM_INDEX = "by-claim"
CLAIM_SHARDS = 4
CLAIM_ATTRIBUTES = ("cs", "ca")
DUE_SHARDS = 8

Key = tuple[str, str]

# -- the layout: every key and index key of the table is built here, and only here ---------------


def org_pk(org_id: str) -> str:
    return f"ORG#{org_id}"


def org_of(pk: str) -> str:
    """The organization of an `ORG#` partition key."""
    return pk.removeprefix("ORG#")


def notification_key(org_id: str, notification_id: str) -> Key:
    return org_pk(org_id), f"N#{notification_id}"


def content_key(org_id: str, notification_id: str) -> Key:
    return org_pk(org_id), f"C#{notification_id}"


def job_key(org_id: str, job_id: str) -> Key:
    return org_pk(org_id), f"JOB#{job_id}"


def slice_key(org_id: str, job_id: str, index: int) -> Key:
    """The marker that a slice of a job is being (or was) planned: planning it twice changes nothing."""
    return org_pk(org_id), f"JOB#{job_id}#S#{index:05d}"


def series_key(org_id: str, series_id: str) -> Key:
    return org_pk(org_id), f"SERIES#{series_id}"


def template_key(org_id: str, template_id: str) -> Key:
    return org_pk(org_id), f"TPL#{template_id}"


def template_version_key(org_id: str, template_id: str, version: int) -> Key:
    return org_pk(org_id), f"TPL#{template_id}#V#{version:05d}"


def limit_key(org_id: str, channel: str, day: str) -> Key:
    return org_pk(org_id), f"LIMIT#{channel}#{day}"


def consent_key(org_id: str, channel: str, recipient_hash: str) -> Key:
    return org_pk(org_id), f"CONSENT#{channel}#{recipient_hash}"


def optout_key(channel: str, recipient_hash: str) -> Key:
    return f"OPTOUT#{channel}#{recipient_hash}", "OPTOUT"


def inbound_key(message_id: str) -> Key:
    return f"INBOUND#{message_id}", "INBOUND"


def sms_lookup_key(message_id: str) -> Key:
    """The `SMSID#` item by which an SNS delivery receipt (naming only its message id) finds its
    notification."""
    return f"SMSID#{message_id}", "SMSID"


def claim_partition(shard: int) -> str:
    return f"CLAIM#{shard}"


def claim_partition_of(first_id: str) -> str:
    """The `by-claim` partition of a message's claims, by its first recipient's id (no hot key)."""
    return claim_partition(int.from_bytes(first_id.encode()[-4:], "big") % CLAIM_SHARDS)


def due_partition(shard: int) -> str:
    return f"DUE#{shard}"


def job_due_name(job_id: str) -> str:
    """What a scheduled bulk job is called in the due entries (a notification goes by its id)."""
    return f"JOB#{job_id}"


def due_key(moment: datetime, org_id: str, name: str) -> Key:
    """Where a scheduled send waits: a shard chosen by its id, sorted by due time within it."""
    shard = int.from_bytes(name.encode()[-4:], "big") % DUE_SHARDS
    return due_partition(shard), f"{moment.strftime('%Y-%m-%dT%H:%M:%S')}#{org_id}#{name}"


def due_upper(now: datetime) -> str:
    """The greatest due sort key of `now`: every entry due at `now` or before sorts below it."""
    return now.strftime("%Y-%m-%dT%H:%M:%S") + "~"


def is_consent(key: Key) -> bool:
    return key[1].startswith("CONSENT#")


def is_content(key: Key) -> bool:
    return key[1].startswith("C#")


def is_notification(key: Key) -> bool:
    return key[1].startswith("N#")


class Conflict(Exception):
    """A conditional write found the item in another state."""


class NotificationsTable(SingleTable):
    """The notifications table: `core.dynamo.SingleTable` plus batching, transitions and the layout."""

    # generic ------------------------------------------------------------------------------------
    def get(self, pk: str, sk: str, consistent: bool = False) -> dict[str, Any] | None:
        answer = self._client.get_item(
            TableName=self._table, Key=to_item({"pk": pk, "sk": sk}), ConsistentRead=consistent
        )
        return from_item(answer["Item"]) if "Item" in answer else None

    def put(self, item: dict[str, Any], *, new: bool = False) -> None:
        request: dict[str, Any] = {"TableName": self._table, "Item": to_item(item)}
        if new:
            request["ConditionExpression"] = "attribute_not_exists(pk)"
        try:
            self._client.put_item(**request)
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise Conflict(item["sk"]) from error

    def put_many(self, items: Iterable[dict[str, Any]]) -> int:
        """BatchWriteItem by 25, retrying what DynamoDB leaves unprocessed; answers the calls made."""
        calls = 0
        for batch in chunks(list(items), 25):
            requests = [{"PutRequest": {"Item": to_item(item)}} for item in batch]
            calls += self._batch_write(requests)
        return calls

    def delete_many(self, keys: Iterable[tuple[str, str]]) -> int:
        calls = 0
        for batch in chunks(list(keys), 25):
            requests = [{"DeleteRequest": {"Key": to_item({"pk": pk, "sk": sk})}} for pk, sk in batch]
            calls += self._batch_write(requests)
        return calls

    def _batch_write(self, requests: list[dict[str, Any]]) -> int:
        calls, attempt = 0, 0
        while requests:
            answer = self._client.batch_write_item(RequestItems={self._table: requests})
            calls += 1
            requests = answer.get("UnprocessedItems", {}).get(self._table, [])
            if requests:
                attempt += 1
                clock.sleep(min(2.0, 0.05 * 2**attempt) * random.random())  # noqa: S311 - jitter
        return calls

    def get_many(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """BatchGetItem by 100 (duplicates removed), retrying unprocessed keys."""
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for batch in chunks(list(dict.fromkeys(keys)), 100):
            pending: list[dict[str, Any]] = [to_item({"pk": pk, "sk": sk}) for pk, sk in batch]
            attempt = 0
            while pending:
                answer = self._client.batch_get_item(RequestItems={self._table: {"Keys": pending}})
                for raw in answer.get("Responses", {}).get(self._table, []):
                    item = from_item(raw)
                    found[(item["pk"], item["sk"])] = item
                pending = answer.get("UnprocessedKeys", {}).get(self._table, {}).get("Keys", [])
                if pending:
                    attempt += 1
                    clock.sleep(min(2.0, 0.05 * 2**attempt) * random.random())  # noqa: S311 - jitter
        return found

    def query(
        self,
        pk: str,
        prefix: str,
        *,
        limit: int | None = None,
        start: dict[str, Any] | None = None,
        newest_first: bool = False,
        filters: dict[str, Any] | None = None,
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """One page of a partition's items under `prefix` (equality `filters` applied by DynamoDB)."""
        names: dict[str, str] = {}
        values = to_item({":pk": pk, ":prefix": prefix or None})
        request: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "pk = :pk" + (" AND begins_with(sk, :prefix)" if prefix else ""),
            "ScanIndexForward": not newest_first,
        }
        if filters:
            clauses = []
            for index, (name, value) in enumerate(filters.items()):
                names[f"#f{index}"] = name
                values[f":f{index}"] = to_attribute(value)
                clauses.append(f"#f{index} = :f{index}")
            request["FilterExpression"] = " AND ".join(clauses)
            request["ExpressionAttributeNames"] = names
        request["ExpressionAttributeValues"] = values
        items: list[dict[str, Any]] = []
        while True:
            if limit:
                request["Limit"] = limit
            if start:
                request["ExclusiveStartKey"] = to_item(start)
            answer = self._client.query(**request)
            items.extend(from_item(item) for item in answer.get("Items", []))
            last = answer.get("LastEvaluatedKey")
            start = from_item(last) if last else None
            if start is None or (limit and len(items) >= limit):
                return items, start

    def query_until(self, pk: str, upper: str, limit: int) -> list[dict[str, Any]]:
        """Items of `pk` whose sort key is at most `upper`, oldest first (the due scheduled sends)."""
        answer = self._client.query(
            TableName=self._table,
            KeyConditionExpression="pk = :pk AND sk <= :upper",
            ExpressionAttributeValues=to_item({":pk": pk, ":upper": upper}),
            Limit=limit,
        )
        return [from_item(item) for item in answer.get("Items", [])]

    def query_all(self, pk: str, prefix: str) -> list[dict[str, Any]]:
        return list(self._query_all(pk, prefix or None))

    def by_recipient(self, recipient_hash: str) -> list[tuple[str, str]]:
        keys: list[tuple[str, str]] = []
        request: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": RECIPIENT_INDEX,
            "KeyConditionExpression": "rh = :rh",
            "ExpressionAttributeValues": to_item({":rh": recipient_hash}),
        }
        while True:
            answer = self._client.query(**request)
            keys.extend((item["pk"]["S"], item["sk"]["S"]) for item in answer.get("Items", []))
            if "LastEvaluatedKey" not in answer:
                return keys
            request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    def claims_before(self, shard: int, upper: str, limit: int) -> list[tuple[str, str]]:
        """Keys of the claims of `shard` made at `upper` or before, oldest first (sparse index)."""
        answer = self._client.query(
            TableName=self._table,
            IndexName=CLAIM_INDEX,
            KeyConditionExpression="cs = :cs AND ca <= :upper",
            ExpressionAttributeValues=to_item({":cs": claim_partition(shard), ":upper": upper}),
            Limit=limit,
        )
        return [(item["pk"]["S"], item["sk"]["S"]) for item in answer.get("Items", [])]

    def update(
        self,
        pk: str,
        sk: str,
        *,
        set_values: dict[str, Any] | None = None,
        add: dict[str, int] | None = None,
        remove: Sequence[str] = (),
        condition: str | None = None,
        condition_values: dict[str, Any] | None = None,
        returns: str = "NONE",
    ) -> dict[str, Any]:
        request = self._update_request(pk, sk, set_values, add, remove, condition, condition_values)
        request["ReturnValues"] = returns
        try:
            answer = self._client.update_item(**request)
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise Conflict(sk) from error
        return from_item(answer.get("Attributes", {}))

    def _update_request(  # noqa: PLR0917 - private, mirrors update()'s keywords
        self,
        pk: str,
        sk: str,
        set_values: dict[str, Any] | None,
        add: dict[str, int] | None,
        remove: Sequence[str],
        condition: str | None,
        condition_values: dict[str, Any] | None,
    ) -> dict[str, Any]:
        names: dict[str, str] = {}
        values: dict[str, Any] = {}
        clauses: list[str] = []
        sets = []
        for index, (name, value) in enumerate((set_values or {}).items()):
            names[f"#s{index}"] = name
            values[f":s{index}"] = to_attribute(value)
            sets.append(f"#s{index} = :s{index}")
        if sets:
            clauses.append("SET " + ", ".join(sets))
        adds = []
        for index, (name, amount) in enumerate((add or {}).items()):
            names[f"#a{index}"] = name
            values[f":a{index}"] = to_attribute(amount)
            adds.append(f"#a{index} :a{index}")
        if adds:
            clauses.append("ADD " + ", ".join(adds))
        removes = []
        for index, name in enumerate(remove):
            names[f"#r{index}"] = name
            removes.append(f"#r{index}")
        if removes:
            clauses.append("REMOVE " + ", ".join(removes))
        request: dict[str, Any] = {
            "TableName": self._table,
            "Key": to_item({"pk": pk, "sk": sk}),
            "UpdateExpression": " ".join(clauses),
            "ExpressionAttributeNames": names,
        }
        if condition:
            request["ConditionExpression"] = condition
            if condition_values:
                values.update({name: to_attribute(value) for name, value in condition_values.items()})
        if values:
            request["ExpressionAttributeValues"] = values
        return request

    def transition(
        self,
        keys: Sequence[tuple[str, str]],
        from_statuses: Sequence[str],
        set_values: dict[str, Any],
        remove: Sequence[str] = (),
        absent: Sequence[str] = (),
    ) -> set[tuple[str, str]]:
        """Move items whose status is one of `from_statuses`, atomically per 100; answers those moved.

        This conditional write is what makes every stage idempotent: a message delivered twice
        finds its items already moved and does nothing. When a transaction is refused (some item
        already moved), the current states are read and the transaction retried without them.
        `absent` names attributes the items must not have (e.g. a provider id) to be moved.
        """
        moved: set[tuple[str, str]] = set()
        condition = "#status IN (" + ", ".join(f":from{i}" for i in range(len(from_statuses))) + ")"
        condition += "".join(f" AND attribute_not_exists(#absent{i})" for i in range(len(absent)))
        condition_values = {f":from{i}": status for i, status in enumerate(from_statuses)}
        for batch in chunks(list(dict.fromkeys(keys)), 100):
            pending = list(batch)
            for _ in range(5):
                if not pending:
                    break
                actions = []
                for pk, sk in pending:
                    update = self._update_request(
                        pk, sk, set_values, None, remove, condition, condition_values
                    )
                    update["ExpressionAttributeNames"]["#status"] = "status"
                    for index, name in enumerate(absent):
                        update["ExpressionAttributeNames"][f"#absent{index}"] = name
                    actions.append({"Update": update})
                try:
                    self._client.transact_write_items(TransactItems=actions)
                except self._client.exceptions.TransactionCanceledException:
                    current = self.get_many(pending)
                    pending = [
                        key
                        for key in pending
                        if current.get(key, {}).get("status") in from_statuses
                        and not any(name in current[key] for name in absent)
                    ]
                    continue
                moved.update(pending)
                break
        return moved

    def update_many(
        self, updates: Sequence[tuple[tuple[str, str], dict[str, Any]]], remove: Sequence[str] = ()
    ) -> int:
        """Unconditional SET (and REMOVE) updates, 100 per transaction; answers the calls made.

        An update of a key that does not exist creates the item; removing an absent attribute is a
        no-op, so `remove` may apply to every update of the list."""
        calls = 0
        for batch in chunks(list(updates), 100):
            actions = [
                {"Update": self._update_request(pk, sk, values, None, remove, None, None)}
                for (pk, sk), values in batch
            ]
            self._client.transact_write_items(TransactItems=actions)
            calls += 1
        return calls

    # -- named reads and writes of the layout ---------------------------------------------------
    def write_all(self, items: Sequence[dict[str, Any]]) -> None:
        """Put up to 100 items in one transaction: all of them are written, or none."""
        self._client.transact_write_items(TransactItems=[self._put(item, new=False) for item in items])

    def template_items(self, org_id: str) -> list[dict[str, Any]]:
        """The current version item of each of the organization's templates (not the versions)."""
        pk, _ = template_key(org_id, "")
        return [item for item in self.query_all(pk, "TPL#") if "#V#" not in item["sk"]]

    def notification_page(
        self, org_id: str, *, limit: int, start: dict[str, Any] | None, filters: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """One page of the organization's notifications, newest first."""
        return self.query(org_pk(org_id), "N#", limit=limit, start=start, newest_first=True, filters=filters)

    def reserve_daily(
        self, org_id: str, channel: str, day: str, count: int, *, limit: int, expires_at: int
    ) -> int:
        """Count `count` sends against the day's limit; answers the new total, Conflict when full."""
        counted = self.update(
            *limit_key(org_id, channel, day),
            add={"used": count},
            set_values={"expires_at": expires_at},
            condition="attribute_not_exists(used) OR used <= :room",
            condition_values={":room": limit - count},
            returns="UPDATED_NEW",
        )
        return int(counted["used"])

    def daily_used(self, org_id: str, channel: str, day: str) -> int:
        return int((self.get(*limit_key(org_id, channel, day)) or {}).get("used", 0))

    def due_entries(self, shard: int, now: datetime, limit: int) -> list[dict[str, Any]]:
        """Due entries of a shard whose time has come at `now`, oldest first."""
        return self.query_until(due_partition(shard), due_upper(now), limit)

    def count_in_job(self, org_id: str, job_id: str, counts: dict[str, int]) -> None:
        """Add to a job's status counters (`n_<status>`)."""
        self.update(*job_key(org_id, job_id), add={f"n_{name}": value for name, value in counts.items()})

    def recipient_items(self, org_id: str, recipient_hash: str) -> list[Key]:
        """Keys of everything this organization holds on one recipient (the `by-recipient` index)."""
        pk = org_pk(org_id)
        return [key for key in self.by_recipient(recipient_hash) if key[0] == pk]
