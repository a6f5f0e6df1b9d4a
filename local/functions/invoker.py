"""Running a template function in-process: its handler, its environment, a Lambda-like context.

All functions share one Python process locally, so each call applies exactly that function's
environment (the template's variables plus what Lambda itself sets) and hides every variable
another function of the template sets: a function that forgot a variable in `infra/` fails
locally as it would in AWS. The process's one turn (`turns.INVOCATION_TURNS`) makes sure no two
invocations ever run at once, so no function can observe another one's environment; requests go
before trigger work (see `turns`). Each call also installs the runtime's clock in the kernel's hook
(`numeriqc.core.clock`), so every function reads the local clock (`numeriqc clock`, a test's
`platform.clock`) and code outside an invocation keeps its own. Events and results go through JSON,
as they do in AWS, so a handler cannot return what Lambda could not serialize.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import Any

from ..account import FAKE_CREDENTIALS, REGION
from ..clock import Clock, is_real
from ..template.wiring import FunctionDef, Wiring
from . import slow_requests
from .turns import INVOCATION_TURNS

log = logging.getLogger("numeriqc_local")

INVOCATION_LOCK = INVOCATION_TURNS  # the name other modules import


class HandlerImportError(ImportError):
    """The template names a handler that cannot be imported."""


class LambdaContext:
    """The attributes and method handlers (and Powertools) read from Lambda's context object."""

    def __init__(self, function: FunctionDef, request_id: str | None = None) -> None:
        self.function_name = function.name
        self.function_version = "$LATEST"
        self.invoked_function_arn = function.arn
        self.memory_limit_in_mb = function.memory
        self.aws_request_id = request_id or str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{function.name}"
        self.log_stream_name = f"{time.strftime('%Y/%m/%d')}/[$LATEST]{uuid.uuid4().hex}"
        self.identity = None
        self.client_context = None
        self.tenant_id = None
        self._deadline = time.monotonic() + function.timeout

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def _resolve_handler(handler: str) -> Callable[[Any, Any], Any]:
    module_name, _, attribute = handler.rpartition(".")
    if not module_name:
        raise HandlerImportError(f"handler {handler!r} is not 'module.function'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise HandlerImportError(f"cannot import {module_name} (handler {handler}): {error}") from error
    function = getattr(module, attribute, None)
    if not callable(function):
        raise HandlerImportError(f"{module_name} has no callable {attribute} (handler {handler})")
    return function


# Settings only the local runtime gives functions, never the deployed stack (tests/infra checks):
# exchange push endpoints may be plain HTTP on loopback, so tests run their receivers on 127.0.0.1.
LOCAL_ONLY = {"EXCHANGE_PUSH_LOOPBACK_HTTP": "true"}


class Invoker:
    """Invokes the template's functions; `endpoint_url` is the moto server they must reach, if any."""

    def __init__(self, wiring: Wiring, endpoint_url: str | None = None, clock: Clock | None = None) -> None:
        self.wiring = wiring
        self.endpoint_url = endpoint_url
        self.clock = clock
        self._hidden = wiring.environment_keys()
        # Operator settings given to `numeriqc dev --set` (a daily limit, a sending rate): what a
        # deployer would change in the stack, tried locally without editing infra.
        self.overrides: dict[str, str] = {}

    def environment(self, function_id: str) -> dict[str, str]:
        """The variables a function sees: the template's plus those Lambda sets itself."""
        function = self.wiring.function(function_id)
        env = dict(function.environment)
        env.update(
            {
                "AWS_REGION": REGION,
                "AWS_DEFAULT_REGION": REGION,
                "AWS_LAMBDA_FUNCTION_NAME": function.name,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(function.memory),
                "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
                "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{function.name}",
                "_HANDLER": function.handler,
                "POWERTOOLS_TRACE_DISABLED": "true",
                # Lets a function know it runs locally: status callbacks may reach a loopback receiver.
                "NUMERIQC_LOCAL_RUNTIME": "true",
            }
        )
        env.update(LOCAL_ONLY)
        env.update(self.overrides)
        if self.endpoint_url:
            env["AWS_ENDPOINT_URL"] = self.endpoint_url
        return env

    @contextmanager
    def applied(self, function_id: str) -> Iterator[FunctionDef]:
        """Run a block with `function_id`'s environment (holding the process's one turn)."""
        function = self.wiring.function(function_id)
        env = self.environment(function.logical_id)
        asked = time.perf_counter()
        with INVOCATION_LOCK:
            began = time.perf_counter()
            kind = "invocation-bg" if slow_requests.background() else "invocation"
            slow_requests.record(asked, began, f"{kind}-wait", function_id)
            keys = {*env, *self._hidden, *FAKE_CREDENTIALS, "AWS_ENDPOINT_URL"}
            saved = {key: os.environ.get(key) for key in keys}
            try:
                for key in self._hidden - env.keys():
                    os.environ.pop(key, None)
                if not self.endpoint_url:
                    os.environ.pop("AWS_ENDPOINT_URL", None)
                for key, value in FAKE_CREDENTIALS.items():
                    os.environ.setdefault(key, value)
                os.environ.update(env)
                with self._clock_installed():
                    yield function
            finally:
                slow_requests.record(began, time.perf_counter(), kind, function_id)
                for key, previous in saved.items():
                    if previous is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = previous

    def _clock_installed(self) -> ExitStack:
        """The kernel reads the runtime's clock for this block (real time while it is real)."""
        stack = ExitStack()
        if self.clock is not None:
            # Imported here: the dev server re-imports `numeriqc` after an edit; use the live module.
            from numeriqc.core import clock as kernel

            moved = not is_real(self.clock)
            stack.enter_context(
                kernel.using(self.clock if moved else None, getattr(self.clock, "sleep", None))
            )
        return stack

    def invoke(self, function_id: str, event: Any, request_id: str | None = None) -> Any:
        """Call the handler like Lambda does; a handler's exception propagates unchanged."""
        function = self.wiring.function(function_id)
        if not function.invocable:
            raise HandlerImportError(
                f"{function.logical_id} ({function.runtime or 'no runtime'}) cannot run locally"
            )
        payload = json.loads(json.dumps(event))
        with self.applied(function.logical_id):
            handler = _resolve_handler(function.handler)
            context = LambdaContext(function, request_id)
            started = time.monotonic()
            try:
                result = handler(payload, context)
            finally:
                elapsed = time.monotonic() - started
                if elapsed > function.timeout:
                    log.warning(
                        "%s ran %.1f s: AWS would have stopped it after its %d s timeout",
                        function.logical_id,
                        elapsed,
                        function.timeout,
                    )
        return json.loads(json.dumps(result))

    def names(self) -> Mapping[str, FunctionDef]:
        return self.wiring.functions
