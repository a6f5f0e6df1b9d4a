"""Generic item operations on a pk/sk table, batched and retried: what `table.py` builds its named
operations on. Nothing here knows a key, an index or an item kind of the notifications table.

Writes are batched: BatchWriteItem by 25, TransactWriteItems by 100, BatchGetItem by 100.
"""

import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from numeriqc.core import clock
from numeriqc.core.dynamo import SingleTable, from_item, to_attribute, to_item
from numeriqc.notifications.adapters import chunks
from numeriqc.notifications.ports import Conflict

Key = tuple[str, str]

MARK = "mv"  # the token of the last conditional change of an item: how an unknown outcome is read
ATTEMPTS = 5
MAX_READS = 10  # Query calls for one page of a listing (`query`): bounded work per request
EVALUATED_PER_READ = 100  # items a filtered read evaluates at least, however few the page lacks


@dataclass(frozen=True)
class Change:
    """One action of a transaction: update `key` (SET `values`, ADD `add`, REMOVE `remove`) or, with
    `put`, write `values` as the whole item. A conditional change applies only while the item's
    status is one of `when_status`, it holds every `holding` value and none of the `absent`
    attributes (`new`: only when the item does not exist)."""

    key: Key
    values: dict[str, Any]
    remove: tuple[str, ...] = ()
    add: dict[str, int] = field(default_factory=dict)
    when_status: tuple[str, ...] = ()
    holding: tuple[tuple[str, Any], ...] = ()
    absent: tuple[str, ...] = ()
    put: bool = False
    new: bool = False

    @property
    def conditional(self) -> bool:
        return bool(self.when_status or self.holding or self.absent or self.new)

    def matches(self, item: dict[str, Any] | None) -> bool:
        """Whether the condition holds on `item` as read (None: the item does not exist)."""
        if item is None:
            return self.new
        if self.new:
            return False
        return (
            (not self.when_status or item.get("status") in self.when_status)
            and all(item.get(name) == value for name, value in self.holding)
            and not any(name in item for name in self.absent)
        )


def _unknown_or_refused(error: Exception) -> bool:
    """A transaction that was refused (a condition failed, a conflict) or whose outcome is unknown
    (a timeout, a lost answer, a server error): reading the items tells what happened. Anything else
    (a malformed request, a missing table) is a bug and is raised as it is."""
    response = getattr(error, "response", None)
    if response is None:  # botocore's own errors: timeouts, closed connections, no endpoint
        return error.__class__.__module__.startswith("botocore")
    code = str(response.get("Error", {}).get("Code", ""))
    status = int(response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
    return status >= 500 or code in {
        "TransactionCanceledException",
        "TransactionConflictException",
        "TransactionInProgressException",
        "ThrottlingException",
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
    }


class ItemTable(SingleTable):
    """`core.dynamo.SingleTable` plus batching, retries of what DynamoDB leaves unprocessed,
    conditional updates and status transitions."""

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

    def get_many(
        self, keys: Sequence[tuple[str, str]], consistent: bool = False
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """BatchGetItem by 100 (duplicates removed), retrying unprocessed keys."""
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for batch in chunks(list(dict.fromkeys(keys)), 100):
            pending: list[dict[str, Any]] = [to_item({"pk": pk, "sk": sk}) for pk, sk in batch]
            attempt = 0
            while pending:
                request = {"Keys": pending, "ConsistentRead": True} if consistent else {"Keys": pending}
                answer = self._client.batch_get_item(RequestItems={self._table: request})
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
        """One page of a partition's items under `prefix` (equality `filters` applied by DynamoDB),
        and the key to go on from.

        A filtered read evaluates at least EVALUATED_PER_READ items (DynamoDB's Limit counts items
        read, not matched), and a page stops after MAX_READS reads, short if need be, with its next
        key, as a DynamoDB page may: a status that matched nothing in a 100,000-row bulk made one
        page read every item, one per Query. Matches beyond `limit` are cut, and the page then goes
        on from its last item kept, not from the last item read: those cut were skipped before.
        """
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
        reads = 0
        while True:
            if limit:
                wanted = limit - len(items)
                request["Limit"] = max(wanted, EVALUATED_PER_READ) if filters else wanted
            if start:
                request["ExclusiveStartKey"] = to_item(start)
            answer = self._client.query(**request)
            reads += 1
            found = [from_item(item) for item in answer.get("Items", [])]
            last = answer.get("LastEvaluatedKey")
            start = from_item(last) if last else None
            if limit and len(items) + len(found) > limit:
                items.extend(found[: limit - len(items)])
                return items, {"pk": items[-1]["pk"], "sk": items[-1]["sk"]}
            items.extend(found)
            if start is None or (limit and (len(items) >= limit or reads >= MAX_READS)):
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

    def transition_items(
        self,
        keys: Sequence[tuple[str, str]],
        from_statuses: Sequence[str],
        set_values: dict[str, Any],
        remove: Sequence[str] = (),
        absent: Sequence[str] = (),
    ) -> set[tuple[str, str]]:
        """Move items whose status is one of `from_statuses`, atomically per 100; answers those moved.

        This conditional write is what makes every stage idempotent: a message delivered twice
        finds its items already moved and does nothing. `absent` names attributes the items must not
        have (e.g. a provider id) to be moved. What another writer moved first is left out, and what
        happened to a write whose answer was lost is read, never assumed (`transact`)."""
        moved: set[tuple[str, str]] = set()
        for batch in chunks(list(dict.fromkeys(keys)), 100):
            changes = [
                Change(key, set_values, tuple(remove), when_status=tuple(from_statuses), absent=tuple(absent))
                for key in batch
            ]
            moved |= self.transact(changes)
        return moved

    def transact(self, changes: Sequence[Change], *, all_or_nothing: bool = False) -> set[Key]:
        """`changes` in one TransactWriteItems (100 at most); answers the keys of the conditional
        changes that were made.

        Every conditional change also writes `MARK` = a token of this call: that is how its outcome
        is known when the answer does not tell. After a refusal (a condition failed: another writer
        moved an item first), a lost answer (a timeout), a server error, or botocore's retry of a
        transaction that had in fact succeeded (whose conditions then fail), the conditional items
        are read (strongly consistent). One carrying the token means the transaction was made, all
        of it. Otherwise nothing was: the changes whose condition no longer holds are left out
        (with `all_or_nothing`, nothing more is written) and the rest is written again. Changes
        without a condition must be idempotent (SET, REMOVE, put) unless a conditional change
        guards them in the same transaction: without one, a lost answer is simply written again."""
        token = uuid.uuid4().hex
        pending = list(changes)
        moved: set[Key] = set()
        error: Exception | None = None
        for attempt in range(ATTEMPTS):
            if not pending:
                return moved
            if attempt:
                clock.sleep(min(1.0, 0.05 * 2**attempt) * random.random())  # noqa: S311 - jitter
            try:
                self._client.transact_write_items(TransactItems=[self._action(c, token) for c in pending])
            except Exception as failure:
                if not _unknown_or_refused(failure):
                    raise
                error = failure
            else:
                return moved | {change.key for change in pending if change.conditional}
            conditional = [change for change in pending if change.conditional]
            current = self.get_many([change.key for change in conditional], consistent=True)
            if any(current.get(change.key, {}).get(MARK) == token for change in conditional):
                return moved | {change.key for change in conditional}
            kept = [
                change
                for change in pending
                if not change.conditional or change.matches(current.get(change.key))
            ]
            if all_or_nothing and len(kept) < len(pending):
                return moved
            pending = kept
        assert error is not None
        raise error

    def _action(self, change: Change, token: str) -> dict[str, Any]:
        """The TransactWriteItems action of `change`, marked with `token` when conditional."""
        values = {**change.values, MARK: token} if change.conditional else change.values
        if change.put:
            action = self._put({"pk": change.key[0], "sk": change.key[1], **values}, new=change.new)
            return action
        clauses: list[str] = []
        condition_values: dict[str, Any] = {}
        if change.when_status:
            names = [f":w{i}" for i in range(len(change.when_status))]
            clauses.append("#w IN (" + ", ".join(names) + ")")
            condition_values.update(zip(names, change.when_status, strict=True))
        for index, (_, value) in enumerate(change.holding):
            clauses.append(f"#h{index} = :h{index}")
            condition_values[f":h{index}"] = value
        clauses += [f"attribute_not_exists(#x{i})" for i in range(len(change.absent))]
        if change.new:
            clauses.append("attribute_not_exists(pk)")
        update = self._update_request(
            change.key[0],
            change.key[1],
            values,
            change.add or None,
            change.remove,
            " AND ".join(clauses) or None,
            condition_values or None,
        )
        names_map = update["ExpressionAttributeNames"]
        if change.when_status:
            names_map["#w"] = "status"
        for index, (name, _) in enumerate(change.holding):
            names_map[f"#h{index}"] = name
        for index, name in enumerate(change.absent):
            names_map[f"#x{index}"] = name
        return {"Update": update}

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

    def write_all(self, items: Sequence[dict[str, Any]]) -> None:
        """Put up to 100 items in one transaction: all of them are written, or none."""
        self._client.transact_write_items(TransactItems=[self._put(item, new=False) for item in items])

    def query_index(
        self, index: str, condition: str, values: dict[str, Any], limit: int | None = None
    ) -> list[Key]:
        """Keys of an index's items (keys-only index) matching `condition`: one page when `limit` is
        given, every page otherwise."""
        keys: list[Key] = []
        request: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": index,
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": to_item(values),
        }
        if limit:
            request["Limit"] = limit
        while True:
            answer = self._client.query(**request)
            keys.extend((item["pk"]["S"], item["sk"]["S"]) for item in answer.get("Items", []))
            if limit or "LastEvaluatedKey" not in answer:
                return keys
            request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]
