"""What the notification functions are told by infra (each function gets only what it needs)."""

from datetime import time

from pydantic import Json, field_validator

from numeriqc.core.settings import BaseSettings


class NotificationsSettings(BaseSettings):
    notifications_table: str
    platform_key_arn: str = ""
    pepper_secret_arn: str = ""
    event_bus_name: str = ""
    idempotency_table: str | None = None
    uploads_bucket: str = ""
    # Channel queues: {"email": {"priority": url, "bulk": url}, "sms": {...}}; the planning lane.
    channel_queues: Json[dict[str, dict[str, str]]] = "{}"  # type: ignore[assignment]
    plan_queue_url: str = ""
    # Each asking service's SMS answer queue: {"consultations": url} (sms_questions.py).
    sms_answer_queues: Json[dict[str, str]] = "{}"  # type: ignore[assignment]
    email_sender: str = "notification@numeriqc.quebec"
    email_configuration_set: str = ""
    public_base_url: str = "http://127.0.0.1:3000"  # infra sets the API's URL (or a custom domain)
    # Per organization and day; an event is published at 80 %.
    daily_limit_email: int = 100_000
    daily_limit_sms: int = 25_000
    # Account sending rates, shared by the concurrent sender invocations (SENDER_CONCURRENCY each).
    email_rate_per_second: float = 14.0
    sms_rate_per_second: float = 20.0
    sender_concurrency: int = 2
    sms_max_length: int = 612
    sms_price_per_fragment: float = 0.0083  # CAD, SNS transactional to Canadian numbers
    sms_quiet_start: time = time(21, 0)
    sms_quiet_end: time = time(8, 0)
    sms_quiet_zone: str = "America/Toronto"
    retention_days: int = 7
    # Set by the local runtime only: status callbacks may then go to a plain-HTTP loopback receiver.
    numeriqc_local_runtime: bool = False

    @field_validator("public_base_url")
    @classmethod
    def _without_final_slash(cls, url: str) -> str:
        """API Gateway's URL ends with "/": links are built as base + "/v1/...", never "//v1"."""
        return url.rstrip("/")
