"""What the barometer's rules ask of the outside world: narrow protocols and the data they exchange.

The indicator catalogue stores definitions, reporting writes a report with its aggregate delta,
the platform's figures count events once each, and the site reads series and writes pages; each
rule's test needs a stand-in for its own port alone.
"""

from dataclasses import dataclass
from typing import Any, Protocol

from numeriqc.barometer.aggregation import Delta


class AlreadyExists(Exception):
    """A conditional write found the item already there (or changed since it was read)."""


class IndicatorRecords(Protocol):
    def add_indicator(self, item: dict[str, Any]) -> None:
        """Store a new indicator; AlreadyExists when its id is taken."""

    def indicator(self, indicator_id: str) -> dict[str, Any] | None: ...

    def indicators(self) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class ReportVersion:
    """One version of one organization's report, and what it changes in its period's aggregate."""

    item: dict[str, Any]  # org_id, indicator_id, period, value, base, version, correction, recorded_at
    delta: Delta
    replaces: int | None  # the version this one corrects (None for a first report)


class ReportRecords(Protocol):
    def current_report(self, org_id: str, indicator_id: str, period: str) -> dict[str, Any] | None: ...

    def record_report(self, version: ReportVersion) -> None:
        """Write the version, make it current and apply its delta, in ONE transaction; AlreadyExists
        when another version became current since `replaces` was read."""

    def report_history(self, org_id: str, indicator_id: str, period: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Figure:
    """What one platform event adds to one automatic indicator's period."""

    indicator_id: str
    period: str
    delta: Delta


class FigureRecords(Protocol):
    def count_once(self, event_id: str, figures: list[Figure], expires_at: int) -> bool:
        """Apply `figures` unless `event_id` was already counted (then False), in ONE transaction."""

    def count_all_once(self, event_ids: list[str], figures: list[Figure], expires_at: int) -> bool:
        """Apply `figures` unless one of `event_ids` was already counted (then False and nothing
        applied), in ONE transaction."""


class SeriesReader(Protocol):
    def totals(self, indicator_id: str) -> list[dict[str, Any]]:
        """Every period's totals of an indicator (one Query), oldest period first."""


class SiteManifest(Protocol):
    def page_hashes(self) -> dict[str, str]: ...

    def save_page_hashes(self, hashes: dict[str, str]) -> None: ...


class SiteWriter(Protocol):
    def write(self, path: str, content: bytes, content_type: str) -> None: ...


class NotOwned(Exception):
    """A conditional update found the entry missing or owned by another organization."""


class RegisterRecords(Protocol):
    """Benefits (`kind` "benefit") and showcase achievements (`kind` "achievement")."""

    def add_entry(self, kind: str, entry_id: str, item: dict[str, Any]) -> None:
        """Store a new entry; AlreadyExists when its id is taken."""

    def entry(self, kind: str, entry_id: str) -> dict[str, Any] | None: ...

    def entries(self, kind: str) -> list[dict[str, Any]]: ...

    def set_measurement(self, benefit_id: str, org_id: str, period: str, measurement: dict[str, Any]) -> None:
        """Record one period's measurement of the organization's own benefit; NotOwned otherwise."""

    def set_moderation(self, kind: str, entry_id: str, decision: str) -> None:
        """NotOwned when there is no such entry."""
