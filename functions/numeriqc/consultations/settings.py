"""What the consultation functions are told by infra; each function gets only the variables it needs."""

from numeriqc.core.settings import BaseSettings


class ConsultationSettings(BaseSettings):
    consultations_table: str
    pepper_secret_arn: str = ""
    idempotency_table: str | None = None
    event_bus_name: str = ""
    analysis_queue_url: str = ""
    exports_bucket: str = ""
    exports_queue_url: str = ""
    platform_sms_queue_url: str = ""  # the notification service's platform SMS queue (verification codes)
    # Abuse rules on the public routes, like feedback's: writes a minute per client, and per consultation.
    client_rate_per_minute: int = 30
    consultation_rate_per_minute: int = 3000
    powertools_metrics_namespace: str = "numeriqc"
