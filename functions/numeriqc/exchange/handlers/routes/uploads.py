"""Files: the owner gets a presigned PUT into its upload area, signals the upload complete, and reads
the report (file_publishing.py). Only the dataset's owner, as for publishing through the API."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, json_response
from numeriqc.core.i18n import negotiate
from numeriqc.core.observability import logger
from numeriqc.exchange import deps
from numeriqc.exchange.handlers.routes.parameters import NOT_FOUND, TAG, DatasetIdPath, problem
from numeriqc.exchange.models import UploadReport, UploadTicket

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped

UploadIdPath = Annotated[str, Path(pattern=r"^[0-9A-HJKMNP-TV-Z]{26}$", description="Dépôt / upload id")]


def _rendered(report: UploadReport) -> dict[str, Any]:
    """The report with each fault's detail in the caller's language only."""
    language = negotiate(router.current_event.headers.get("accept-language"))
    body = report.model_dump(mode="json")
    body["errors"] = [{**error, "detail": error["detail"][language]} for error in body["errors"]]
    return body


@router.post(
    "/v1/exchange/datasets/<dataset_id>/uploads",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Déposer un fichier: URL présignée / upload a file: presigned URL",
    responses={201: {"description": "Le ticket de dépôt / the upload ticket"}, **NOT_FOUND},
)
def start_upload(dataset_id: DatasetIdPath) -> Response[UploadTicket]:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)
    ticket = deps.file_publishing().start(caller.org_id, dataset_id)
    logger.info("upload ticket issued", extra={"dataset_id": dataset_id, "upload_id": ticket.upload_id})
    return json_response(ticket.model_dump(mode="json"), status=201)


@router.post(
    "/v1/exchange/datasets/<dataset_id>/uploads/<upload_id>/complete",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Fichier déposé: publier ses lignes valides / file uploaded: publish its valid rows",
    responses={
        202: {
            "description": "Plus de 1 Mo: en file, suivre le rapport / over 1 MB: queued, follow the report"
        },
        409: problem("Publication en cours / being published"),
        413: problem("Fichier trop volumineux / file too large"),
        422: problem("Fichier illisible ou trop d'erreurs / unreadable file or too many errors"),
        **NOT_FOUND,
    },
)
def complete_upload(dataset_id: DatasetIdPath, upload_id: UploadIdPath) -> Response[Any]:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)
    report = deps.file_publishing().complete(caller.org_id, dataset_id, upload_id)
    logger.info(
        "upload published",
        extra={
            "dataset_id": dataset_id,
            "upload_id": upload_id,
            "published": report.published,
            "refused": report.refused,
        },
    )
    if report.status == "queued":
        location = f"/v1/exchange/datasets/{dataset_id}/uploads/{upload_id}"
        return json_response(_rendered(report), status=202, headers={"Location": location})
    return json_response(_rendered(report))


@router.get(
    "/v1/exchange/datasets/<dataset_id>/uploads/<upload_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Rapport d'un dépôt / an upload's report",
    responses=NOT_FOUND,
)
def upload_report(dataset_id: DatasetIdPath, upload_id: UploadIdPath) -> Response[Any]:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)
    return json_response(_rendered(deps.file_publishing().report(caller.org_id, dataset_id, upload_id)))
