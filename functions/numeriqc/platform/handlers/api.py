"""Platform HTTP API: health, the OpenAPI document, Swagger UI, and the problem+json 404 for every
unknown path (infra sends API Gateway's `$default` route here)."""

from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.http import build_resolver
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.platform import deps
from numeriqc.platform.health import HealthReport, run_checks

app = build_resolver()
TAG = "Plateforme / Platform"


@app.get(
    "/health",
    tags=[TAG],
    summary="État de la plateforme et de ses dépendances / health of the platform and its dependencies",
    responses={
        200: {
            "description": "Toutes les dépendances répondent / every dependency answers",
            "content": {"application/json": {"model": HealthReport}},
        },
        503: {
            "description": "Une dépendance ne répond pas / a dependency does not answer",
            "content": {"application/json": {"model": HealthReport}},
        },
    },
)
def health() -> Response[HealthReport]:
    report = run_checks(deps.config().health_checks, deps.health_probes())
    return Response(
        status_code=200 if report.status == "ok" else 503,
        content_type="application/json",
        body=report,
        headers={"Cache-Control": "no-store"},
    )


@app.get(
    "/openapi.json", tags=[TAG], summary="Document OpenAPI de toute l'API / OpenAPI document of the whole API"
)
def openapi_document() -> dict[str, Any]:
    from numeriqc.platform.openapi import document  # imports every service: only when asked

    return document(deps.config().api_modules)


@app.get("/docs", tags=[TAG], summary="Swagger UI", include_in_schema=False)
def swagger_ui() -> Response[str]:
    return Response(status_code=200, content_type="text/html; charset=utf-8", body=_SWAGGER_PAGE)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)


_SWAGGER_PAGE = """<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API numériQc — documentation</title>
  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
</head>
<body>
  <main id="swagger-ui" aria-label="Documentation de l'API numériQc / numeriQc API documentation"></main>
  <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: "openapi.json", dom_id: "#swagger-ui", persistAuthorization: true });
  </script>
</body>
</html>
"""
