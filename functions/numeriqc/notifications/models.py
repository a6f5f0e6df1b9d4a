"""Notification service models: templates, notifications, consent, bulk jobs, reminders (API and domain)."""

from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from numeriqc.core.i18n import Message
from numeriqc.notifications.sms_length import Encoding


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class Status(StrEnum):
    CREATED = "created"
    SCHEDULED = "scheduled"
    QUEUED = "queued"  # accepted by the pipeline, waiting in a channel queue (GC Notify: "created")
    SENDING = "sending"
    DELIVERED = "delivered"
    PERMANENT_FAILURE = "permanent-failure"
    TEMPORARY_FAILURE = "temporary-failure"
    TECHNICAL_FAILURE = "technical-failure"
    CANCELLED = "cancelled"
    OPTED_OUT = "opted-out"


FINAL_STATUSES = frozenset(
    {
        Status.DELIVERED,
        Status.PERMANENT_FAILURE,
        Status.TEMPORARY_FAILURE,
        Status.TECHNICAL_FAILURE,
        Status.CANCELLED,
        Status.OPTED_OUT,
    }
)

SendLanguage = Literal["fr", "en", "bilingual"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Body = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Subject = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Reference = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Recipient = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=320)]
Purpose = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
# Personalisation is stored (sealed) in the notification's content item, which DynamoDB caps at
# 400 KB: every name and value is bounded, and so is the whole (UTF-8 bytes, 4 per character at
# worst, then base64 once sealed), so a request too large is a 422 before anything is counted.
MAX_VALUE_LENGTH = 2_000
MAX_PERSONALISATION_CHARACTERS = 20_000
FieldName = Annotated[str, StringConstraints(min_length=1, max_length=100)]


def _short(value: "str | int | float | bool") -> "str | int | float | bool":
    """Checked after the union, so a long text is one error on the value, not one per member."""
    if isinstance(value, str) and len(value) > MAX_VALUE_LENGTH:
        raise PydanticCustomError("string_too_long", "value too long", {"max_length": MAX_VALUE_LENGTH})
    return value


Value = Annotated[str | int | float | bool, AfterValidator(_short)]


def _bounded(values: dict[str, Any]) -> dict[str, Any]:
    size = sum(len(name) + len(str(value)) for name, value in values.items())
    if size > MAX_PERSONALISATION_CHARACTERS:
        raise PydanticCustomError(
            "personalisation_too_large",
            "personalisation over {max_characters} characters",
            {"max_characters": MAX_PERSONALISATION_CHARACTERS},
        )
    return values


Personalisation = Annotated[dict[FieldName, Value], Field(max_length=100), AfterValidator(_bounded)]
Row = Annotated[dict[FieldName, Value], Field(max_length=110), AfterValidator(_bounded)]


# -- templates -------------------------------------------------------------------------------------


class TemplateEdit(BaseModel):
    """A template's content; every edit makes a new version."""

    model_config = ConfigDict(extra="forbid")

    name: Name = Field(examples=["Rappel de renouvellement"])
    subject: Subject | None = Field(
        default=None, description="Objet (courriel seulement) / subject (email only)", examples=["Rappel"]
    )
    body: Body = Field(
        description="((champ)), ((champ??texte)), [[fr]]…[[/fr]] [[en]]…[[/en]], Markdown (courriel)",
        examples=["[[fr]]Bonjour ((prénom)), votre permis expire le ((date)).[[/fr]]"],
    )
    gsm7_safe: bool = Field(
        default=False,
        description="SMS: remplacer les accents absents de GSM-7 (ê -> e) / SMS: GSM-7-safe transliteration",
    )
    purpose: Purpose | None = Field(
        default=None,
        description="Finalité du consentement exigée (sinon la finalité par défaut : tout consentement "
        "actif) / the consent purpose required (else the default purpose: any active consent)",
        examples=["rappels-permis"],
    )


class TemplateIn(TemplateEdit):
    channel: Channel


class Template(BaseModel):
    template_id: str
    version: int
    channel: Channel
    name: str
    subject: str | None
    body: str
    gsm7_safe: bool
    purpose: str | None = None
    archived: bool = False
    placeholders: list[str]
    created_at: datetime
    updated_at: datetime


class TemplateList(BaseModel):
    items: list[Template]


class PreviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    personalisation: Personalisation = Field(default_factory=dict)
    language: SendLanguage = "fr"


class Transliteration(BaseModel):
    """GSM-7-safe transliteration, shown whether or not the template uses it (`applied`)."""

    applied: bool = Field(description="Le modèle l'utilise (gsm7_safe) / the template uses it (gsm7_safe)")
    characters_replaced: list[str]
    fragments_without: int
    fragments_with: int
    fragments_saved: int = Field(description="fragments_without - fragments_with")


class SmsFacts(BaseModel):
    encoding: Encoding
    length: int
    max_length: int
    fragments: int
    unicode_characters: list[str]
    estimated_cost: float = Field(description="En dollars canadiens / in Canadian dollars")
    transliteration: Transliteration | None = None


class Preview(BaseModel):
    template_id: str
    version: int
    channel: Channel
    subject: str | None = None
    text: str
    html: str | None = None
    sms: SmsFacts | None = None


# -- notifications ---------------------------------------------------------------------------------


class SendCommon(BaseModel):
    model_config = ConfigDict(extra="forbid")

    template_id: str
    personalisation: Personalisation = Field(default_factory=dict)
    language: SendLanguage = "fr"
    reference: Reference | None = None
    scheduled_for: datetime | None = Field(
        default=None, description="Au plus 30 jours à l'avance / at most 30 days ahead"
    )
    purpose: Purpose | None = Field(
        default=None,
        description="Finalité du consentement exigée (sinon la finalité par défaut : tout consentement "
        "actif) / the consent purpose required (else the default purpose: any active consent)",
        examples=["rappels-permis"],
    )


class SendEmailIn(SendCommon):
    email_address: Recipient = Field(examples=["citoyen@example.com"])


class SendSmsIn(SendCommon):
    phone_number: Recipient = Field(examples=["514 555 0100"])


class SmsQuestionIn(BaseModel):
    """The one-number question a platform SMS asks (sms_questions.py): replies from `low` to `high`
    are routed back to the sender's answer queue as `{ref, answer_key, value}` until `closes_at`."""

    model_config = ConfigDict(extra="forbid")

    ref: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9:._-]{1,120}$")]
    low: int = Field(ge=0, le=9)
    high: int = Field(ge=1, le=10)
    closes_at: datetime


class PlatformSmsIn(BaseModel):
    """A platform SMS queue message: one SMS another platform service asks for (platform_sms.py).
    `template` is a platform template (platform_templates.py). A `question` is asked on behalf of
    the organization `org_id`: its consent, the quiet hours and its key kind then apply."""

    model_config = ConfigDict(extra="forbid")

    sender: Annotated[str, StringConstraints(pattern=r"^[a-z]{1,32}$")]
    template: Literal["consultation-code", "sms-question"]
    phone_number: Recipient
    personalisation: Personalisation = Field(default_factory=dict)
    language: Literal["fr", "en"] = "fr"
    question: SmsQuestionIn | None = None
    org_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")] | None = None
    key_kind: Literal["live", "test"] = "live"

    @model_validator(mode="after")
    def _asked_for_an_organization(self) -> "PlatformSmsIn":
        """A question is asked for an organization (its consent decides), never as the platform."""
        if self.question is not None and self.org_id in (None, "platform"):
            raise ValueError("a question is asked for an organization: org_id")
        return self


class Content(BaseModel):
    """What was (or will be) sent: kept for the retention period only."""

    recipient: str
    subject: str | None = None
    body: str


class Notification(BaseModel):
    id: str
    channel: Channel
    status: Status
    template_id: str
    template_version: int
    language: str
    reference: str | None = None
    key_kind: str
    created_at: datetime
    updated_at: datetime
    scheduled_for: datetime | None = None
    sent_at: datetime | None = None
    completed_at: datetime | None = None
    job_id: str | None = None
    job_row: int | None = Field(
        default=None,
        description="Ligne de l'envoi en lot, 1 = première ligne de données / bulk row, 1 = first data row",
    )
    series_id: str | None = None
    fragments: int | None = None
    failure_reason: str | None = None
    content: Content | None = None


class NotificationList(BaseModel):
    items: list[Notification]
    next: str | None = Field(default=None, description="Jeton de la page suivante / next page token")


# -- consent ---------------------------------------------------------------------------------------


class ConsentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: Channel
    recipient: Recipient
    purpose: Purpose = Field(examples=["rappels-permis"])
    source: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] = Field(
        examples=["formulaire-web"]
    )
    given_at: datetime | None = Field(
        default=None,
        description="Quand, avec fuseau horaire; ni futur ni avant un retrait / when, with a time zone; "
        "neither in the future nor before a withdrawal",
    )
    citizen_token: Annotated[str, StringConstraints(min_length=1, max_length=400)] | None = Field(
        default=None,
        description="Après un retrait par le citoyen : le jeton de son lien de désabonnement, preuve de "
        "son nouveau geste / after the citizen's withdrawal: the token of their unsubscribe link",
    )


class ConsentLookup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: Channel
    recipient: Recipient


class Consent(BaseModel):
    channel: Channel
    purpose: str
    purposes: list[str] = Field(
        default_factory=list, description="Finalités consenties / the purposes consented to"
    )
    source: str
    status: Literal["active", "withdrawn"]
    given_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_by: str | None = None
    platform_opt_out: bool = Field(default=False, description="STOP / ARRÊT reçu / STOP reply received")


# -- bulk jobs -------------------------------------------------------------------------------------


class BulkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    template_id: str
    language: SendLanguage = "fr"
    reference: Reference | None = None
    purpose: Purpose | None = Field(
        default=None,
        description="Finalité du consentement exigée (sinon la finalité par défaut : tout consentement "
        "actif) / the consent purpose required (else the default purpose: any active consent)",
        examples=["rappels-permis"],
    )
    rows: list[Row] | None = Field(
        default=None,
        max_length=100_000,
        description="Lignes JSON (email_address ou phone_number + champs) / JSON rows",
    )
    upload: bool = Field(default=False, description="Téléverser un CSV par URL présignée / CSV upload")
    skip_invalid: bool = False
    scheduled_for: datetime | None = None


class RowError(BaseModel):
    row: int = Field(description="Numéro de ligne, 1 = première ligne de données / 1 = first data row")
    column: str
    code: str
    detail: str = Field(description="En français / in French (`code` says it in any language)")
    _message: Message | None = PrivateAttr(default=None)

    @classmethod
    def of(cls, row: int, column: str, code: str, message: Message, **params: object) -> "RowError":
        """A row error that keeps its message in both languages, for the 422 that refuses the job."""
        error = cls(row=row, column=column, code=code, detail=message.render("fr", **params))
        error._message = Message(message.render("fr", **params), message.render("en", **params))
        return error

    def message(self) -> Message:
        return self._message or Message(self.detail, self.detail)


class Job(BaseModel):
    job_id: str
    template_id: str
    template_version: int
    channel: Channel
    status: Literal["awaiting-upload", "scheduled", "planning", "in-progress", "finished", "failed"]
    rows: int = 0
    accepted: int = 0
    skipped: int = 0
    counts: dict[str, int] = Field(default_factory=dict, description="Par statut / per status")
    progress: float = 0.0
    created_at: datetime
    scheduled_for: datetime | None = Field(
        default=None,
        description="Quand l'envoi partira (heures de silence SMS comprises) / when it goes out "
        "(SMS quiet hours included)",
    )
    upload_url: str | None = None
    upload_expires_at: datetime | None = None
    row_errors: list[RowError] = Field(default_factory=list)


class ConsentImportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rows: list[Row] | None = Field(
        default=None,
        max_length=1000,
        description="Lignes JSON, mêmes colonnes que le CSV (canal, destinataire, finalite, donne_le, "
        "source) / JSON rows, the CSV's columns (channel, recipient, purpose, given_at, source)",
    )
    upload: bool = Field(default=False, description="Téléverser un CSV par URL présignée / CSV upload")


class ConsentImport(BaseModel):
    import_id: str
    status: Literal["awaiting-upload", "importing", "finished"]
    rows: int = 0
    recorded: int = Field(default=0, description="Enregistrés / recorded")
    already_present: int = Field(default=0, description="Déjà présents / already present")
    refused: int = Field(default=0, description="Refusés, raison par ligne / refused, reason per row")
    created_at: datetime
    upload_url: str | None = None
    upload_expires_at: datetime | None = None
    row_errors: list[RowError] = Field(
        default_factory=list, description="Dans la langue de l'appelant / in the caller's language"
    )


# -- reminders -------------------------------------------------------------------------------------


class ReminderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: Channel
    template_id: str
    purpose: Purpose | None = Field(
        default=None,
        description="Finalité du consentement exigée (sinon la finalité par défaut : tout consentement "
        "actif) / the consent purpose required (else the default purpose: any active consent)",
        examples=["rappels-permis"],
    )
    recipient: Recipient
    personalisation: Personalisation = Field(default_factory=dict)
    language: SendLanguage = "fr"
    reference: Reference | None = None
    due_date: date
    days_before: list[Annotated[int, Field(ge=0, le=365)]] = Field(
        min_length=1, max_length=10, examples=[[30, 7]]
    )
    at: time = time(9, 0)
    timezone: Annotated[str, StringConstraints(max_length=64)] = "America/Toronto"


class ReminderSeries(BaseModel):
    series_id: str
    notifications: list[Notification]
    skipped_in_past: list[int] = Field(default_factory=list)


class ErasureIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: Channel
    recipient: Recipient


class ErasureOut(BaseModel):
    consents_removed: int
    contents_removed: int
    notifications_anonymized: int


def json_safe(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
