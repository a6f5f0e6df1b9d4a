"""Messages: producers publish (publishing.py); consumers pull, acknowledge (mailbox.py) and replay
(replay.py). Without a current grant the messages of a dataset are 'not found'."""

from datetime import datetime
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core import clock
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger
from numeriqc.exchange import deps
from numeriqc.exchange.handlers.routes.parameters import (
    NOT_FOUND,
    TAG,
    DatasetIdPath,
    EventIdPath,
    problem,
)
from numeriqc.exchange.models import (
    AckIn,
    Acknowledged,
    PayloadLink,
    Published,
    PublishIn,
    Pulled,
    Replay,
)

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped

From = Annotated[datetime, Query(alias="from", description="Début (inclus) / start, included")]
To = Annotated[datetime, Query(alias="to", description="Fin (exclue) / end, excluded")]


@router.post(
    "/v1/exchange/datasets/<dataset_id>/messages",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Publier jusqu'à 100 messages / publish up to 100 messages",
    responses={
        202: {"description": "Journalisés, livraison en cours / logged, being delivered"},
        413: problem("Lot ou message trop volumineux / batch or message too large"),
        **NOT_FOUND,
    },
)
def publish(
    dataset_id: DatasetIdPath, request: PublishIn, idempotency_key: IdempotencyKey = None
) -> Response[Published]:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)

    def work() -> dict[str, Any]:
        return deps.publishing().publish(caller.org_id, dataset_id, request).model_dump(mode="json")

    published = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=work,
    )
    logger.info(
        "messages published",
        extra={"dataset_id": dataset_id, "count": len(published["ids"]), "last_seq": published["last_seq"]},
    )
    return json_response(published, status=202)


@router.get(
    "/v1/exchange/datasets/<dataset_id>/messages",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Recevoir ses messages / pull messages",
    responses=NOT_FOUND,
)
def pull(
    dataset_id: DatasetIdPath,
    limit: Annotated[int, Query(ge=1, le=10, description="Paquets SQS (1 à 10) / SQS bundles (1-10)")] = 10,
) -> Pulled:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    pulled = deps.mailbox().pull(caller.org_id, dataset_id, limit, clock.now())
    logger.info("messages pulled", extra={"dataset_id": dataset_id, "count": len(pulled.items)})
    return pulled


@router.post(
    "/v1/exchange/datasets/<dataset_id>/messages/ack",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Accuser réception / acknowledge",
    responses=NOT_FOUND,
)
def acknowledge(dataset_id: DatasetIdPath, request: AckIn) -> Acknowledged:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    return deps.mailbox().acknowledge(caller.org_id, dataset_id, request)


@router.get(
    "/v1/exchange/datasets/<dataset_id>/payloads/<event_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Lien vers les données d'un message `dataref` / link to a `dataref` message's data",
    responses=NOT_FOUND,
)
def payload(dataset_id: DatasetIdPath, event_id: EventIdPath) -> PayloadLink:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    link = deps.payloads().link(caller.org_id, dataset_id, event_id)
    logger.info("payload link issued", extra={"dataset_id": dataset_id, "event_id": event_id})
    return link


@router.get(
    "/v1/exchange/datasets/<dataset_id>/replay",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Relire une période du journal / replay a time range from the log",
    responses=NOT_FOUND,
)
def replay(dataset_id: DatasetIdPath, start: From, end: To) -> Replay:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    return deps.replaying().replay(caller.org_id, dataset_id, start, end)


@router.get(
    "/v1/exchange/datasets/<dataset_id>/replay/file",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Relire en fichier CSV ou à largeur fixe / replay as the dataset's legacy file",
    responses={
        200: {
            "description": "Le fichier; Next-From s'il en reste / the file; Next-From when there is more",
            "content": {"text/csv": {}, "text/plain": {}},
        },
        **NOT_FOUND,
    },
)
def replay_file(dataset_id: DatasetIdPath, start: From, end: To) -> Response[Any]:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    content, media_type, replayed = deps.replaying().replay_file(caller.org_id, dataset_id, start, end)
    headers = {"Next-From": replayed.next_from.isoformat()} if replayed.next_from else {}
    return Response(status_code=200, content_type=media_type, body=content, headers=headers)
