"""Push endpoints: a consumer chooses to receive a dataset's messages by HTTPS POST rather than by
pulling them (push_endpoints.py for the rule, pushing.py for the delivery, docs/exchange.md for how
a consumer verifies the signature)."""

from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger
from numeriqc.exchange import deps
from numeriqc.exchange.handlers.routes.parameters import NOT_FOUND, TAG, DatasetIdPath, problem
from numeriqc.exchange.models import PushEndpoint, PushIn

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped

PATH = "/v1/exchange/datasets/<dataset_id>/push"


@router.put(
    PATH,
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Recevoir par HTTPS (POST signé) / receive by signed HTTPS POST",
    responses={
        201: {
            "description": "L'adresse et son secret, donné une seule fois / the endpoint and its secret, once"
        },
        422: problem("Adresse refusée (HTTPS public seulement) / endpoint refused (public HTTPS only)"),
        **NOT_FOUND,
    },
)
def register_push(
    dataset_id: DatasetIdPath, request: PushIn, idempotency_key: IdempotencyKey = None
) -> Response[PushEndpoint]:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)

    def work() -> dict[str, Any]:
        return deps.push_endpoints().register(caller.org_id, dataset_id, request).model_dump(mode="json")

    # The secret is derived after the idempotent write: the idempotency record never holds it.
    endpoint = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=work,
    )
    endpoint["secret"] = deps.push_secret(endpoint["endpoint_id"])
    logger.info(
        "push endpoint registered", extra={"dataset_id": dataset_id, "endpoint_id": endpoint["endpoint_id"]}
    )
    return json_response(endpoint, status=201)


@router.get(
    PATH,
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Son adresse de livraison / its push endpoint",
    responses=NOT_FOUND,
)
def read_push(dataset_id: DatasetIdPath) -> PushEndpoint:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    return deps.push_endpoints().read(caller.org_id, dataset_id)


@router.delete(
    PATH,
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Revenir à la réception par GET / back to pulling",
    responses=NOT_FOUND,
)
def remove_push(dataset_id: DatasetIdPath) -> PushEndpoint:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    removed = deps.push_endpoints().remove(caller.org_id, dataset_id)
    logger.info("push endpoint removed", extra={"dataset_id": dataset_id, "endpoint_id": removed.endpoint_id})
    return removed
