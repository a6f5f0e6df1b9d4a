"""Barometer HTTP API: public reads of the measures and indicators, organizations' definitions and
reports (scope `barometer:report`). Thin: rules live in indicators.py and reporting.py. The events a
request emits (`barometer.report.recorded.v1` ...) are published once it has succeeded; they are
what regenerates the public site.
"""

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.barometer import deps
from numeriqc.barometer.handlers.routes import indicators, register, reports
from numeriqc.core.events import publishes_events
from numeriqc.core.http import build_resolver
from numeriqc.core.observability import logger, metrics, tracer

app = build_resolver()
for routes in (indicators, reports, register):  # the order of the OpenAPI document
    app.include_router(routes.router)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
