"""Feedback HTTP API: the public submission route and the organizations' routes. Thin: rules live in
intake.py, catalogue.py, inbox.py, reports.py and exports.py.
"""

from datetime import date, datetime
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Header, Path, Query
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse, OpenAPIResponseContentSchema
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.metrics import MetricUnit, single_metric
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, build_resolver, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.feedback import deps
from numeriqc.feedback.inbox import Search
from numeriqc.feedback.models import (
    SERVICE_ID_PATTERN,
    AggregateList,
    Contact,
    Export,
    ExportIn,
    Feedback,
    FeedbackIn,
    FeedbackPage,
    Period,
    Receipt,
    Service,
    ServiceIn,
    ServiceList,
    Status,
    TriageIn,
)

app = build_resolver()
PUBLIC = "Rétroaction citoyenne / Citizen feedback"
TAG = "Rétroaction : organismes / Feedback: organizations"
ServiceIdPath = Annotated[str, Path(pattern=SERVICE_ID_PATTERN, description="`<org>.<slug>`")]
FeedbackIdPath = Annotated[str, Path(description="Identifiant (reçu) / id (receipt)")]
ExportIdPath = Annotated[str, Path(description="Identifiant de l'exportation / export id")]


def _problem(description: str) -> OpenAPIResponse:
    """A documented 4xx answer: problem+json, like every other (docs/openapi.json)."""
    schema: OpenAPIResponseContentSchema = {"schema": {"$ref": "#/components/schemas/Problem"}}
    return {"description": description, "content": {"application/problem+json": schema}}


IdempotencyKey = Annotated[
    str | None,
    Header(alias="idempotency-key", description="Rejouer sans doublon / retry without duplicates"),
]


@app.post(
    "/v1/feedback",
    tags=[PUBLIC],
    summary="Donner son avis sur un service / rate a service",
    description=(
        "Public, sans clé. Les renseignements personnels du commentaire sont retirés avant tout "
        "enregistrement; au plus 10 envois par minute; un envoi identique dans les 5 minutes reçoit "
        "le même reçu. / Public, no key. Personal information is removed from the comment before "
        "anything is stored; at most 10 submissions a minute; the same submission within 5 minutes "
        "gets the same receipt."
    ),
    responses={201: {"description": "Reçu / receipt"}, 429: _problem("Trop de requêtes / too many requests")},
)
def submit(request: FeedbackIn) -> Response[Receipt]:
    source_ip = app.current_event.request_context.http.source_ip or "unknown"
    outcome = deps.intake().submit(request, source_ip)
    # One EMF line with the namespace from this function's settings (the shared Metrics object may
    # have been built before the environment was, when several functions share a process locally).
    namespace = deps.config().powertools_metrics_namespace
    with single_metric(
        name=f"Feedback_{outcome.result}", unit=MetricUnit.Count, value=1, namespace=namespace
    ):
        pass
    # Never the comment, the page address or the client's address: ids, rating and what was removed.
    logger.info(
        "feedback submission",
        extra={
            "outcome": outcome.result,
            "receipt_id": outcome.receipt.receipt_id,
            "service_id": request.service_id,
            "rating": request.rating,
            "removed": outcome.receipt.removed,
        },
    )
    return json_response(outcome.receipt.model_dump(mode="json"), status=201)


@app.post(
    "/v1/services",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Inscrire un service / register a service",
    responses={
        201: {"description": "Service inscrit / registered"},
        409: _problem("Existe déjà / already exists"),
    },
)
def register_service(request: ServiceIn, idempotency_key: IdempotencyKey = None) -> Response[Service]:
    caller = current_caller(app, Scope.FEEDBACK_MANAGE)

    def create() -> dict[str, Any]:
        return deps.catalogue().register(caller.org_id, request).model_dump(mode="json")

    created = idempotent_write(
        app,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    return json_response(created, status=201, headers={"Location": f"/v1/services/{created['service_id']}"})


@app.get("/v1/services", tags=[TAG], security=KEY_REQUIRED, summary="Mes services / my services")
def list_services() -> ServiceList:
    caller = current_caller(app, Scope.FEEDBACK_READ)
    return ServiceList(items=deps.catalogue().list(caller.org_id))


@app.get("/v1/services/<service_id>", tags=[TAG], security=KEY_REQUIRED, summary="Un service / one service")
def get_service(service_id: ServiceIdPath) -> Service:
    caller = current_caller(app, Scope.FEEDBACK_READ)
    return deps.catalogue().get(caller.org_id, service_id)


@app.get(
    "/v1/services/<service_id>/aggregates",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Agrégats par jour, semaine ou mois / aggregates per day, week or month",
)
def get_aggregates(
    service_id: ServiceIdPath,
    period: Annotated[Period, Query(description="day, week, month")] = Period.DAY,
    since: Annotated[date | None, Query(description="Première date (heure du Québec) / first date")] = None,
    until: Annotated[date | None, Query(description="Dernière date incluse / last date, included")] = None,
) -> AggregateList:
    caller = current_caller(app, Scope.FEEDBACK_READ)
    return deps.reports().aggregates(caller.org_id, service_id, period, since, until)


@app.get(
    "/v1/feedback",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Chercher dans la rétroaction / search feedback",
)
def search_feedback(  # every parameter is a query parameter, passed by name
    *,
    service_id: Annotated[str | None, Query(pattern=SERVICE_ID_PATTERN)] = None,
    since: Annotated[datetime | None, Query(description="Reçue à partir de / received from")] = None,
    until: Annotated[datetime | None, Query(description="Reçue avant / received before")] = None,
    rating: Annotated[int | None, Query(ge=1, le=5)] = None,
    has_comment: Annotated[bool | None, Query(description="Avec commentaire / with comment")] = None,
    status: Annotated[Status | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
) -> FeedbackPage:
    caller = current_caller(app, Scope.FEEDBACK_READ)
    search = Search(service_id, since, until, rating, has_comment, status)
    return deps.inbox().search(caller.org_id, search, limit, cursor)


@app.get(
    "/v1/feedback/<feedback_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Une rétroaction / one feedback",
)
def get_feedback(feedback_id: FeedbackIdPath) -> Feedback:
    caller = current_caller(app, Scope.FEEDBACK_READ)
    return deps.inbox().feedback(caller.org_id, feedback_id)


@app.patch(
    "/v1/feedback/<feedback_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Trier : nouvelle, lue, signalée, archivée / triage: new, read, flagged, archived",
)
def triage_feedback(feedback_id: FeedbackIdPath, request: TriageIn) -> Feedback:
    caller = current_caller(app, Scope.FEEDBACK_MANAGE)
    return deps.inbox().triage(caller.org_id, feedback_id, request.status)


@app.delete(
    "/v1/feedback/<feedback_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Supprimer pour de bon / delete for good",
    responses={204: {"description": "Supprimée / deleted"}},
)
def delete_feedback(feedback_id: FeedbackIdPath) -> Response[None]:
    caller = current_caller(app, Scope.FEEDBACK_MANAGE)
    deps.inbox().delete(caller.org_id, feedback_id)
    logger.info("feedback deleted", extra={"feedback_id": feedback_id, "org_id": caller.org_id})
    return Response(status_code=204, body=None)


@app.get(
    "/v1/feedback/<feedback_id>/contact",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Coordonnées (avec consentement) / contact details (with consent)",
)
def get_contact(feedback_id: FeedbackIdPath) -> Contact:
    caller = current_caller(app, Scope.FEEDBACK_MANAGE)
    logger.info("contact read", extra={"feedback_id": feedback_id, "key_id": caller.key_id})
    return deps.inbox().contact(caller.org_id, feedback_id)


@app.post(
    "/v1/feedback/exports",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Exporter en CSV ou JSON / export as CSV or JSON",
    responses={202: {"description": "Exportation en file / export queued"}},
)
def create_export(request: ExportIn, idempotency_key: IdempotencyKey = None) -> Response[Export]:
    caller = current_caller(app, Scope.FEEDBACK_READ)

    def create() -> dict[str, Any]:
        return deps.exports().create(caller.org_id, request, deps.job_queue()).model_dump(mode="json")

    created = idempotent_write(
        app,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    return json_response(
        created, status=202, headers={"Location": f"/v1/feedback/exports/{created['export_id']}"}
    )


@app.get(
    "/v1/feedback/exports/<export_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="État d'une exportation et lien de téléchargement / export status and download link",
)
def get_export(export_id: ExportIdPath) -> Export:
    caller = current_caller(app, Scope.FEEDBACK_READ)
    export = deps.exports().get(caller.org_id, export_id, deps.presigner())
    if export.download_url:  # who was handed a download link, and when (the bucket keeps no access log)
        logger.info("export link issued", extra={"export_id": export_id, "key_id": caller.key_id})
    return export


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
