"""The tamper-evident log: verify a range, download its proof, read the signing public key (log_audit.py)."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED
from numeriqc.exchange import deps
from numeriqc.exchange.handlers.routes.parameters import DATASET_ID_PATTERN, NOT_FOUND, TAG, DatasetIdPath
from numeriqc.exchange.models import Verification

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped

First = Annotated[int, Query(alias="from", ge=1, description="Première entrée / first entry")]
Last = Annotated[int | None, Query(alias="to", ge=1, description="Dernière entrée / last entry")]


@router.get(
    "/v1/exchange/log/verify",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Vérifier une plage du journal / verify a range of the log",
    responses=NOT_FOUND,
)
def verify(
    dataset: Annotated[str, Query(pattern=DATASET_ID_PATTERN, description="`<org>.<slug>`")],
    first: First = 1,
    last: Last = None,
) -> Verification:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    return deps.log_audit().verify(caller.org_id, dataset, first, last)


@router.get(
    "/v1/exchange/datasets/<dataset_id>/log/proof",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Preuve à vérifier hors ligne (numeriqc exchange-verify) / proof to verify offline",
    responses=NOT_FOUND,
)
def proof(dataset_id: DatasetIdPath, first: First = 1, last: Last = None) -> dict[str, Any]:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    return deps.log_audit().proof(caller.org_id, dataset_id, first, last)


@router.get(
    "/v1/exchange/log/public-key",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Clé publique de signature du journal (PEM) / the log's signing public key (PEM)",
)
def get_public_key() -> dict[str, str]:
    current_caller(router, Scope.EXCHANGE_CONSUME)
    signer = deps.signer()
    return {"key_id": signer.key_id, "algorithm": "ECDSA_SHA_256", "pem": signer.public_key_pem()}
