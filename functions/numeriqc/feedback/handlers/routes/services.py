"""The organizations' services and their aggregates (rules in catalogue.py and reports.py)."""

from datetime import date
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.feedback import deps
from numeriqc.feedback.handlers.routes.parameters import TAG, ServiceIdPath, problem
from numeriqc.feedback.models import (
    AggregateList,
    Period,
    RatingRequested,
    RatingRequestIn,
    Service,
    ServiceIn,
    ServiceList,
)

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.post(
    "/v1/services",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Inscrire un service / register a service",
    responses={
        201: {"description": "Service inscrit / registered"},
        409: problem("Existe déjà / already exists"),
    },
)
def register_service(request: ServiceIn, idempotency_key: IdempotencyKey = None) -> Response[Service]:
    caller = current_caller(router, Scope.FEEDBACK_MANAGE)

    def create() -> dict[str, Any]:
        return deps.catalogue().register(caller.org_id, request).model_dump(mode="json")

    created = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    return json_response(created, status=201, headers={"Location": f"/v1/services/{created['service_id']}"})


@router.get("/v1/services", tags=[TAG], security=KEY_REQUIRED, summary="Mes services / my services")
def list_services() -> ServiceList:
    caller = current_caller(router, Scope.FEEDBACK_READ)
    return ServiceList(items=deps.catalogue().list(caller.org_id))


@router.get(
    "/v1/services/<service_id>", tags=[TAG], security=KEY_REQUIRED, summary="Un service / one service"
)
def get_service(service_id: ServiceIdPath) -> Service:
    caller = current_caller(router, Scope.FEEDBACK_READ)
    return deps.catalogue().get(caller.org_id, service_id)


@router.post(
    "/v1/services/<service_id>/rating-requests",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Demander une note (1 à 5) par texto / ask a consenting number for a rating by SMS",
    responses={202: {"description": "Texto en file / text queued"}},
)
def request_rating(
    service_id: ServiceIdPath, request: RatingRequestIn, idempotency_key: IdempotencyKey = None
) -> Response[RatingRequested]:
    caller = current_caller(router, Scope.FEEDBACK_MANAGE)

    def ask() -> dict[str, Any]:
        asked = deps.sms_ratings().ask(caller.org_id, service_id, request, key_kind=caller.kind.value)
        return asked.model_dump(mode="json")

    asked = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=ask,
    )
    return json_response(asked, status=202)


@router.get(
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
    caller = current_caller(router, Scope.FEEDBACK_READ)
    return deps.reports().aggregates(caller.org_id, service_id, period, since, until)
