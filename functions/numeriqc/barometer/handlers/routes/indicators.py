"""The strategy's measures and the indicators: public reads, definitions by organizations."""

from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.barometer import deps
from numeriqc.barometer.handlers.routes.parameters import PUBLIC, TAG, IndicatorIdPath, problem
from numeriqc.barometer.models import (
    Indicator,
    IndicatorIn,
    IndicatorList,
    IndicatorSeries,
    StrategyMeasureList,
)
from numeriqc.barometer.strategy import MEASURES
from numeriqc.core import events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.get("/v1/barometer/measures", tags=[PUBLIC], summary="Les 16 mesures / the 16 measures")
def list_measures() -> StrategyMeasureList:
    return StrategyMeasureList(items=list(MEASURES))


@router.get("/v1/barometer/indicators", tags=[PUBLIC], summary="Les indicateurs / indicators")
def list_indicators() -> IndicatorList:
    return IndicatorList(items=deps.catalogue().list())


@router.get(
    "/v1/barometer/indicators/<indicator_id>",
    tags=[PUBLIC],
    summary="Un indicateur / one indicator",
    responses={404: problem("Indicateur inconnu / unknown indicator")},
)
def get_indicator(indicator_id: IndicatorIdPath) -> Indicator:
    return deps.catalogue().get(indicator_id)


@router.get(
    "/v1/barometer/indicators/<indicator_id>/series",
    tags=[PUBLIC],
    summary="Valeurs agrégées et statut / aggregated values and status",
    responses={404: problem("Indicateur inconnu / unknown indicator")},
)
def get_series(indicator_id: IndicatorIdPath) -> IndicatorSeries:
    view = deps.series().view(deps.catalogue().get(indicator_id))
    return IndicatorSeries(indicator_id=indicator_id, status=view.status, points=view.points)


@router.post(
    "/v1/barometer/indicators",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Définir un indicateur / define an indicator",
    responses={
        201: {"description": "Indicateur défini / defined"},
        409: problem("Existe déjà / already exists"),
        422: problem("Données invalides / invalid data"),
    },
)
def define_indicator(request: IndicatorIn, idempotency_key: IdempotencyKey = None) -> Response[Indicator]:
    caller = current_caller(router, Scope.BAROMETER_REPORT)

    def create() -> dict[str, Any]:
        return deps.catalogue().define(caller.org_id, request, events.current()).model_dump(mode="json")

    created = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    location = f"/v1/barometer/indicators/{created['indicator_id']}"
    return json_response(created, status=201, headers={"Location": location})
