"""Grants, deny by default: the owner grants, changes and revokes a consumer's access (access.py)."""

from typing import Any

from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core import events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger
from numeriqc.exchange import deps
from numeriqc.exchange.handlers.routes.parameters import NOT_FOUND, TAG, ConsumerPath, DatasetIdPath
from numeriqc.exchange.models import Grant, GrantIn, GrantList

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.put(
    "/v1/exchange/datasets/<dataset_id>/grants/<consumer>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Accorder ou modifier un accès / grant or change access",
    responses=NOT_FOUND,
)
def put_grant(
    dataset_id: DatasetIdPath,
    consumer: ConsumerPath,
    request: GrantIn,
    idempotency_key: IdempotencyKey = None,
) -> Grant:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)

    def grant() -> dict[str, Any]:
        return (
            deps.access()
            .grant(caller.org_id, dataset_id, consumer, request, events.current())
            .model_dump(mode="json")
        )

    granted = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=grant,
    )
    logger.info(
        "grant decided", extra={"dataset_id": dataset_id, "consumer": consumer, "decision": "granted"}
    )
    return Grant.model_validate(granted)


@router.delete(
    "/v1/exchange/datasets/<dataset_id>/grants/<consumer>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Révoquer un accès (effet au prochain message) / revoke access (effective next message)",
    responses=NOT_FOUND,
)
def revoke_grant(dataset_id: DatasetIdPath, consumer: ConsumerPath) -> Grant:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)
    revoked = deps.access().revoke(caller.org_id, dataset_id, consumer, events.current())
    logger.info(
        "grant decided", extra={"dataset_id": dataset_id, "consumer": consumer, "decision": "revoked"}
    )
    return revoked


@router.get(
    "/v1/exchange/datasets/<dataset_id>/grants",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Les accès accordés, actuels et passés / grants, current and past",
    responses=NOT_FOUND,
)
def list_grants(dataset_id: DatasetIdPath) -> GrantList:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)
    return GrantList(items=deps.access().grants(caller.org_id, dataset_id))
