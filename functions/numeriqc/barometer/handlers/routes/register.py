"""The benefits register (measure 16) and the showcase (measure 8): organizations submit, moderators
approve, the public reads what was approved (rules in register.py)."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.barometer import deps
from numeriqc.barometer.handlers.routes.parameters import PUBLIC, TAG, IndicatorIdPath, problem
from numeriqc.barometer.models import (
    AchievementList,
    Benefit,
    BenefitIn,
    BenefitList,
    MeasurementIn,
    ModerationIn,
    ShowcaseIn,
)
from numeriqc.core import events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped
EntryKind = Annotated[str, Path(pattern="^(benefit|achievement)$", description="benefit, achievement")]
_SUBMITTED = {
    201: {"description": "Soumis, en attente de modération / submitted, pending moderation"},
    409: problem("Identifiant déjà pris / id already taken"),
    422: problem("Données invalides / invalid data"),
}


@router.get("/v1/barometer/benefits", tags=[PUBLIC], summary="Bénéfices approuvés / approved benefits")
def list_benefits() -> BenefitList:
    return BenefitList(items=deps.register().benefits())


@router.get("/v1/barometer/showcase", tags=[PUBLIC], summary="Vitrine : réalisations approuvées / showcase")
def list_achievements() -> AchievementList:
    return AchievementList(items=deps.register().achievements())


@router.post(
    "/v1/barometer/benefits",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Inscrire un bénéfice estimé / register an estimated benefit",
    responses=_SUBMITTED,  # type: ignore[arg-type]
)
def submit_benefit(request: BenefitIn, idempotency_key: IdempotencyKey = None) -> Response[Any]:
    caller = current_caller(router, Scope.BAROMETER_REPORT)

    def create() -> dict[str, Any]:
        return (
            deps.register().submit_benefit(caller.org_id, request, events.current()).model_dump(mode="json")
        )

    created = _once(caller.org_id, idempotency_key, request, create)
    return json_response(created, status=201)


@router.post(
    "/v1/barometer/benefits/<benefit_id>/measurements",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Bénéfice mesuré pour une période / measured benefit for a period",
    responses={404: problem("Bénéfice inconnu / unknown benefit")},
)
def measure_benefit(benefit_id: IndicatorIdPath, request: MeasurementIn) -> Benefit:
    caller = current_caller(router, Scope.BAROMETER_REPORT)
    return deps.register().measure_benefit(caller.org_id, benefit_id, request, events.current())


@router.post(
    "/v1/barometer/showcase",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Proposer une réalisation / submit an achievement",
    responses=_SUBMITTED,  # type: ignore[arg-type]
)
def submit_achievement(request: ShowcaseIn, idempotency_key: IdempotencyKey = None) -> Response[Any]:
    caller = current_caller(router, Scope.BAROMETER_REPORT)

    def create() -> dict[str, Any]:
        return (
            deps.register()
            .submit_achievement(caller.org_id, request, events.current())
            .model_dump(mode="json")
        )

    return json_response(_once(caller.org_id, idempotency_key, request, create), status=201)


@router.post(
    "/v1/barometer/moderation/<kind>/<entry_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Approuver ou rejeter / approve or reject (organismes modérateurs / moderators)",
    responses={
        204: {"description": "Décision enregistrée / decision recorded"},
        404: problem("Inconnu / unknown"),
    },
)
def moderate(kind: EntryKind, entry_id: IndicatorIdPath, request: ModerationIn) -> Response[None]:
    caller = current_caller(router, Scope.BAROMETER_REPORT)
    deps.register().moderate(caller.org_id, kind, entry_id, request, events.current())
    return Response(status_code=204)


def _once(org_id: str, key: str | None, request: Any, work: Any) -> dict[str, Any]:
    return idempotent_write(
        router, org_id=org_id, table_name=deps.config().idempotency_table, key=key, request=request, work=work
    )
