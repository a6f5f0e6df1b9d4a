"""Consultations: API input and output, and the domain's vocabulary.

An organization writes a consultation (texts in French, optionally English; questions of seven
kinds; who may take part; whether results are live), schedules its window, and publishes its
results after it closes. Citizens read it in their language, answer, change their answers while
it is open, and vote on and submit statements (Polis style).

Shapes only: what a question of each kind must carry, and how answers are checked against the
questions, are decided in `questionnaire.py` and `ballots.py`, which name the faulty field.
"""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$")]
# A secret the participation page generates once and keeps (the natural key of a participation):
# the service stores only its keyed hash, so nobody can turn a stored ballot back into the token.
Participant = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{22,64}$")]
# One answer is ONE transaction (at most 100 items): up to 5 counter items a question when a
# participant changes both their region and age band, plus the ballot, rate and day counters.
PhoneNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=7, max_length=32)]
MAX_QUESTIONS = 15
MAX_OPTIONS = 20
MAX_STATEMENT = 280  # Polis's limit: one idea per statement
SHORT_TEXT = 200
LONG_TEXT = 5000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(Strict):
    """A text in both official languages; French is required, English falls back to French."""

    fr: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
    en: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)] | None = None

    def render(self, language: str) -> str:
        return self.en if language == "en" and self.en else self.fr


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    RANKING = "ranking"
    SCALE = "scale"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    STATEMENTS = "statements"


class Eligibility(StrEnum):
    OPEN = "open"
    INVITATION = "invitation"
    SMS = "sms"  # one participation per phone number, verified by a one-time SMS code
    SMS_POLL = "sms-poll"  # one question sent by SMS; answered only by replying (sms_polls.py)


class Status(StrEnum):
    """The lifecycle. `open` and `closed` follow the window; the others are the organization's acts."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"
    RESULTS_PUBLISHED = "results_published"
    ARCHIVED = "archived"


class Region(StrEnum):
    """Québec's 17 administrative regions, by their official code."""

    BAS_SAINT_LAURENT = "01"
    SAGUENAY_LAC_SAINT_JEAN = "02"
    CAPITALE_NATIONALE = "03"
    MAURICIE = "04"
    ESTRIE = "05"
    MONTREAL = "06"
    OUTAOUAIS = "07"
    ABITIBI_TEMISCAMINGUE = "08"
    COTE_NORD = "09"
    NORD_DU_QUEBEC = "10"
    GASPESIE_ILES = "11"
    CHAUDIERE_APPALACHES = "12"
    LAVAL = "13"
    LANAUDIERE = "14"
    LAURENTIDES = "15"
    MONTEREGIE = "16"
    CENTRE_DU_QUEBEC = "17"


class AgeBand(StrEnum):
    UNDER_18 = "under-18"
    FROM_18 = "18-24"
    FROM_25 = "25-34"
    FROM_35 = "35-44"
    FROM_45 = "45-54"
    FROM_55 = "55-64"
    FROM_65 = "65+"


class Option(Strict):
    id: ItemId
    label: Text


class Condition(Strict):
    """Show this question only when `question` was answered with one of `any_of`."""

    question: ItemId
    any_of: list[ItemId] = Field(min_length=1, max_length=MAX_OPTIONS)


class Question(Strict):
    id: ItemId
    type: QuestionType
    text: Text
    required: bool = False
    options: list[Option] = Field(default_factory=list, max_length=MAX_OPTIONS)
    min_choices: int | None = Field(default=None, ge=0, le=MAX_OPTIONS)
    max_choices: int | None = Field(default=None, ge=1, le=MAX_OPTIONS)
    top_n: int | None = Field(default=None, ge=1, le=MAX_OPTIONS, description="ranking: rank only the top N")
    scale_min: int | None = Field(default=None, ge=0, le=1)
    scale_max: int | None = Field(default=None, ge=2, le=10)
    min_label: Text | None = None
    max_label: Text | None = None
    show_if: Condition | None = None


class ConsultationIn(Strict):
    title: Text
    description: Text | None = None
    questions: list[Question] = Field(min_length=1, max_length=MAX_QUESTIONS)
    eligibility: Eligibility = Eligibility.OPEN
    live_results: bool = Field(default=False, description="Résultats visibles pendant / results while open")
    report_threshold: int = Field(default=3, ge=1, le=100, description="N reports hide a statement")
    sms_code_budget: int = Field(
        default=1000,
        ge=1,
        le=1_000_000,
        description="Codes de vérification par texto permis (sms) / SMS verification codes allowed",
    )


class ScheduleIn(Strict):
    opens_at: datetime
    closes_at: datetime


class Consultation(BaseModel):
    consultation_id: str
    org_id: str
    status: Status
    title: Text
    description: Text | None = None
    questions: list[Question]
    eligibility: Eligibility
    live_results: bool
    report_threshold: int
    sms_code_budget: int = 1000
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    created_at: datetime
    updated_at: datetime


class ConsultationList(BaseModel):
    items: list[Consultation]


# Citizens ---------------------------------------------------------------------------------------


class PublicOption(BaseModel):
    id: str
    label: str


class PublicQuestion(BaseModel):
    id: str
    type: QuestionType
    text: str
    required: bool
    options: list[PublicOption] = Field(default_factory=list)
    min_choices: int | None = None
    max_choices: int | None = None
    top_n: int | None = None
    scale_min: int | None = None
    scale_max: int | None = None
    min_label: str | None = None
    max_label: str | None = None
    show_if: Condition | None = None


class PublicConsultation(BaseModel):
    consultation_id: str
    language: str
    status: Status
    title: str
    description: str | None = None
    questions: list[PublicQuestion]
    eligibility: Eligibility
    closes_at: datetime | None = None


AnswerValue = str | int | list[str] | None


class AnswersIn(Strict):
    participant: Participant = Field(description="Secret de la page, gardé par elle / the page's secret")
    answers: dict[ItemId, AnswerValue] = Field(max_length=MAX_QUESTIONS)
    region: Region | None = None
    age_band: AgeBand | None = None
    invitation_code: Annotated[str, StringConstraints(min_length=4, max_length=64)] | None = None
    phone_number: PhoneNumber | None = Field(
        default=None, description="Le numéro vérifié (eligibility sms) / the verified number"
    )
    sms_code: Annotated[str, StringConstraints(min_length=1, max_length=12)] | None = Field(
        default=None, description="Le code reçu par texto / the code received by SMS"
    )


class SmsPollSendIn(Strict):
    """Send an open SMS poll to consenting numbers (at most 500 a request)."""

    phone_numbers: list[PhoneNumber] = Field(min_length=1, max_length=500, examples=[["514 234 5678"]])
    language: Literal["fr", "en"] = "fr"


class SmsPollSent(BaseModel):
    send_id: str = Field(description="Cet envoi (journaux) / this send (logs)")
    queued: int = Field(
        description="Textos mis en file (numéros distincts) / texts queued (distinct numbers)"
    )


class VerificationIn(Strict):
    phone_number: PhoneNumber = Field(examples=["514 234 5678"])
    language: Literal["fr", "en"] = "fr"


class VerificationSent(BaseModel):
    expires_at: datetime = Field(description="Le code expire à / the code expires at")


class ParticipationReceipt(BaseModel):
    receipt_id: str = Field(description="Reçu de participation / participation receipt")
    consultation_id: str
    recorded_at: datetime
    changed: bool = Field(description="Réponses remplacées / answers replaced")
    removed: list[str] = Field(default_factory=list, description="Renseignements retirés / PI removed")


# Results ----------------------------------------------------------------------------------------


class OptionResult(BaseModel):
    id: str
    count: int
    percent: float
    ranks: dict[str, int] | None = None


class QuestionResult(BaseModel):
    id: str
    type: QuestionType
    answered: int
    blank: int
    options: list[OptionResult] = Field(default_factory=list)
    average_points: dict[str, float] | None = None


class BreakdownRow(BaseModel):
    """One group's counts per question and option; null where suppressed (see suppression.py)."""

    group: str
    participants: int | None
    cells: dict[str, dict[str, int | None]]


class Breakdown(BaseModel):
    dimension: str
    rows: list[BreakdownRow]


class Results(BaseModel):
    consultation_id: str
    status: Status
    participants: int
    questions: list[QuestionResult]
    participation_by_day: dict[str, int]
    breakdowns: list[Breakdown]
    minimum_cell: int


# Statements -------------------------------------------------------------------------------------


class StatementStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    HIDDEN = "hidden"


class Vote(StrEnum):
    AGREE = "agree"
    DISAGREE = "disagree"
    PASS = "pass"  # noqa: S105 - a vote, not a password


StatementText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=3, max_length=MAX_STATEMENT)
]


class StatementIn(Strict):
    participant: Participant
    text: StatementText


class OrgStatementIn(Strict):
    text: Text


class ModerationIn(Strict):
    status: StatementStatus


class VoteIn(Strict):
    participant: Participant
    vote: Vote


class ReportIn(Strict):
    participant: Participant


class Statement(BaseModel):
    statement_id: str
    text: str
    status: StatementStatus
    author: str
    agree: int = 0
    disagree: int = 0
    passed: int = 0
    reports: int = 0
    created_at: datetime


class StatementList(BaseModel):
    items: list[Statement]


class VoteReceipt(BaseModel):
    statement_id: str
    vote: Vote
    changed: bool


class GroupSummary(BaseModel):
    group: int
    size: int
    representative: list[dict[str, Any]]


class Analysis(BaseModel):
    consultation_id: str
    votes_covered: int
    participants: int
    statements: int
    groups: list[GroupSummary]
    consensus: list[dict[str, Any]]
    computed_at: datetime | None = None


class InvitationsIn(Strict):
    csv: Annotated[str, StringConstraints(min_length=1, max_length=700_000)] = Field(
        description="Un code par ligne (première colonne) / one code a line (first column)"
    )


class InvitationsAdded(BaseModel):
    added: int


class ReportReceipt(BaseModel):
    statement_id: str
    hidden: bool


class StatementReceipt(BaseModel):
    statement_id: str
    status: StatementStatus
    removed: list[str] = Field(default_factory=list)


class ExportContent(StrEnum):
    ANSWERS = "answers"
    VOTES = "votes"
    STATEMENTS = "statements"
    ANALYSIS = "analysis"


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


class ExportIn(Strict):
    content: ExportContent
    format: ExportFormat = ExportFormat.CSV


class Export(BaseModel):
    export_id: str
    consultation_id: str
    content: ExportContent
    format: ExportFormat
    status: str = Field(description="queued, done, failed")
    rows: int | None = None
    created_at: datetime
    download_url: str | None = Field(default=None, description="15 minutes / 15 minutes")
