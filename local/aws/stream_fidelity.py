"""moto's DynamoDB writes, streamed as DynamoDB streams them: a transaction is all or nothing, and
one write is one stream record.

moto differs from AWS in two ways that reach stream consumers:

* a `TransactWriteItems` is applied item by item to the live table, and when a condition fails
  moto puts back a deep copy of the table taken before. The live table's stream shard has already
  received the records of the writes that were undone (a refused feedback submission reached the
  stream as the INSERT of a submission that does not exist), and the table object is replaced, so
  every shard iterator opened before (the local runtime's stream pollers hold one) keeps reading
  the abandoned shard: every later record was lost, silently;
* an `UpdateItem` that creates its item streams two INSERTs (the bare key, then the item).

`install()` wraps moto's backend methods once per process (moto always runs in this process, as
an in-process mock or a threaded server): a transaction's records are held until it commits and
dropped when it is cancelled, a cancelled transaction restores its state into the very table and
shard objects that iterators read, and an update's records collapse into one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

_INSTALLED = "_numeriqc_stream_fidelity"
_lock = threading.Lock()
# One holding write at a time (moto's threaded server serves requests in threads): holds nest only
# within one thread (a transaction's updates), so each is undone in the order it was made.
_holding = threading.RLock()
Held = list[tuple[Callable[..., None], Any, Any]]


def install() -> None:
    """Wrap moto's `transact_write_items` and `update_item` (idempotent)."""
    from moto.dynamodb.models import DynamoDBBackend

    with _lock:
        if getattr(DynamoDBBackend.transact_write_items, _INSTALLED, False):
            return
        transact, update = DynamoDBBackend.transact_write_items, DynamoDBBackend.update_item

        def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> Any:
            with _holding:
                return atomically(self, transact_items, transact)

        def update_item(self: Any, table_name: str, *args: Any, **kwargs: Any) -> Any:
            table = self.tables.get(table_name)
            with _holding, _held_stream_records([table] if table is not None else []) as held:
                answer = update(self, table_name, *args, **kwargs)
            if held:  # the bare key's INSERT and the item's: one record, from before to after
                add, old, _ = held[0]
                add(old, held[-1][2])
            return answer

        setattr(transact_write_items, _INSTALLED, True)
        DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]
        DynamoDBBackend.update_item = update_item  # type: ignore[method-assign]


def atomically(backend: Any, transact_items: list[dict[str, Any]], original: Callable[..., Any]) -> Any:
    """Run moto's transaction with stream records held; commit them, or restore the live tables."""
    names = {op.get("TableName") for item in transact_items for op in item.values() if isinstance(op, dict)}
    live = {str(name): backend.tables[name] for name in names if name in backend.tables}
    with _held_stream_records(live.values()) as held:
        try:
            answer = original(backend, transact_items)
        except BaseException:
            _restore_in_place(backend, live)
            raise
    for add, old, new in held:
        add(old, new)
    return answer


@contextmanager
def _held_stream_records(tables: Iterable[Any]) -> Iterator[Held]:
    """While the block runs, this thread's stream records of `tables` are held, not appended."""
    held: Held = []
    thread = threading.get_ident()
    patched: list[tuple[Any, Any]] = []
    for table in tables:
        shard = table.stream_shard
        if shard is None:
            continue
        add = shard.add
        previous = shard.__dict__.get("add")  # an enclosing hold, or nothing (the class's method)

        def hold(old: Any, new: Any, add: Callable[..., None] = add) -> None:
            if threading.get_ident() == thread:
                held.append((add, old, new))
            else:  # another request served meanwhile by moto's threaded server: not ours to hold
                add(old, new)

        shard.add = hold
        patched.append((shard, previous))
    try:
        yield held
    finally:
        for shard, previous in reversed(patched):
            if previous is None:
                del shard.add
            else:
                shard.add = previous


def _restore_in_place(backend: Any, live: dict[str, Any]) -> None:
    """moto swapped in pre-transaction copies: copy their state back into the live objects."""
    for name, table in live.items():
        restored = backend.tables.get(name)
        if restored is None or restored is table:
            continue
        shard = table.stream_shard
        table.__dict__.update(restored.__dict__)
        table.stream_shard = shard  # iterators read this object; it never held the undone records
        backend.tables[name] = table
