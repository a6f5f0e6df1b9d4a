"""moto's `TransactWriteItems`, journaled: undo the items a transaction wrote, never copy tables.

moto 5.2.5 makes a transaction all or nothing by deep-copying every table it touches, once per
item of the transaction (`copy.deepcopy(self.tables[name])` inside the loop over the items), and
puts the copies back when an item fails. A copy holds every item of the table and its whole
stream shard, so a 100-item transaction against a table of N items copies 100 x N items: the dev
server grew by ~35 MB/s during a 1,000-row bulk and was killed at 19 GB during a 20,000-row one
(docs/decisions/0007-journaled-moto-transactions.md has the figures).

DynamoDB only needs the items the transaction touches. `transact_write_items` below is moto's own
loop, item for item (the same validations, the same condition evaluation, the same
`CancellationReasons` in item order with `None` for the items that passed), with one change: before
an item is written, the journal records the item it replaces (a copy of that one item, or "absent").
When any item fails, the journal is replayed backwards into the very same table objects, so the
table is exactly what it was, readers holding the table keep reading the live one, and the cost is
proportional to the transaction, not to the table.

`ClientRequestToken` is accepted by moto and ignored (moto keeps no token cache); this patch keeps
that behaviour rather than invent one.

Written to be offered upstream: it touches nothing but `DynamoDBBackend.transact_write_items`, and
`install()` refuses any moto other than `PINNED_MOTO` (the loop is a copy of that version's; a new
moto must be re-read before the pin moves).
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from typing import Any

PINNED_MOTO = "5.2.5"
_INSTALLED = "_numeriqc_journaled"
_lock = threading.Lock()


class UnsupportedMoto(RuntimeError):
    """The installed moto is not the version this patch was written against."""


def check_version(version: str | None = None) -> None:
    """Raise `UnsupportedMoto` unless moto is exactly `PINNED_MOTO`."""
    if version is None:
        import moto

        version = str(moto.__version__)
    if version != PINNED_MOTO:
        raise UnsupportedMoto(
            f"numeriqc_local patches moto {PINNED_MOTO}'s TransactWriteItems, but moto {version} is "
            "installed: re-read moto's DynamoDBBackend.transact_write_items, update "
            "local/aws/moto_transactions.py and PINNED_MOTO (and pyproject.toml's pin)"
        )


@dataclass
class _Entry:
    table: Any
    hash_key: Any
    range_key: Any
    previous: Any  # a copy of the item before the write, or None when there was none


class Journal:
    """The items a transaction is about to change, as they were; `undo()` puts them back."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []

    def record(self, table: Any, key: dict[str, Any]) -> None:
        from moto.dynamodb.models.dynamo_type import DynamoType

        hash_key = DynamoType(key[table.hash_key_attr])
        range_key = DynamoType(key[table.range_key_attr]) if table.range_key_attr else None
        current = table.get_item(hash_key, range_key)
        self.entries.append(_Entry(table, hash_key, range_key, copy.deepcopy(current)))

    def undo(self) -> None:
        """Replay backwards into the live tables (no stream record: the writes never happened)."""
        for entry in reversed(self.entries):
            items = entry.table.items
            if entry.range_key is None:
                if entry.previous is None:
                    items.pop(entry.hash_key, None)
                else:
                    items[entry.hash_key] = entry.previous
                continue
            ranged = items.get(entry.hash_key)
            if entry.previous is not None:
                items[entry.hash_key][entry.range_key] = entry.previous
            elif ranged is not None:
                ranged.pop(entry.range_key, None)
                if not ranged:
                    del items[entry.hash_key]
        self.entries.clear()


def install() -> None:
    """Replace moto's `DynamoDBBackend.transact_write_items` (idempotent; checks the pin first)."""
    check_version()
    from moto.dynamodb.models import DynamoDBBackend

    with _lock:
        if getattr(DynamoDBBackend.transact_write_items, _INSTALLED, False):
            return
        setattr(transact_write_items, _INSTALLED, True)
        DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]


def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
    """moto 5.2.5's loop, with a journal of touched items in place of copies of whole tables."""
    from moto.dynamodb.exceptions import (
        ConditionalCheckFailed,
        MockValidationException,
        MultipleTransactionsException,
        TooManyTransactionsException,
        TransactionCanceledException,
        TransactWriteSingleOpException,
    )

    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    journal = Journal()
    targets: set[tuple[str, str]] = set()
    errors: list[tuple[str, str, dict[str, Any]] | tuple[None, None, None]] = []
    for item in transact_items:
        if len(list(item.keys())) > 1:
            journal.undo()  # moto 5.2.5 raises here without putting back what was written
            raise TransactWriteSingleOpException
        try:
            _apply(self, item, targets, journal)
            errors.append((None, None, None))
        except (MultipleTransactionsException, MockValidationException):
            journal.undo()
            raise
        except ConditionalCheckFailed as error:
            old = getattr(error, "old_item", None)
            errors.append(("ConditionalCheckFailed", str(error.message), old))  # type: ignore[arg-type]
        except Exception as error:  # moto's own catch-all: the item's reason, in item order
            errors.append((type(error).__name__, str(error), None))  # type: ignore[arg-type]
    if any(code is not None for code, _, _ in errors):
        journal.undo()
        raise TransactionCanceledException(errors)


def _apply(backend: Any, item: dict[str, Any], targets: set[tuple[str, str]], journal: Journal) -> None:
    """One item of the transaction: its checks, its condition, its write (journaled first)."""
    from moto.dynamodb.comparisons import get_filter_expression
    from moto.dynamodb.exceptions import ConditionalCheckFailed, MultipleTransactionsException

    op_type, op = next(iter(item.items()))
    if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
        raise ValueError("Unsupported transaction operation")
    table_name = op["TableName"]
    condition_expression = op.get("ConditionExpression")
    names = op.get("ExpressionAttributeNames")
    values = op.get("ExpressionAttributeValues")
    if op_type == "Put":
        table = backend.get_table(table_name)
        key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
        if table.range_key_attr is not None:
            key[table.range_key_attr] = op["Item"][table.range_key_attr]
    else:
        key = op["Key"]
    target = (str(table_name), str(dict(sorted(key.items()))))
    if target in targets:
        raise MultipleTransactionsException()
    targets.add(target)
    current = backend.get_item(table_name, key)
    if condition_expression is not None:
        condition = get_filter_expression(condition_expression, names, values)
        if not condition.expr(current):
            old = None
            if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                old = current.to_json()["Attributes"]
            failed = ConditionalCheckFailed(item=old)
            failed.old_item = old  # type: ignore[attr-defined]  # moto keeps it only rendered
            raise failed
    if op_type == "ConditionCheck":
        return
    journal.record(backend.get_table(table_name), key)
    expressions = {
        "condition_expression": condition_expression,
        "expression_attribute_names": names,
        "expression_attribute_values": values,
    }
    if op_type == "Put":
        backend.put_item(table_name, op["Item"], **expressions)
    elif op_type == "Delete":
        backend.delete_item(table_name, key, **expressions)
    else:
        backend.update_item(table_name, key, update_expression=op["UpdateExpression"], **expressions)
