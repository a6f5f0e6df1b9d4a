"""Feedback HTTP API: the public submission route and the organizations' routes, one module per
resource under routes/, all on this one resolver. Thin: rules live in intake.py, catalogue.py,
inbox.py, reports.py and export_jobs.py.
"""

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.http import build_resolver
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.feedback.handlers.routes import exports, inbox, services, submissions

app = build_resolver()
for routes in (submissions, services, inbox, exports):  # the order of the OpenAPI document
    app.include_router(routes.router)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
