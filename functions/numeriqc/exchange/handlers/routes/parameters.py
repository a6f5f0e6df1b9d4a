"""What the exchange routes share in their OpenAPI description: tags, path parameters, problem answers."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse, OpenAPIResponseContentSchema

TAG = "Échange de données / Data exchange"
DATASET_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,39}\.[a-z0-9][a-z0-9-]{1,39}$"
DatasetIdPath = Annotated[str, Path(pattern=DATASET_ID_PATTERN, description="`<org>.<slug>`")]
ConsumerPath = Annotated[
    str,
    Path(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$", description="Organisme consommateur / consumer organization"),
]
EventIdPath = Annotated[
    str, Path(pattern=r"^[0-9A-HJKMNP-TV-Z]{26}$", description="Identifiant de l'événement / event id")
]
VersionPath = Annotated[int, Path(ge=1, description="Version du schéma / schema version")]


def problem(description: str) -> OpenAPIResponse:
    """A documented 4xx answer: problem+json, like every other (docs/openapi.json)."""
    schema: OpenAPIResponseContentSchema = {"schema": {"$ref": "#/components/schemas/Problem"}}
    return {"description": description, "content": {"application/problem+json": schema}}


NOT_FOUND = {404: problem("Introuvable ou non accessible / not found or not accessible")}
