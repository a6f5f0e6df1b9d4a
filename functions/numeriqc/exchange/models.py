"""Exchange models: API input and output, and the records the rules hand to the ports.

Tiers are ordered (public < internal < confidential < restricted): a grant's `max_tier` is the
highest tier its consumer may receive. DIC levels follow Québec's categorization of information
(disponibilité, intégrité, confidentialité), each low / medium / high.
"""

import itertools
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

MAX_BATCH = 100
MAX_ACKS = 100

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
OrgId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


class Tier(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"
    RESTRICTED = "restricted"

    @property
    def rank(self) -> int:
        return list(Tier).index(self)


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class FieldType(StrEnum):
    STRING = "string"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    BOOLEAN = "boolean"


class LayoutField(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    type: FieldType = FieldType.STRING
    start: int | None = Field(default=None, ge=0, description="Position (0 = first character), fixed width")
    width: int | None = Field(default=None, ge=1, le=10_000, description="Characters, fixed width")
    required: bool = True


class Layout(BaseModel):
    """How a legacy file is laid out (numeriqc.exchange.legacy); `fixed` needs `start` and `width`
    on every field, without overlap."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["csv", "fixed"]
    encoding: Literal["utf-8", "cp1252", "latin-1"] = "utf-8"
    delimiter: Annotated[str, StringConstraints(min_length=1, max_length=1)] = ","
    header: bool = True
    fields: list[LayoutField] = Field(min_length=1, max_length=200)

    @model_validator(mode="after")
    def _consistent(self) -> "Layout":
        names = [field.name for field in self.fields]
        if len(set(names)) != len(names):
            raise ValueError("field names must be unique")
        if self.format == "fixed":
            spans = []
            for field in self.fields:
                if field.start is None or field.width is None:
                    raise ValueError(f"field {field.name}: a fixed-width layout needs start and width")
                spans.append((field.start, field.start + field.width, field.name))
            spans.sort()
            for (_, end, name), (start, _, other) in itertools.pairwise(spans):
                if start < end:
                    raise ValueError(f"fields {name} and {other} overlap")
        return self


class Classification(BaseModel):
    """DIC levels: availability, integrity, confidentiality."""

    model_config = ConfigDict(extra="forbid")

    availability: Level
    integrity: Level
    confidentiality: Level


class DatasetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slug: Slug
    name_fr: Name
    name_en: Name
    description_fr: Description = ""
    description_en: Description = ""
    classification: Classification
    tier: Tier
    json_schema: dict[str, Any] = Field(alias="schema", description="JSON Schema (2020-12) of a message")
    layout: Layout | None = Field(default=None, description="Disposition CSV ou largeur fixe / legacy layout")


class SchemaVersionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    json_schema: dict[str, Any] = Field(alias="schema")
    breaking: bool = False


class Dataset(BaseModel):
    dataset_id: str
    owner: str
    name_fr: str
    name_en: str
    description_fr: str = ""
    description_en: str = ""
    classification: Classification
    tier: Tier
    schema_version: int
    created_at: datetime
    layout: Layout | None = None
    consumers: list[str] | None = Field(default=None, description="Only the owner sees them")


class DatasetList(BaseModel):
    items: list[Dataset]


class SchemaVersion(BaseModel):
    model_config = ConfigDict(populate_by_name=True)  # stored by field name, answered as `schema`

    dataset_id: str
    version: int
    breaking: bool
    json_schema: dict[str, Any] = Field(alias="schema")
    created_at: datetime


class GrantIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    expires_at: datetime
    max_tier: Tier


class GrantStatus(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"


class Grant(BaseModel):
    """A consumer's access to a dataset. `periods` keep every span it was active (for replay)."""

    dataset_id: str
    consumer: str
    max_tier: Tier
    expires_at: datetime
    status: GrantStatus
    granted_at: datetime
    revoked_at: datetime | None = None
    periods: list[tuple[datetime, datetime | None]] = Field(default_factory=list)
    queue_url: str = Field(default="", exclude=True)
    # The consumer's push endpoint, when it chose push over pull (push_endpoints.py); never shown
    # to the owner.
    push_url: str = Field(default="", exclude=True)
    push_id: str = Field(default="", exclude=True)
    push_since: datetime | None = Field(default=None, exclude=True)

    def current(self, now: datetime) -> bool:
        return self.status is GrantStatus.ACTIVE and now < self.expires_at


class PushIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: Annotated[str, StringConstraints(min_length=1, max_length=2048)] = Field(
        description="HTTPS public / public HTTPS endpoint"
    )


class PushEndpoint(BaseModel):
    """A consumer's push endpoint for one dataset; `secret` is answered once, at registration."""

    dataset_id: str
    consumer: str
    url: str
    endpoint_id: str
    since: datetime
    secret: str | None = Field(
        default=None,
        description="Secret de signature (whsec_…), donné une seule fois / signing secret, shown once",
    )


class GrantList(BaseModel):
    items: list[Grant]


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    data: dict[str, Any]
    subject: Annotated[str, StringConstraints(max_length=200)] | None = None


class PublishIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    messages: list[MessageIn] = Field(min_length=1, max_length=MAX_BATCH)


class Published(BaseModel):
    dataset_id: str
    ids: list[str]
    first_seq: int
    last_seq: int


class Delivered(BaseModel):
    """One message as a consumer pulls it: the CloudEvent, and the id that acknowledges it."""

    ack_id: str
    event: dict[str, Any]
    data_url: str | None = Field(
        default=None,
        description="Pour un événement `dataref`: URL présignée de ses données (5 min) / "
        "for a `dataref` event: presigned URL of its data (5 min)",
    )


class PayloadLink(BaseModel):
    """A short-lived presigned URL of a claim-checked payload."""

    url: str
    expires_at: datetime


class Pulled(BaseModel):
    items: list[Delivered]


class AckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ack_ids: list[Annotated[str, StringConstraints(min_length=1, max_length=4096)]] = Field(
        min_length=1, max_length=MAX_ACKS
    )


class Acknowledged(BaseModel):
    acknowledged: int


class LogEntry(BaseModel):
    seq: int
    time: datetime
    text: str
    hash: str


class Replay(BaseModel):
    items: list[dict[str, Any]]
    next_from: datetime | None = None


class Verification(BaseModel):
    dataset_id: str
    first: int
    last: int
    valid: bool
    checked: int
    signed_through: int
    batches: list[str]
    failures: list[str]


class Stats(BaseModel):
    dataset_id: str
    day: str
    published: int = 0
    bytes: int = 0
    delivered: int = 0
    failures: int = 0
    latency_ms_avg: float | None = None


class StatsList(BaseModel):
    items: list[Stats]


class UploadTicket(BaseModel):
    """Where to PUT a file (with these headers) before `expires_at`, then POST .../complete."""

    upload_id: str
    url: str
    method: Literal["PUT"] = "PUT"
    headers: dict[str, str]
    format: Literal["csv", "fixed", "jsonl"]
    max_bytes: int
    expires_at: datetime


class UploadError(BaseModel):
    field: str
    code: str
    detail: dict[str, str] = Field(description="fr, en")


class UploadReport(BaseModel):
    """What became of an uploaded file: rows read, published (their event ids), refused (why)."""

    upload_id: str
    dataset_id: str
    status: Literal["queued", "publishing", "published", "refused"]
    rows: int
    published: int
    refused: int
    errors: list[UploadError]
    received_at: datetime
