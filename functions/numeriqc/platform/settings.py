"""What the platform function is told by infra: the dependencies to health-check."""

from pydantic import Json

from numeriqc.core.settings import BaseSettings
from numeriqc.platform.health import Check


class PlatformSettings(BaseSettings):
    health_checks: Json[list[Check]] = "[]"  # type: ignore[assignment]
