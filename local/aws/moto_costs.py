"""Costs of moto's that a busy local platform pays on every event (found with py-spy during bulks
through `make dev`), removed without changing what moto answers.

* **Reading one queue attribute computes all of them.** `Queue.attributes` is a dict of every
  attribute, including the three approximate counts, each a pass over every message of the queue
  with two clock reads per message. moto reads it while sending (`ContentBasedDeduplication`, so
  filling a queue was quadratic: 72 % of moto's PutEvents time), three times per name asked in
  GetQueueAttributes (so /health's `QueueArn` probe walked every queue nine times), and once per
  message taken by a receive, for `MessageRetentionPeriod` (a 10,000-row bulk spent 45 % of the
  dev server's CPU there, 25 rows/s). `Queue.attributes` is now a read-only mapping with moto's keys
  whose values are computed as moto computes them, when read: a count is walked only when it is
  asked for (GetQueueAttributes `All` or by name).
* **ReceiveMessage and DeleteMessage walk the whole queue too.** A receive builds the list of every
  visible message to take ten; a delete tests every message's receipt handles twice and rebuilds
  the list. Draining a backlog of n messages was quadratic (the events' shim queue reached ~2,000
  during a 10,000-row bulk, and receives were most of moto's time). While moto runs
  `receive_message`, `Queue.messages` is found as it is iterated (the loop stops at the tenth); a delete finds
  its one message (receipt handles are unique) and removes it in place.
* **Every Query sorts the whole table.** moto's `Table.query` starts from `all_items()`, a sorted
  list of every item of the table, then keeps the partition asked for (or, on an index, the items
  that match) and sorts those again. A job's status read sorted 20,000 items during a 10,000-row
  bulk; a 100,000-row bulk made every query of the notifications table cost seconds. While moto
  runs a query, `all_items()` answers the one partition of a base-table query, and every item,
  unsorted, for an index query (moto sorts what matches itself); Scan (whose pages follow that
  order) and everything else get moto's own.
* **moto keeps every model object it ever made.** `BaseModel.__new__` appends each instance to its
  class's `instances_tracked` list for moto's dashboard (`/moto-api/data.json`), cleared only by a
  reset, which a running platform never does. Every DynamoDB item version (each update deep-copies
  the item for the stream, each query projects copies), SQS message and SMS stayed alive: about
  10 `Item`s and 155 `DynamoType`s per delivered SMS, the dev server's memory growing with every
  message sent. Only S3's keys and multipart uploads stay tracked: moto's S3 reset disposes of their
  temporary files through those lists.
* **Every request lists moto's package directory.** The server finds a request's backend by
  testing the host against `list_of_moto_modules()`, which lists and stats moto's ~150 package
  directories each time (10 % of the emulator's time during a bulk). The list cannot change while
  the process runs, so it is read once.
* **Every UpdateExpression is parsed twice per item.** moto parses it once to check the names and
  values it uses, and again to apply it: a third of an update's time (22 % of a bulk's
  TransactWriteItems). A parsed expression depends only on its text, and whatever applies it
  deep-copies it first (`Validator.__init__`), so the parse is cached per text.
* **Every DynamoDB item is serialized attribute by attribute through the service model.** moto's
  JSON serializer walks an `AttributeValue` as any structure: for each of its ten members it asks an
  attribute picker for the value (trying several spellings of the name), then serializes what it
  found. Items are already in wire form (`{"S": "..."}`), so the walk rebuilds what it was given:
  BatchGetItem's answers alone were 12 % of the dev server's CPU during a 100,000-row bulk. An
  `AttributeValue` made only of strings, numbers, booleans, nulls, their sets, maps and lists is
  now copied as it is; anything else (binary values) takes moto's path.
* **Every request lists the methods of its service's response class.** moto finds the action's
  method with `inspect.getmembers` of the class on each request (3 % of the CPU during a bulk). A
  class's methods do not change once moto runs, so the names are listed once per class.
* **A queue remembers every receipt handle it ever deleted.** moto keeps them (185 characters
  each, every handle a message was received with) in a set that only grows, so that deleting
  twice is not an error: about 1 KB per SMS of a bulk, through the queues its events cross. A
  queue now remembers the last DELETED_REMEMBERED handles it deleted, by an 8-byte digest: a
  consumer deletes a message again within the same batch, not 10,000 messages later.
* **Every DescribeTable counts every item.** moto answers `ItemCount` with `len(table)`, a pass over
  every partition of the table; `/health` describes each table, so at 100,000 notifications 40 % of
  its time went there and its p99 passed 1 s during a bulk. DynamoDB itself "updates this value
  approximately every six hours": DescribeTable now answers the count made at most
  ITEM_COUNT_SECONDS ago (a developer sees their writes within a minute). Everything else that
  asks `len(table)` gets moto's exact count.
* **An InputTransformer re-builds a JSONPath parser per event.** moto's EventBridge calls
  `jsonpath_ng.ext.parse(path)` for every path of every event (the local runtime's shim targets
  have one), building a PLY parser each time (~8 % of moto's thread). A parsed path keeps no state,
  so `parse` is cached per path text.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

_lock = threading.Lock()
_receiving = threading.local()
_querying = threading.local()
_describing = threading.local()
ITEM_COUNT_SECONDS = 60.0
_INSTALLED = "_numeriqc_costs"
_moto_own: dict[str, Any] = {}  # what was replaced, kept for comparison


def install() -> None:
    """Apply them all (idempotent)."""
    import jsonpath_ng.ext
    import moto.backends
    from moto.dynamodb.models.table import Table
    from moto.dynamodb.parsing.expressions import UpdateExpressionParser  # type: ignore[attr-defined]
    from moto.sqs.models import Queue, SQSBackend

    with _lock:
        if getattr(Queue, _INSTALLED, False):
            return
        jsonpath_ng.ext.parse = functools.lru_cache(maxsize=1024)(jsonpath_ng.ext.parse)  # type: ignore[attr-defined]
        parse_update = functools.lru_cache(maxsize=1024)(UpdateExpressionParser.make)
        UpdateExpressionParser.make = staticmethod(parse_update)
        modules = tuple(moto.backends.list_of_moto_modules())
        moto.backends.list_of_moto_modules = lambda: modules
        _moto_own["attributes"] = Queue.__dict__["attributes"].fget  # the property, not its value
        Queue.attributes = property(LazyAttributes)  # type: ignore[method-assign,assignment]
        _lazy_receive(Queue, SQSBackend)
        _partition_queries(Table)
        _item_count_now_and_then(Table)
        _track_only_what_reset_needs()
        Queue.delete_message = delete_message  # type: ignore[method-assign]
        _wire_attribute_values()
        _methods_listed_once()
        setattr(Queue, _INSTALLED, True)


DYNAMODB_TYPES = frozenset({"S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"})


def _wire_attribute_values() -> None:
    from moto.core.serialize import BaseJSONSerializer

    own = _moto_own["serialize_structure"] = BaseJSONSerializer._serialize_type_structure
    BaseJSONSerializer._serialize_type_structure = wire_first(own)  # type: ignore[method-assign]


def wire_first(structure: Callable[..., None]) -> Callable[..., None]:
    """A JSON serializer's `_serialize_type_structure` that copies an `AttributeValue` already in
    wire form, and leaves everything else to `structure` (moto's)."""

    def _serialize_type_structure(self: Any, serialized: Any, value: Any, shape: Any, key: str) -> None:
        # `keys() ==` compares as sets without building one: this runs for every attribute value.
        if (
            key
            and type(value) is dict
            and shape.name == "AttributeValue"
            and shape.members.keys() == DYNAMODB_TYPES
        ):
            wire = wire_attribute_value(value)
            if wire is not None:
                serialized[self.get_serialized_name(shape, key)] = wire
                return
        structure(self, serialized, value, shape, key)

    return _serialize_type_structure


def wire_attribute_value(value: dict[str, Any]) -> dict[str, Any] | None:
    """`value` as moto's serializer writes it, when it is already in wire form; None otherwise
    (binary values, anything moto holds as another type: moto's own path serializes those)."""
    if len(value) != 1:
        return None
    ((kind, inner),) = value.items()
    if kind in ("S", "N"):
        return {kind: inner} if type(inner) is str else None
    if kind == "BOOL":
        return {kind: inner} if type(inner) is bool else None
    if kind == "NULL":
        return {kind: True} if inner is True else None
    if kind in ("SS", "NS"):
        return {kind: list(inner)} if type(inner) is list and all(type(v) is str for v in inner) else None
    if kind == "M" and type(inner) is dict:
        members = {name: wire_attribute_value(v) if type(v) is dict else None for name, v in inner.items()}
        return None if None in members.values() else {"M": members}
    if kind == "L" and type(inner) is list:
        elements = [wire_attribute_value(v) if type(v) is dict else None for v in inner]
        return None if None in elements else {"L": elements}
    return None


def _methods_listed_once() -> None:
    from moto.core import responses, utils

    responses.method_names_from_class = functools.cache(utils.method_names_from_class)  # type: ignore[attr-defined]


def _lazy_receive(queue_class: Any, backend_class: Any) -> None:
    every_visible = queue_class.__dict__["messages"].fget
    receive = backend_class.receive_message

    def messages(self: Any) -> Any:
        if not getattr(_receiving, "active", False):
            return every_visible(self)
        return _Visible(self)

    def receive_message(self: Any, *args: Any, **kwargs: Any) -> Any:
        _receiving.active = True
        try:
            return receive(self, *args, **kwargs)
        finally:
            _receiving.active = False

    queue_class.messages = property(messages)
    backend_class.receive_message = receive_message


def _track_only_what_reset_needs() -> None:
    from moto.core.common_models import BaseModel
    from moto.s3.models import FakeKey, FakeMultipart

    disposed_on_reset = (FakeKey, FakeMultipart)

    def __new__(cls: Any, *args: Any, **kwargs: Any) -> Any:
        instance = super(BaseModel, cls).__new__(cls)
        if issubclass(cls, disposed_on_reset):
            cls.instances_tracked.append(instance)
        return instance

    BaseModel.__new__ = __new__  # type: ignore[method-assign]


def _partition_queries(table_class: Any) -> None:
    _moto_own["all_items"] = table_class.all_items
    query = table_class.query
    signature = inspect.signature(query)

    def all_items(self: Any) -> Any:
        scope = getattr(_querying, "scope", None)
        if scope is None or scope[0] is not self:
            return _moto_own["all_items"](self)
        _, index_name, partition = scope
        if index_name:  # an index: every item, in any order
            if not self.range_key_attr:
                return list(self.items.values())
            return [item for partition_items in self.items.values() for item in partition_items.values()]
        found = self.items.get(partition)
        if found is None:
            return []
        return list(found.values()) if self.range_key_attr else [found]

    def scoped_query(self: Any, *args: Any, **kwargs: Any) -> Any:
        arguments = signature.bind(self, *args, **kwargs).arguments
        _querying.scope = (self, arguments.get("index_name"), arguments.get("hash_key"))
        try:
            return query(self, *args, **kwargs)
        finally:
            _querying.scope = None

    table_class.all_items = all_items
    table_class.query = scoped_query


def _item_count_now_and_then(table_class: Any) -> None:
    describe = table_class.describe
    _moto_own["len"] = table_class.__len__

    def described(self: Any, *args: Any, **kwargs: Any) -> Any:
        _describing.table = id(self)
        try:
            return describe(self, *args, **kwargs)
        finally:
            _describing.table = None

    def count(self: Any) -> int:
        exact = _moto_own["len"]
        if getattr(_describing, "table", None) != id(self):
            return int(exact(self))
        now = monotonic()
        counted, at = self.__dict__.get("_numeriqc_item_count", (0, None))
        if at is None or not 0 <= now - at < ITEM_COUNT_SECONDS:  # a restored table's clock is another's
            counted = int(exact(self))
            self._numeriqc_item_count = (counted, now)
        return int(counted)

    table_class.describe = described
    table_class.__len__ = count


def monotonic() -> float:
    return time.monotonic()


class _Visible:
    """A queue's visible messages, found as they are iterated (moto's list, without building it)."""

    def __init__(self, queue: Any) -> None:
        self.queue = queue

    def __iter__(self) -> Any:
        return (m for m in list(self.queue._messages) if m.visible and not m.delayed)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return any(True for _ in self)


def delete_message(self: Any, receipt_handle: str) -> None:
    """moto's `Queue.delete_message` in one pass: the same answers, the deleted handles remembered
    by `RecentlyDeleted`."""
    from moto.sqs.exceptions import ReceiptHandleIsInvalid

    if type(self.deleted_messages) is not RecentlyDeleted:
        self.deleted_messages = RecentlyDeleted(self.deleted_messages)
    if receipt_handle in self.deleted_messages:
        return  # already deleted: gracefully, as moto
    found = (i for i, message in enumerate(self._messages) if message.had_receipt_handle(receipt_handle))
    index = next(found, None)
    if index is None:
        raise ReceiptHandleIsInvalid()
    message = self._messages.pop(index)
    self.pending_messages.discard(message)
    self.deleted_messages.update(message.all_receipt_handles)


DELETED_REMEMBERED = 10_000


class RecentlyDeleted:
    """What moto's `Queue.deleted_messages` set is asked (`in`, `update`), for the last
    DELETED_REMEMBERED handles only, each kept as an 8-byte digest (stable across processes, so a
    restored snapshot still knows them) instead of its 185 characters."""

    def __init__(self, handles: Iterable[str | None] = ()) -> None:
        self.order: deque[bytes] = deque()
        self.known: set[bytes] = set()
        self.update(handles)

    @staticmethod
    def _digest(handle: str) -> bytes:
        return hashlib.blake2b(handle.encode(), digest_size=8).digest()

    def __contains__(self, handle: object) -> bool:
        return isinstance(handle, str) and self._digest(handle) in self.known

    def __len__(self) -> int:
        return len(self.order)

    def update(self, handles: Iterable[str | None]) -> None:
        for handle in handles:
            if handle is None:
                continue
            digest = self._digest(handle)
            if digest in self.known:
                continue
            self.known.add(digest)
            self.order.append(digest)
            if len(self.order) > DELETED_REMEMBERED:
                self.known.discard(self.order.popleft())


def moto_attributes(queue: Any) -> dict[str, Any]:
    """moto's own `Queue.attributes` (every value computed), for comparison."""
    return dict(_moto_own["attributes"](queue))


class LazyAttributes(Mapping[str, Any]):
    """moto's `Queue.attributes` (same keys, same values), each value computed when it is read.

    The keys are moto's: every base attribute, the FIFO ones on a FIFO queue, the KMS ones when a key
    is set. Values are rendered as moto renders them: booleans as "true"/"false", a redrive policy
    as JSON. A mapping is built per read of `queue.attributes`, as moto built its dict, so a value
    is never stale.
    """

    def __init__(self, queue: Any) -> None:
        self.queue = queue
        names = list(queue.BASE_ATTRIBUTES)
        if queue.fifo_queue:
            names += queue.FIFO_ATTRIBUTES
        if queue.kms_master_key_id:
            names += queue.KMS_ATTRIBUTES
        self.names = dict.fromkeys(names)
        self.read: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.names:
            raise KeyError(name)
        if name not in self.read:
            self.read[name] = self._value(name)
        return self.read[name]

    def _value(self, name: str) -> Any:
        from moto.core.utils import camelcase_to_underscores

        if name == "RedrivePolicy" and self.queue.redrive_policy:
            return json.dumps(self.queue.redrive_policy)
        value = getattr(self.queue, camelcase_to_underscores(name))
        return str(value).lower() if isinstance(value, bool) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)
