"""Feedback: API input/output and domain models.

A citizen rates a service 1-5, optionally says which A-11 drivers (GSA Touchpoints' CSAT drivers)
went well or badly, and may comment. Organizations register the services, read and triage the
feedback, read aggregates and export.
"""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

# `<org_id>.<slug>`: the organization is part of the id, so a submission needs no lookup to know
# whose feedback it is, and an organization can only ever name its own services.
SERVICE_ID_PATTERN = r"^[a-z][a-z0-9-]{1,39}\.[a-z0-9][a-z0-9-]{1,62}$"
ServiceId = Annotated[str, StringConstraints(pattern=SERVICE_ID_PATTERN)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
MAX_COMMENT = 2000


class Driver(StrEnum):
    """OMB Circular A-11 section 280 customer experience drivers."""

    TRUST = "trust"
    EFFECTIVENESS = "effectiveness"
    EASE = "ease"
    EFFICIENCY = "efficiency"
    TRANSPARENCY = "transparency"
    EMPLOYEE_HELPFULNESS = "employee_helpfulness"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


class Channel(StrEnum):
    WEB = "web"
    PHONE = "phone"
    COUNTER = "counter"
    APP = "app"
    SMS = "sms"  # a reply to "how was your service? reply 1 to 5" (sms_ratings.py)


class Status(StrEnum):
    """The organization's inbox: every submission arrives `new`."""

    NEW = "new"
    READ = "read"
    FLAGGED = "flagged"
    ARCHIVED = "archived"


class ContactIn(BaseModel):
    """Given only with consent; stored encrypted, apart from the comment, and never in events."""

    # Built on first use: `EmailStr` costs the email validator's import, which only the API's
    # submissions need, not the stream or export functions' cold starts (docs/decisions/0002).
    model_config = ConfigDict(extra="forbid", defer_build=True)

    consent: Literal[True] = Field(description="Consentement à être joint / consent to be contacted")
    name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    email: EmailStr | None = None
    phone: Annotated[str, StringConstraints(strip_whitespace=True, min_length=7, max_length=30)] | None = None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        """Stored as E.164 so the organization can dial it; North American numbers by default."""
        if value is None:
            return None
        # imported on first use, not at cold start (docs/decisions/0002)
        import phonenumbers

        try:
            number = phonenumbers.parse(value, "CA")
        except phonenumbers.NumberParseException:
            number = None
        possible = (
            phonenumbers.ValidationResult.IS_POSSIBLE
        )  # with its area code: a local-only number is not enough
        if number is None or phonenumbers.is_possible_number_with_reason(number) != possible:
            raise ValueError("Numéro de téléphone invalide. / Invalid phone number.")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    @model_validator(mode="after")
    def _reachable(self) -> "ContactIn":
        if not self.email and not self.phone:
            raise ValueError(
                "Indiquez un courriel ou un téléphone. / Give an email address or a phone number."
            )
        return self


class FeedbackIn(BaseModel):
    """What the widget (or any client) posts. `website` is the honeypot: people never see it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built on first use, as `ContactIn`

    service_id: ServiceId = Field(description="Service évalué / service rated", examples=["saaq.permis"])
    rating: int = Field(ge=1, le=5, description="1 (très insatisfait) à 5 (très satisfait)")
    drivers: dict[Driver, Sentiment] = Field(
        default_factory=dict, description="Facteurs A-11 / A-11 drivers", examples=[{"ease": "negative"}]
    )
    comment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_COMMENT)] | None = None
    language: Literal["fr", "en"] = "fr"
    channel: Channel = Channel.WEB
    page_url: Annotated[HttpUrl, Field(max_length=2048)] | None = None
    contact: ContactIn | None = None
    website: Annotated[str, StringConstraints(max_length=500)] | None = Field(
        default=None, description="Laisser vide / leave empty (anti-robot)"
    )


class Receipt(BaseModel):
    """The answer to a submission; `removed` tells the citizen which kinds of information were taken out."""

    receipt_id: str
    service_id: str
    received_at: datetime
    removed: list[str] = Field(default_factory=list, description="Renseignements retirés / info removed")


class Feedback(BaseModel):
    """A stored submission, as organizations read it (the comment is already redacted)."""

    feedback_id: str
    service_id: str
    rating: int
    drivers: dict[str, str]
    comment: str | None = None
    removed: list[str] = Field(default_factory=list)
    language: str
    channel: str
    page_url: str | None = None
    has_contact: bool = False
    status: Status
    received_at: datetime
    expires_at: datetime


class FeedbackPage(BaseModel):
    items: list[Feedback]
    next_cursor: str | None = Field(default=None, description="Page suivante / next page")


class TriageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Status


class Contact(BaseModel):
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class ServiceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slug: Slug = Field(description="Partie de l'identifiant / id part: `<org>.<slug>`", examples=["permis"])
    name_fr: Name
    name_en: Name


class RatingRequestIn(BaseModel):
    """Ask one consenting number, by SMS, to rate the service it just used (1 to 5)."""

    model_config = ConfigDict(extra="forbid")

    phone_number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=7, max_length=32)] = (
        Field(examples=["514 234 5678"])
    )
    language: Literal["fr", "en"] = "fr"


class RatingRequested(BaseModel):
    request_id: str
    closes_at: datetime = Field(description="Réponses comptées jusqu'à / replies counted until")


class Service(BaseModel):
    service_id: str
    org_id: str
    name_fr: str
    name_en: str
    created_at: datetime


class ServiceList(BaseModel):
    items: list[Service]


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Aggregate(BaseModel):
    """One period's figures, computed from counters: as cheap to read for 10 ratings as for 10 million."""

    period: str = Field(description="2026-01-15, 2026-W03 or 2026-01")
    count: int
    mean: float | None
    distribution: dict[str, int] = Field(description="Nombre par note / count per rating 1-5")
    csat: float | None = Field(description="Part des notes 4 et 5 / share of 4 and 5 ratings")
    with_comment: int
    drivers: dict[str, dict[str, int]] = Field(description="driver -> {positive, negative}")


class AggregateList(BaseModel):
    service_id: str
    period: Period
    items: list[Aggregate]
    total: Aggregate


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


class ExportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: ExportFormat = ExportFormat.CSV
    service_id: ServiceId | None = None
    since: datetime | None = Field(default=None, description="Reçues à partir de / received from")
    until: datetime | None = Field(default=None, description="Reçues avant / received before")
    status: Status | None = None
    rating: int | None = Field(default=None, ge=1, le=5)


class ExportStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Export(BaseModel):
    export_id: str
    status: ExportStatus
    format: ExportFormat
    request: ExportIn
    created_at: datetime
    rows: int | None = None
    bytes: int | None = None
    download_url: str | None = Field(default=None, description="URL présignée / presigned URL (15 min)")
