"""Exchange HTTP API: the catalogue, grants, messages and the log, one module per resource under
routes/, all on this one resolver. Thin: rules live in catalogue.py, access.py, publishing.py,
mailbox.py, replay.py, log_audit.py and figures.py. Events (grant changes) are published once a
request has succeeded.
"""

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.events import publishes_events
from numeriqc.core.http import build_resolver
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.exchange import deps
from numeriqc.exchange.handlers.routes import datasets, grants, log, messages, push, uploads

app = build_resolver()
for routes in (datasets, grants, messages, push, uploads, log):  # the order of the OpenAPI document
    app.include_router(routes.router)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
