"""What the exchange functions are told by infra; each function gets only the variables it needs."""

from numeriqc.core.settings import BaseSettings


class ExchangeSettings(BaseSettings):
    exchange_table: str
    idempotency_table: str | None = None
    event_bus_name: str = ""
    # Consumers' queues are created at run time under this name prefix (the role is limited to it).
    queue_prefix: str = ""
    # One KMS key per confidentiality tier: queues and payloads of a tier are encrypted with its key.
    key_public: str = ""
    key_internal: str = ""
    key_confidential: str = ""
    key_restricted: str = ""
    signing_key_id: str = ""
    log_bucket: str = ""
    # Claim-checked payloads (over 200 KB), under payloads/.
    payload_bucket: str = ""
    log_retention_days: int = 365
    # The work queue: push jobs (pushing.py) and uploads over 1 MB (file_publishing.py).
    work_queue_url: str = ""
    # Push secrets are derived from the pepper (push_signatures.py).
    pepper_secret_arn: str = ""
    # Local runtime only (tests): plain HTTP to loopback push endpoints. Never set by infra.
    exchange_push_loopback_http: bool = False
    powertools_metrics_namespace: str = "numeriqc"

    def tier_keys(self) -> dict[str, str]:
        return {
            "public": self.key_public,
            "internal": self.key_internal,
            "confidential": self.key_confidential,
            "restricted": self.key_restricted,
        }
