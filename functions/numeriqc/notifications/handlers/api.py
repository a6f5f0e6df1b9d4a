"""Notifications HTTP API (API Gateway): templates, sends, bulk jobs, reminders, consent, erasure.

Thin: the routes (`handlers/routes/`, one module per resource) map requests to rules, check scopes
and apply Idempotency-Key to writes. The events a request emits are published once it has
succeeded: a refused or failed request publishes nothing, and nothing carries over to the next one.
"""

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.events import publishes_events
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import deps
from numeriqc.notifications.handlers.routes import bulk, consent, notify_v2, sending, templates
from numeriqc.notifications.handlers.routes.resolver import app

ROUTES = (
    templates,
    sending,
    bulk,
    consent,
    notify_v2,
)  # imported for their registrations on `app`, in this order

__all__ = ["ROUTES", "app", "handler"]


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    if notify_v2.is_v2(event):  # GOV.UK Notify's surface: English by default, Notify's error envelope
        return notify_v2.as_notify(app.resolve(notify_v2.english_unless_french(event), lambda_context))
    return app.resolve(event, lambda_context)
