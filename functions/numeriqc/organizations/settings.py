"""What the organizations functions are told by infra (see docs/decisions/0001)."""

from pydantic import Json

from numeriqc.core.settings import BaseSettings


class OrganizationsSettings(BaseSettings):
    organizations_table: str
    pepper_secret_arn: str
    event_topics: Json[dict[str, str]] = "{}"  # type: ignore[assignment]
    idempotency_table: str | None = None
