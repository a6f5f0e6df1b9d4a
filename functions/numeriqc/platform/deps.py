"""The one composition root of the platform function: its settings and the probes of its checks.

Built on use (lazy clients, cached settings), never at import time.
"""

from numeriqc.core import aws, settings
from numeriqc.platform.adapters import swagger_assets
from numeriqc.platform.adapters.probes import probes
from numeriqc.platform.health import Probe
from numeriqc.platform.settings import PlatformSettings


def config() -> PlatformSettings:
    return settings.load(PlatformSettings)


def health_probes() -> dict[str, Probe]:
    return probes(aws.client)


def swagger_asset(name: str) -> tuple[bytes, str] | None:
    """One of Swagger UI's files (content, content type), or None for any other name."""
    return swagger_assets.read(name)
