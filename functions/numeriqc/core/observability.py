"""Powertools Logger, Tracer and Metrics shared by every handler of a service.

Service name comes from POWERTOOLS_SERVICE_NAME, which infra sets once for every function. The
metrics namespace has a default here because Metrics reads it once, when this module is imported:
the local runtime and pytest may import it before any function's environment is applied, and a
Metrics object without a namespace fails every handler that publishes a metric.
"""

import os
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer

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


logger = InvocationLogger()
tracer = Tracer()
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or METRICS_NAMESPACE)
