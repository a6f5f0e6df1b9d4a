"""What the feedback functions are told by infra; each function gets only the variables it needs."""

from numeriqc.core.settings import BaseSettings


class FeedbackSettings(BaseSettings):
    feedback_table: str
    pepper_secret_arn: str = ""
    platform_key_arn: str = ""
    idempotency_table: str | None = None
    exports_bucket: str = ""
    exports_queue_url: str = ""
    event_bus_name: str = ""
    platform_sms_queue_url: str = ""  # the notification service's platform SMS queue (rating requests)
    # Retention (Loi 25): comments expire with their submission; aggregates are counters and stay.
    comment_retention_days: int = 730
    contact_retention_days: int = 365
    # Abuse rules: Touchpoints' 10 submissions a minute per client, and a ceiling per service.
    client_rate_per_minute: int = 10
    service_rate_per_minute: int = 600
    duplicate_window_seconds: int = 300
    # feedback.low-rating.v1 for ratings at or under this (0: never).
    low_rating_max: int = 2
    powertools_metrics_namespace: str = "numeriqc"
