"""Organizations, their API keys and their event-topic subscriptions: API and domain models."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.events import EVENT_FAMILIES

OrgId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,39}$")]
EventFamily = Annotated[str, StringConstraints(pattern="^(" + "|".join(EVENT_FAMILIES) + ")$")]
EventType = Annotated[str, StringConstraints(pattern=r"^ca\.qc\.numeriqc\.[a-z]+\.[a-z0-9_.-]+\.v[0-9]+$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
AwsAccountId = Annotated[str, StringConstraints(pattern=r"^[0-9]{12}$")]


class Organization(BaseModel):
    """A public organization using the platform (a ministry, an agency, a municipality...)."""

    # Built on first use: the authorizer, the hottest function, never reads one, and `EmailStr`
    # costs the email validator's import at cold start (docs/decisions/0002).
    model_config = ConfigDict(frozen=True, defer_build=True)

    org_id: OrgId
    name_fr: Name
    name_en: Name
    contact_email: EmailStr
    created_at: datetime


class ApiKey(BaseModel):
    """What the platform keeps of an API key: never the key itself, only its keyed hash."""

    model_config = ConfigDict(frozen=True)

    key_id: str
    org_id: str
    name: str
    kind: KeyKind
    scopes: frozenset[Scope]
    created_at: datetime
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    key_hash: str
    hint: str = Field(description="The key's first characters, to recognise it in a list")


class NewApiKey(BaseModel):
    """The answer to a key creation: the only time the key is ever shown."""

    key: str
    record: ApiKey


class Protocol(StrEnum):
    SQS = "sqs"
    HTTPS = "https"
    EMAIL = "email"


class SubscriptionIn(BaseModel):
    """Subscribe an endpoint of the organization to an event family, optionally narrowed to some types."""

    model_config = ConfigDict(extra="forbid")

    family: EventFamily = Field(description="Famille d'événements / event family", examples=["feedback"])
    protocol: Protocol = Field(description="sqs (ARN de file), https (URL) ou email")
    endpoint: Annotated[str, StringConstraints(min_length=3, max_length=2048)] = Field(
        description="ARN de la file SQS, URL HTTPS ou adresse courriel / SQS queue ARN, HTTPS URL or email",
        examples=["arn:aws:sqs:ca-central-1:111122223333:mes-evenements"],
    )
    event_types: list[EventType] = Field(
        default_factory=list,
        max_length=50,
        description="Types retenus (tous si vide) / types kept (all when empty)",
        examples=[["ca.qc.numeriqc.feedback.received.v1"]],
    )


class Subscription(BaseModel):
    subscription_id: str
    family: str
    protocol: Protocol
    endpoint: str
    event_types: list[str]
    status: str = Field(
        description="active, or pending-confirmation until SNS's challenge is answered (HTTPS, email, "
        "queues of another AWS account than the platform's)"
    )
    created_at: datetime


class SubscriptionList(BaseModel):
    items: list[Subscription]


class AwsAccountList(BaseModel):
    """The AWS accounts an organization declared its SQS queues live in."""

    items: list[str] = Field(examples=[["111122223333"]])


class OrganizationOut(BaseModel):
    org_id: str
    name_fr: str
    name_en: str
    key_kind: KeyKind
    scopes: list[str]


NotifyKind = Literal["live", "test", "team"]


class NotifyKey(BaseModel):
    """What the platform keeps of a Notify-style key: no secret, no hash of one."""

    model_config = ConfigDict(frozen=True)

    key_id: str
    org_id: str
    service_id: str
    name: str
    kind: NotifyKind
    created_at: datetime
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    # A team key's guest list (core/guest_list.py), read with the keys, never stored on the key
    guest_list: frozenset[str] = Field(default=frozenset(), exclude=True)

    def key_kind(self) -> KeyKind:
        """Team keys deliver for real: their notifications live in the live world, as on Notify,
        which lists team-key notifications with live ones (docs/decisions/0006)."""
        return KeyKind.TEST if self.kind == "test" else KeyKind.LIVE


class NewNotifyKey(BaseModel):
    """The answer to a key creation: the only time the key is shown."""

    key: str
    record: NotifyKey


class NotifyKeyIn(BaseModel):
    """A Notify-style key for the calling organization (organizations/notify_keys.py)."""

    model_config = ConfigDict(extra="forbid")

    name: Name = Field(examples=["production"])
    kind: NotifyKind = Field(
        description="live; test (jamais livré); team (livré à la liste d'invités seulement) / "
        "live; test (never delivered); team (delivered to the guest list only)"
    )


class GuestListIn(BaseModel):
    """The whole guest list of the organization's team keys: replaces the previous one."""

    model_config = ConfigDict(extra="forbid")

    recipients: list[Annotated[str, StringConstraints(max_length=320)]] = Field(
        max_length=20,
        examples=[["equipe@example.qc.ca", "+1 514 555 0199"]],
        description="Courriels et numéros; gardés hachés, jamais en clair / "
        "emails and phone numbers; kept hashed, never in clear",
    )


class GuestListOut(BaseModel):
    """What was kept: a count, never the entries (the platform keeps only their hashes)."""

    entries: int
    effective_within_seconds: int = 30
