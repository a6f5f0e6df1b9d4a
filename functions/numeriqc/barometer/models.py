"""Barometer: API input and output, and the domain records.

An indicator belongs to one of the strategy's 16 measures and says how it is read: its unit, which
direction is better, how the organizations' reports add up (sum, mean weighted by a declared base,
or latest), its reporting frequency, a baseline, dated targets and the range a value must fall in.
Organizations report one value per indicator and period; the barometer keeps every version.
"""

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from numeriqc.barometer.periods import PERIOD_PATTERN, ReportingFrequency

INDICATOR_ID_PATTERN = r"^[a-z][a-z0-9-]{2,62}$"
IndicatorId = Annotated[str, StringConstraints(pattern=INDICATOR_ID_PATTERN)]
PeriodLabel = Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]
# Far beyond any real figure, and exact in DynamoDB's 38-digit numbers once summed.
LIMIT = 1e15


class IndicatorUnit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    DOLLARS = "dollars"
    HOURS = "hours"
    DAYS = "days"
    SCORE = "score"


# What a value of each unit may be when the indicator declares no narrower range.
UNIT_RANGES: dict[IndicatorUnit, tuple[float, float]] = {
    IndicatorUnit.COUNT: (0, LIMIT),
    IndicatorUnit.PERCENT: (0, 100),
    IndicatorUnit.DOLLARS: (-LIMIT, LIMIT),
    IndicatorUnit.HOURS: (-LIMIT, LIMIT),
    IndicatorUnit.DAYS: (-LIMIT, LIMIT),
    IndicatorUnit.SCORE: (-LIMIT, LIMIT),
}
INTEGER_UNITS = frozenset({IndicatorUnit.COUNT})


class IndicatorDirection(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"


class IndicatorAggregation(StrEnum):
    SUM = "sum"
    WEIGHTED_MEAN = "weighted_mean"
    LATEST = "latest"


class IndicatorStatus(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    NOT_MET = "not_met"
    NOT_AVAILABLE = "not_available"
    FUTURE = "future"


class IndicatorTarget(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float = Field(ge=-LIMIT, le=LIMIT)
    date: date


class IndicatorBaseline(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float = Field(ge=-LIMIT, le=LIMIT)
    date: date


class ValueRange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min: float = Field(ge=-LIMIT, le=LIMIT)
    max: float = Field(ge=-LIMIT, le=LIMIT)


class IndicatorIn(BaseModel):
    """An organization defines an indicator; it owns it. Free text is escaped wherever it is shown."""

    model_config = ConfigDict(extra="forbid")

    indicator_id: IndicatorId = Field(examples=["delai-traitement-permis"])
    measure: int = Field(ge=1, le=16, description="Mesure de la Stratégie / strategy measure 1-16")
    name_fr: Name
    name_en: Name
    description_fr: Text = ""
    description_en: Text = ""
    unit: IndicatorUnit
    direction: IndicatorDirection = IndicatorDirection.HIGHER
    aggregation: IndicatorAggregation = IndicatorAggregation.SUM
    frequency: ReportingFrequency = ReportingFrequency.MONTH
    baseline: IndicatorBaseline | None = None
    targets: list[IndicatorTarget] = Field(min_length=1, max_length=10)
    range: ValueRange | None = None


class Indicator(BaseModel):
    indicator_id: str
    measure: int
    name_fr: str
    name_en: str
    description_fr: str = ""
    description_en: str = ""
    unit: IndicatorUnit
    direction: IndicatorDirection
    aggregation: IndicatorAggregation
    frequency: ReportingFrequency
    baseline: IndicatorBaseline | None = None
    targets: list[IndicatorTarget]
    range: ValueRange
    owner: str = Field(description="Organisme responsable / owning organization")
    automatic: bool = Field(default=False, description="Mesuré par la plateforme / measured by the platform")
    created_at: datetime | None = None


class IndicatorList(BaseModel):
    items: list[Indicator]


class IndicatorReportIn(BaseModel):
    """One organization's value for one indicator and period. `base` weighs it in a weighted mean
    (the number of cases the value is about); `correction` replaces a value already reported."""

    model_config = ConfigDict(extra="forbid")

    indicator_id: IndicatorId
    period: PeriodLabel = Field(examples=["2026-01", "2026-Q1", "2026"])
    value: float = Field(allow_inf_nan=False)
    unit: IndicatorUnit | None = Field(default=None, description="Vérifiée si donnée / checked when given")
    base: float | None = Field(default=None, gt=0, le=LIMIT, allow_inf_nan=False)
    correction: bool = False


class IndicatorReport(BaseModel):
    org_id: str
    indicator_id: str
    period: str
    value: float
    base: float
    version: int
    correction: bool
    recorded_at: datetime


class IndicatorReportHistory(BaseModel):
    """Every version of one organization's report, oldest first: corrections never erase."""

    items: list[IndicatorReport]


class StrategyMeasure(BaseModel):
    number: int
    axis_fr: str
    axis_en: str
    title_fr: str
    title_en: str
    summary_fr: str
    summary_en: str


class StrategyMeasureList(BaseModel):
    items: list[StrategyMeasure]


class SeriesPoint(BaseModel):
    """One period's aggregate across organizations."""

    period: str
    value: float
    reports: int


class IndicatorSeries(BaseModel):
    indicator_id: str
    status: IndicatorStatus
    points: list[SeriesPoint]


class Moderation(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ModerationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Moderation = Field(description="approved ou/or rejected")


class BenefitKind(StrEnum):
    """Measure 16's kinds of benefit, each with its unit."""

    HOURS_SAVED = "hours_saved"
    DOLLARS_SAVED = "dollars_saved"
    SATISFACTION = "satisfaction"  # percentage points
    DELAY_REDUCED = "delay_reduced"  # days


BENEFIT_UNITS: dict[BenefitKind, IndicatorUnit] = {
    BenefitKind.HOURS_SAVED: IndicatorUnit.HOURS,
    BenefitKind.DOLLARS_SAVED: IndicatorUnit.DOLLARS,
    BenefitKind.SATISFACTION: IndicatorUnit.PERCENT,
    BenefitKind.DELAY_REDUCED: IndicatorUnit.DAYS,
}


class Estimate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    period: PeriodLabel
    value: float = Field(ge=0, le=LIMIT, allow_inf_nan=False)


class BenefitIn(BaseModel):
    """An initiative's estimated benefit, with how it was estimated: organizations enter theirs."""

    model_config = ConfigDict(extra="forbid")

    benefit_id: IndicatorId = Field(examples=["permis-en-ligne-heures"])
    measure: int = Field(ge=1, le=16)
    title_fr: Name
    title_en: Name
    kind: BenefitKind
    method_fr: Text = Field(min_length=2)
    method_en: Text = Field(min_length=2)
    assumptions_fr: Text = ""
    assumptions_en: Text = ""
    estimates: list[Estimate] = Field(min_length=1, max_length=40)


class MeasurementIn(BaseModel):
    """What an initiative actually yielded in a period, and how much of it was reinvested ($)."""

    model_config = ConfigDict(extra="forbid")

    period: PeriodLabel
    measured: float = Field(ge=0, le=LIMIT, allow_inf_nan=False)
    reinvested: float | None = Field(default=None, ge=0, le=LIMIT, allow_inf_nan=False)


class Benefit(BaseModel):
    benefit_id: str
    org_id: str
    measure: int
    title_fr: str
    title_en: str
    kind: BenefitKind
    method_fr: str
    method_en: str
    assumptions_fr: str = ""
    assumptions_en: str = ""
    estimates: list[Estimate]
    measurements: dict[str, MeasurementIn] = Field(
        default_factory=dict, description="par période / per period"
    )
    moderation: Moderation
    created_at: datetime


class BenefitList(BaseModel):
    items: list[Benefit]


class AchievementStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"


HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']{3,500}$")]


class ShowcaseIn(BaseModel):
    """A digital achievement for the Vitrine (measure 8), published once moderated."""

    model_config = ConfigDict(extra="forbid")

    achievement_id: IndicatorId
    title_fr: Name
    title_en: Name
    summary_fr: Text = Field(min_length=2)
    summary_en: Text = Field(min_length=2)
    links: list[HttpsUrl] = Field(default_factory=list, max_length=5)
    status: AchievementStatus
    date: date
    measures: list[Annotated[int, Field(ge=1, le=16)]] = Field(default_factory=list, max_length=16)


class Achievement(BaseModel):
    achievement_id: str
    org_id: str
    title_fr: str
    title_en: str
    summary_fr: str
    summary_en: str
    links: list[str]
    status: AchievementStatus
    date: date
    measures: list[int]
    moderation: Moderation
    created_at: datetime


class AchievementList(BaseModel):
    items: list[Achievement]
