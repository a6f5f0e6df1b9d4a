"""What the feedback routes share in their OpenAPI description: tags, path and header parameters,
and the problem+json answers they document."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse, OpenAPIResponseContentSchema

from numeriqc.feedback.models import SERVICE_ID_PATTERN

PUBLIC = "Rétroaction citoyenne / Citizen feedback"
TAG = "Rétroaction : organismes / Feedback: organizations"
ServiceIdPath = Annotated[str, Path(pattern=SERVICE_ID_PATTERN, description="`<org>.<slug>`")]
FeedbackIdPath = Annotated[str, Path(description="Identifiant (reçu) / id (receipt)")]
ExportIdPath = Annotated[str, Path(description="Identifiant de l'exportation / export id")]


def problem(description: str) -> OpenAPIResponse:
    """A documented 4xx answer: problem+json, like every other (docs/openapi.json)."""
    schema: OpenAPIResponseContentSchema = {"schema": {"$ref": "#/components/schemas/Problem"}}
    return {"description": description, "content": {"application/problem+json": schema}}
