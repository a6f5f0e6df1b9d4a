"""Two costs of moto's that a busy local platform pays on every event (found with py-spy during a
1,000-row bulk through `make dev`), removed without changing what moto answers.

* **SendMessage walks the whole queue three times.** moto reads
  `queue.attributes.get("ContentBasedDeduplication")` while sending, and `attributes` computes every
  attribute, including the three approximate counts, each a pass over every message of the queue
  with a clock read per message. A send to a queue of n messages is O(n), so filling a queue is
  quadratic: 72 % of moto's PutEvents time went there (the events' shim queue held ~900 messages).
  While moto runs `send_message`, `Queue.attributes` answers only that attribute, computed as moto
  computes it; everywhere else (GetQueueAttributes) it is moto's own.
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


def send_time_attributes(queue: Any) -> dict[str, Any]:
    """The one attribute moto reads while sending, as moto's `Queue.attributes` would render it."""
    if not queue.fifo_queue:
        return {}
    value = queue.content_based_deduplication
    return {"ContentBasedDeduplication": str(value).lower() if isinstance(value, bool) else value}
