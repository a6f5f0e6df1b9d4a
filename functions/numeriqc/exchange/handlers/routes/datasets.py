"""The catalogue: register datasets, version their schemas, read what the caller may see (catalogue.py)."""

from datetime import date
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.exchange import deps
from numeriqc.exchange.handlers.routes.parameters import NOT_FOUND, TAG, DatasetIdPath, VersionPath, problem
from numeriqc.exchange.models import (
    Dataset,
    DatasetIn,
    DatasetList,
    SchemaVersion,
    SchemaVersionIn,
    StatsList,
)

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.post(
    "/v1/exchange/datasets",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Inscrire un jeu de données au catalogue / register a dataset",
    responses={201: {"description": "Inscrit / registered"}, 409: problem("Existe déjà / already exists")},
)
def register_dataset(request: DatasetIn, idempotency_key: IdempotencyKey = None) -> Response[Dataset]:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)

    def create() -> dict[str, Any]:
        return deps.catalogue().register(caller.org_id, request).model_dump(mode="json", exclude_none=True)

    created = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    location = f"/v1/exchange/datasets/{created['dataset_id']}"
    return json_response(created, status=201, headers={"Location": location})


@router.get(
    "/v1/exchange/catalogue",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Le catalogue visible par l'appelant / the catalogue the caller may see",
)
def get_catalogue() -> DatasetList:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    return DatasetList(items=deps.catalogue().listing(caller.org_id))


@router.get(
    "/v1/exchange/datasets/<dataset_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Un jeu de données / one dataset",
    responses=NOT_FOUND,
)
def get_dataset(dataset_id: DatasetIdPath) -> Dataset:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    return deps.catalogue().visible(caller.org_id, dataset_id)


@router.post(
    "/v1/exchange/datasets/<dataset_id>/schemas",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Nouvelle version du schéma / new schema version",
    responses={201: {"description": "Version ajoutée / version added"}, **NOT_FOUND},
)
def add_schema_version(
    dataset_id: DatasetIdPath, request: SchemaVersionIn, idempotency_key: IdempotencyKey = None
) -> Response[SchemaVersion]:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)

    def create() -> dict[str, Any]:
        version = deps.catalogue().add_version(caller.org_id, dataset_id, request)
        return version.model_dump(mode="json", by_alias=True)

    created = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    location = f"/v1/exchange/datasets/{dataset_id}/schemas/{created['version']}"
    return json_response(created, status=201, headers={"Location": location})


@router.get(
    "/v1/exchange/datasets/<dataset_id>/schemas/<version>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Une version du schéma / one schema version",
    responses=NOT_FOUND,
)
def get_schema_version(dataset_id: DatasetIdPath, version: VersionPath) -> Response[SchemaVersion]:
    caller = current_caller(router, Scope.EXCHANGE_CONSUME)
    catalogue = deps.catalogue()
    found = catalogue.schema(catalogue.visible(caller.org_id, dataset_id), version)
    return json_response(found.model_dump(mode="json", by_alias=True))


@router.get(
    "/v1/exchange/datasets/<dataset_id>/stats",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Chiffres d'exploitation par jour (propriétaire) / operational figures per day (owner)",
    responses=NOT_FOUND,
)
def get_stats(
    dataset_id: DatasetIdPath,
    since: Annotated[date, Query(description="Premier jour (UTC) / first day")],
    until: Annotated[date, Query(description="Dernier jour inclus / last day, included")],
) -> StatsList:
    caller = current_caller(router, Scope.EXCHANGE_PUBLISH)
    return deps.figures().days(caller.org_id, dataset_id, since, until)
