"""What the barometer functions are told by infra; each function gets only the variables it needs."""

from numeriqc.core.settings import BaseSettings


class BarometerSettings(BaseSettings):
    barometer_table: str
    idempotency_table: str | None = None
    event_bus_name: str = ""
    site_bucket: str = ""
    # The organizations whose keys approve benefits and achievements (comma-separated).
    moderator_orgs: str = "numeriqc"
    powertools_metrics_namespace: str = "numeriqc"
