"""Platform HTTP API: health, the OpenAPI document, Swagger UI, and the problem+json 404 for every
unknown path (infra sends API Gateway's `$default` route here)."""

from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import clock
from numeriqc.core.http import build_resolver
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.platform import deps, docs_page
from numeriqc.platform.health import HealthReport, clock_reading, run_checks

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
    report.clock = clock_reading(clock.now(), clock.system_clock(), clock.is_real())
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
    return Response(
        status_code=200,
        content_type="text/html; charset=utf-8",
        body=docs_page.PAGE,
        headers={"Content-Security-Policy": docs_page.CONTENT_SECURITY_POLICY, "Cache-Control": "no-cache"},
    )


@app.get("/docs/<name>", tags=[TAG], summary="Swagger UI files", include_in_schema=False)
def swagger_ui_file(name: str) -> Response[Any]:
    """Swagger UI's own files and its start script: served here, so /docs needs no CDN (see docs_page)."""
    if name == "init.js":
        found: tuple[bytes | str, str] | None = (docs_page.INIT_SCRIPT, "text/javascript; charset=utf-8")
    else:
        found = deps.swagger_asset(name)
    if found is None:
        raise NotFoundError(name)
    content, content_type = found
    return Response(
        status_code=200,
        content_type=content_type,
        body=content,
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
        compress=True,
    )


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
