"""Organizations' reports: one value per indicator and period, corrections as new versions."""

from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.barometer import deps
from numeriqc.barometer.handlers.routes.parameters import TAG, IndicatorIdPath, PeriodPath, problem
from numeriqc.barometer.models import IndicatorReport, IndicatorReportHistory, IndicatorReportIn
from numeriqc.core import events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.post(
    "/v1/barometer/reports",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Déclarer une valeur / report a value",
    responses={
        200: {"description": "Déjà déclarée, identique / already reported, same values"},
        201: {"description": "Version enregistrée / version recorded"},
        409: problem("Valeur différente déjà déclarée / different value already reported"),
        422: problem("Données invalides / invalid data"),
    },
)
def report_value(
    request: IndicatorReportIn, idempotency_key: IdempotencyKey = None
) -> Response[IndicatorReport]:
    caller = current_caller(router, Scope.BAROMETER_REPORT)

    def record() -> dict[str, Any]:
        report, created = deps.reporting().report(caller.org_id, request, events.current())
        return {"report": report.model_dump(mode="json"), "created": created}

    answer = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=record,
    )
    report = answer["report"]
    logger.info(
        "report",
        extra={"org_id": caller.org_id, "indicator_id": report["indicator_id"], "version": report["version"]},
    )
    location = f"/v1/barometer/reports/{report['indicator_id']}/{report['period']}"
    return json_response(report, status=201 if answer["created"] else 200, headers={"Location": location})


@router.get(
    "/v1/barometer/reports/<indicator_id>/<period>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Historique de mes déclarations / history of my reports",
)
def report_history(indicator_id: IndicatorIdPath, period: PeriodPath) -> IndicatorReportHistory:
    caller = current_caller(router, Scope.BAROMETER_REPORT)
    return deps.reporting().history(caller.org_id, indicator_id, period)
