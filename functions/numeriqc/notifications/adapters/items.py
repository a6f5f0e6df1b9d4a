"""Generic item operations on a pk/sk table, batched and retried: what `table.py` builds its named
operations on. Nothing here knows a key, an index or an item kind of the notifications table.

Writes are batched: BatchWriteItem by 25, TransactWriteItems by 100, BatchGetItem by 100.
"""

import random
from collections.abc import Iterable, Sequence
from typing import Any

from numeriqc.core import clock
from numeriqc.core.dynamo import SingleTable, from_item, to_attribute, to_item
from numeriqc.notifications.adapters import chunks
from numeriqc.notifications.ports import Conflict

Key = tuple[str, str]


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
