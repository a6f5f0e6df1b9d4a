"""What the platform function is told by infra: the dependencies to health-check, the APIs to document."""

from pydantic import Json

from numeriqc.core.settings import BaseSettings
from numeriqc.platform.health import Check


class PlatformSettings(BaseSettings):
    health_checks: Json[list[Check]] = "[]"  # type: ignore[assignment]
    # The module of every resolver infra routed (`Api.api_modules()`): `/openapi.json` merges them.
    api_modules: Json[list[str]] = "[]"  # type: ignore[assignment]
