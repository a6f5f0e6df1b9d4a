"""What the barometer routes share in their OpenAPI description: tags, path parameters, answers."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse, OpenAPIResponseContentSchema

from numeriqc.barometer.models import INDICATOR_ID_PATTERN
from numeriqc.barometer.periods import PERIOD_PATTERN

PUBLIC = "Baromètre : public / Barometer: public"
TAG = "Baromètre : organismes / Barometer: organizations"
IndicatorIdPath = Annotated[str, Path(pattern=INDICATOR_ID_PATTERN, description="Indicateur / indicator")]
PeriodPath = Annotated[str, Path(pattern=PERIOD_PATTERN, description="2026-01, 2026-Q1 ou/or 2026")]


def problem(description: str) -> OpenAPIResponse:
    """A documented 4xx answer: problem+json, like every other (docs/openapi.json)."""
    schema: OpenAPIResponseContentSchema = {"schema": {"$ref": "#/components/schemas/Problem"}}
    return {"description": description, "content": {"application/problem+json": schema}}
