"""Powertools Logger and Metrics, and the `tracer`, shared by every handler of a service.

Service name comes from POWERTOOLS_SERVICE_NAME, which infra sets once for every function. The
metrics namespace has a default here because Metrics reads it once, when this module is imported:
the local runtime and pytest may import it before any function's environment is applied, and a
Metrics object without a namespace fails every handler that publishes a metric.

Tracing does not go through the X-Ray SDK (Powertools Tracer) any more: the SDK cost about 0.7x
`import boto3` at every cold start (it patches botocore at import), and AWS put it in maintenance
mode on 2026-02-25 (end of support 2027-02-25). Lambda's active tracing records the function's
segments; with the `tracing=otel` context flag, infra adds the ADOT layer, whose wrapper
(`/opt/otel-instrument`) instruments the handler and botocore from outside the code. See
docs/decisions/0002-cold-start.md.
"""

import os
from collections.abc import Callable
from typing import Any, TypeVar

from aws_lambda_powertools import Logger, Metrics

F = TypeVar("F", bound=Callable[..., Any])

METRICS_NAMESPACE = "numeriqc"


class InvocationLogger(Logger):
    """A Logger whose keys last one invocation: `inject_lambda_context` clears them first.

    Powertools keeps keys added with `append_keys` for the container's life by default, so the
    authorizer's `org_id` of one caller labelled the next invocation's lines (another caller's, or
    a public route's): a log naming the wrong organization. Clearing is the default here for every
    handler, so no handler can forget it."""

    def inject_lambda_context(
        self,
        lambda_handler: Any = None,
        log_event: bool | None = None,
        correlation_id_path: str | None = None,
        clear_state: bool | None = True,
        flush_buffer_on_uncaught_error: bool = False,
    ) -> Any:
        return super().inject_lambda_context(
            lambda_handler, log_event, correlation_id_path, clear_state, flush_buffer_on_uncaught_error
        )


class LambdaTracer:
    """The decorators handlers already use (`capture_lambda_handler`, `capture_method`), without the SDK.

    They hand back the function itself: the segments come from outside the code (Lambda's active
    tracing; the ADOT wrapper's spans and botocore calls when infra turns OpenTelemetry on), so a
    handler costs nothing to trace, at import or per call. Keeping the names keeps every handler's
    decorators as they are."""

    def capture_lambda_handler(self, lambda_handler: F | None = None, **_options: Any) -> Any:
        if lambda_handler is None:
            return self.capture_lambda_handler
        return lambda_handler

    def capture_method(self, method: F | None = None, **_options: Any) -> Any:
        if method is None:
            return self.capture_method
        return method


logger = InvocationLogger()
tracer = LambdaTracer()
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or METRICS_NAMESPACE)
