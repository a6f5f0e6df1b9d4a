"""moto's threaded server, one request at a time.

moto's backends are plain Python objects without locks, and `ThreadedMotoServer` serves every
request in its own thread. With the HTTP API and the trigger loop calling moto at once, a `Scan`
iterated a table's dict while a transaction inserted into it ("dictionary changed size during
iteration"), and stream shards, SQS queues and SES/SNS outboxes are shared the same way.

Every moto request (and every in-process read of moto's backends: the outbox, snapshots) holds
`EMULATOR_LOCK`. One writer at a time is what DynamoDB's own semantics need anyway; after the
journaled transactions (`moto_transactions`) a moto call takes milliseconds, so requests from the
API wait milliseconds behind the triggers' calls, not the triggers' invocations (`functions.turns`).

The lock is a `Turns`, the invocations' rule applied to moto: when a request and the trigger loop
both wait for it, the request goes first. A plain lock has no order, and since the dev server's own
calls skip the socket (`in_process_calls`) the trigger loop can release and take it again within
one slice of the GIL, call after call.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from moto.moto_server import threaded_moto_server as _threaded

from ..functions import slow_requests
from ..functions.turns import Turns

EMULATOR_LOCK = Turns()

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def serialized(app: Wsgi) -> Wsgi:
    """A WSGI app that answers one request at a time (its body read in full under the lock)."""

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        asked = time.perf_counter()
        with EMULATOR_LOCK:
            began = time.perf_counter()
            try:
                return list(app(environ, start_response))
            finally:
                label = _operation(environ)
                kind = "emulator-bg" if slow_requests.background() else "emulator"
                slow_requests.record(asked, began, f"{kind}-wait", label)
                slow_requests.record(began, time.perf_counter(), kind, label)

    return serve


def _operation(environ: dict[str, Any]) -> str:
    """The call's name where the request says it without reading its body (JSON protocols)."""
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return str(target).rpartition(".")[2]
    return f"{environ.get('REQUEST_METHOD')} {str(environ.get('HTTP_HOST', '')).partition('.')[0]}"


class SerializedMotoServer(_threaded.ThreadedMotoServer):
    """`ThreadedMotoServer` whose application holds `EMULATOR_LOCK` for each request; `app` is that
    application, for calls answered in-process (`in_process_calls`)."""

    def __init__(self, ip_address: str = "0.0.0.0", port: int = 5000, verbose: bool = True) -> None:
        super().__init__(ip_address=ip_address, port=port, verbose=verbose)
        moto: Any = _threaded  # its names are imported there, not exported
        self.app = serialized(moto.DomainDispatcherApplication(moto.create_backend_app))

    def _server_entry(self) -> None:
        moto: Any = _threaded
        self._server = moto.make_server(
            self._ip_address, self._port, self.app, True, request_handler=moto.MotoRequestHandler
        )
        self._server_ready_event.set()
        self._server.serve_forever()
