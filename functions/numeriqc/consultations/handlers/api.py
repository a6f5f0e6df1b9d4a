"""Consultations HTTP API: the citizens' public routes and the organizations' routes, one module per
resource under routes/, all on this one resolver. Thin: rules live in authoring.py,
participation.py, results.py, statements.py, analysis.py and invitations.py.
"""

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.consultations import deps
from numeriqc.consultations.handlers.routes import manage, public, statements
from numeriqc.core.events import publishes_events
from numeriqc.core.http import build_resolver
from numeriqc.core.observability import logger, metrics, tracer

app = build_resolver()
for routes in (public, statements, manage):  # the order of the OpenAPI document
    app.include_router(routes.router)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
@publishes_events(deps.publisher)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
