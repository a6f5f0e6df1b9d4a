"""Two costs of moto's that a busy local platform pays on every event (found with py-spy during a
1,000-row bulk through `make dev`), removed without changing what moto answers.

* **SendMessage walks the whole queue three times.** moto reads
  `queue.attributes.get("ContentBasedDeduplication")` while sending, and `attributes` computes every
  attribute, including the three approximate counts, each a pass over every message of the queue
  with a clock read per message. A send to a queue of n messages is O(n), so filling a queue is
  quadratic: 72 % of moto's PutEvents time went there (the events' shim queue held ~900 messages).
  While moto runs `send_message`, `Queue.attributes` answers only that attribute, computed as moto
  computes it; everywhere else (GetQueueAttributes) it is moto's own.
* **ReceiveMessage and DeleteMessage walk the whole queue too.** A receive builds the list of every
  visible message to take ten; a delete tests every message's receipt handles twice and rebuilds
  the list. Draining a backlog of n messages was quadratic (the events' shim queue reached ~2,000
  during a 10,000-row bulk, and receives were most of moto's time). While moto runs
  `receive_message`, `Queue.messages` is found as it is iterated (the loop stops at the tenth); a delete finds
  its one message (receipt handles are unique) and removes it in place.
* **An InputTransformer re-builds a JSONPath parser per event.** moto's EventBridge calls
  `jsonpath_ng.ext.parse(path)` for every path of every event (the local runtime's shim targets
  have one), building a PLY parser each time (~8 % of moto's thread). A parsed path keeps no state,
  so `parse` is cached per path text.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

_lock = threading.Lock()
_sending = threading.local()
_receiving = threading.local()
_INSTALLED = "_numeriqc_costs"


def install() -> None:
    """Apply both (idempotent)."""
    import jsonpath_ng.ext
    from moto.sqs.models import Queue, SQSBackend

    with _lock:
        if getattr(SQSBackend.send_message, _INSTALLED, False):
            return
        jsonpath_ng.ext.parse = functools.lru_cache(maxsize=1024)(jsonpath_ng.ext.parse)  # type: ignore[attr-defined]
        every_attribute = Queue.__dict__["attributes"].fget  # the property, not its value
        send = SQSBackend.send_message

        def attributes(self: Any) -> dict[str, Any]:
            if not getattr(_sending, "active", False):
                return every_attribute(self)
            return send_time_attributes(self)

        def send_message(self: Any, *args: Any, **kwargs: Any) -> Any:
            _sending.active = True
            try:
                return send(self, *args, **kwargs)
            finally:
                _sending.active = False

        setattr(send_message, _INSTALLED, True)
        Queue.attributes = property(attributes)  # type: ignore[method-assign,assignment]
        SQSBackend.send_message = send_message  # type: ignore[method-assign]
        _lazy_receive(Queue, SQSBackend)
        Queue.delete_message = delete_message  # type: ignore[method-assign]


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
    """moto's `Queue.delete_message` in one pass: the same answers, the same bookkeeping."""
    from moto.sqs.exceptions import ReceiptHandleIsInvalid

    if receipt_handle in self.deleted_messages:
        return  # already deleted: gracefully, as moto
    found = (i for i, message in enumerate(self._messages) if message.had_receipt_handle(receipt_handle))
    index = next(found, None)
    if index is None:
        raise ReceiptHandleIsInvalid()
    message = self._messages.pop(index)
    self.pending_messages.discard(message)
    self.deleted_messages.update(message.all_receipt_handles)


def send_time_attributes(queue: Any) -> dict[str, Any]:
    """The one attribute moto reads while sending, as moto's `Queue.attributes` would render it."""
    if not queue.fifo_queue:
        return {}
    value = queue.content_based_deduplication
    return {"ContentBasedDeduplication": str(value).lower() if isinstance(value, bool) else value}
