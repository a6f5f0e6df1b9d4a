"""Exports of an organization's feedback: queue one, follow it, download it (rules in export_jobs.py)."""

from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger
from numeriqc.feedback import deps
from numeriqc.feedback.handlers.routes.parameters import TAG, ExportIdPath
from numeriqc.feedback.models import Export, ExportIn

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.post(
    "/v1/feedback/exports",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Exporter en CSV ou JSON / export as CSV or JSON",
    responses={202: {"description": "Exportation en file / export queued"}},
)
def create_export(request: ExportIn, idempotency_key: IdempotencyKey = None) -> Response[Export]:
    caller = current_caller(router, Scope.FEEDBACK_READ)

    def create() -> dict[str, Any]:
        return deps.export_jobs().create(caller.org_id, request, deps.job_queue()).model_dump(mode="json")

    created = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    return json_response(
        created, status=202, headers={"Location": f"/v1/feedback/exports/{created['export_id']}"}
    )


@router.get(
    "/v1/feedback/exports/<export_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="État d'une exportation et lien de téléchargement / export status and download link",
)
def get_export(export_id: ExportIdPath) -> Export:
    caller = current_caller(router, Scope.FEEDBACK_READ)
    export = deps.export_jobs().get(caller.org_id, export_id, deps.presigner())
    if export.download_url:  # who was handed a download link, and when (the bucket keeps no access log)
        logger.info("export link issued", extra={"export_id": export_id, "key_id": caller.key_id})
    return export
