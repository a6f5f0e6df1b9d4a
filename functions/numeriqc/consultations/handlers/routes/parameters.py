"""What the consultation routes share in their OpenAPI description: tags, path parameters, answers."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse, OpenAPIResponseContentSchema

PUBLIC = "Consultations citoyennes / Citizen consultations"
TAG = "Consultations : organismes / Consultations: organizations"
ConsultationIdPath = Annotated[str, Path(pattern=r"^[0-9A-HJKMNP-TV-Z]{26}$", description="ULID")]
ExportIdPath = Annotated[str, Path(pattern=r"^[0-9A-HJKMNP-TV-Z]{26}$", description="ULID")]
StatementIdPath = Annotated[str, Path(pattern=r"^[0-9A-HJKMNP-TV-Z]{26}$", description="ULID")]


def problem(description: str) -> OpenAPIResponse:
    """A documented 4xx answer: problem+json, like every other (docs/openapi.json)."""
    schema: OpenAPIResponseContentSchema = {"schema": {"$ref": "#/components/schemas/Problem"}}
    return {"description": description, "content": {"application/problem+json": schema}}


def source_ip(router: object) -> str:
    """The client's address as API Gateway saw it: only ever hashed (rate limits), never stored."""
    event = router.current_event  # type: ignore[attr-defined]
    return str(event.request_context.http.source_ip or "unknown")
