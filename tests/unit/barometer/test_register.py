"""The benefits register and the showcase: submission, moderation, measurements, and the pages."""

from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.barometer.models import BenefitIn, MeasurementIn, Moderation, ModerationIn, ShowcaseIn
from numeriqc.barometer.ports import AlreadyExists, NotOwned
from numeriqc.barometer.register import Register
from numeriqc.barometer.site_pages import benefits_body, showcase_body
from numeriqc.core.clock import FrozenClock
from numeriqc.core.events import EventBuffer
from numeriqc.core.problems import Conflict, Forbidden, NotFound, ValidationFailed

NOW = datetime(2026, 5, 10, 12, tzinfo=UTC)
MARKUP = "<script>alert(1)</script>"


class Entries:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], dict[str, Any]] = {}

    def add_entry(self, kind: str, entry_id: str, item: dict[str, Any]) -> None:
        if (kind, entry_id) in self.items:
            raise AlreadyExists(entry_id)
        self.items[kind, entry_id] = item

    def entry(self, kind: str, entry_id: str) -> dict[str, Any] | None:
        return self.items.get((kind, entry_id))

    def entries(self, kind: str) -> list[dict[str, Any]]:
        return [item for (found, _), item in self.items.items() if found == kind]

    def set_measurement(self, benefit_id: str, org_id: str, period: str, measurement: dict[str, Any]) -> None:
        item = self.items.get(("benefit", benefit_id))
        if item is None or item["org_id"] != org_id:
            raise NotOwned(benefit_id)
        item["measurements"][period] = measurement

    def set_moderation(self, kind: str, entry_id: str, decision: str) -> None:
        if (kind, entry_id) not in self.items:
            raise NotOwned(entry_id)
        self.items[kind, entry_id]["moderation"] = decision


def _benefit(**changes: Any) -> BenefitIn:
    body = {
        "benefit_id": "permis-en-ligne",
        "measure": 16,
        "title_fr": "Permis en ligne",
        "title_en": "Online licences",
        "kind": "hours_saved",
        "method_fr": "Temps au comptoir évité x demandes en ligne",
        "method_en": "Counter time avoided x online requests",
        "assumptions_fr": "20 minutes par demande",
        "estimates": [{"period": "2026-Q1", "value": 1000}, {"period": "2026-Q2", "value": 1500}],
    }
    return BenefitIn.model_validate({**body, **changes})


def _achievement(**changes: Any) -> ShowcaseIn:
    body = {
        "achievement_id": "rendez-vous",
        "title_fr": "Prise de rendez-vous",
        "title_en": "Appointment booking",
        "summary_fr": "Les citoyens réservent en ligne.",
        "summary_en": "Citizens book online.",
        "links": ["https://saaq.gouv.qc.ca/rendez-vous"],
        "status": "delivered",
        "date": "2026-04-01",
        "measures": [7, 9],
    }
    return ShowcaseIn.model_validate({**body, **changes})


@pytest.fixture
def register() -> Register:
    return Register(Entries(), frozenset({"numeriqc"}), FrozenClock(NOW))


def test_an_entry_is_public_only_once_a_moderator_approves_it(register: Register) -> None:
    sink = EventBuffer()
    register.submit_benefit("saaq", _benefit(), sink)
    register.submit_achievement("saaq", _achievement(), sink)
    assert register.benefits() == [] and register.achievements() == []
    with pytest.raises(Forbidden):
        register.moderate(
            "saaq", "benefit", "permis-en-ligne", ModerationIn(decision=Moderation.APPROVED), sink
        )
    register.moderate(
        "numeriqc", "benefit", "permis-en-ligne", ModerationIn(decision=Moderation.APPROVED), sink
    )
    register.moderate(
        "numeriqc", "achievement", "rendez-vous", ModerationIn(decision=Moderation.REJECTED), sink
    )
    assert [item.benefit_id for item in register.benefits()] == ["permis-en-ligne"]
    assert register.achievements() == []
    with pytest.raises(NotFound):
        register.moderate(
            "numeriqc", "benefit", "nulle-part", ModerationIn(decision=Moderation.APPROVED), sink
        )
    with pytest.raises(ValidationFailed):
        register.moderate(
            "numeriqc", "benefit", "permis-en-ligne", ModerationIn(decision=Moderation.PENDING), sink
        )
    assert [event.type.split(".")[4:6] for event in sink.take()] == [
        ["benefit", "submitted"],
        ["achievement", "submitted"],
        ["benefit", "moderated"],
        ["achievement", "moderated"],
    ]


def test_only_the_owner_measures_and_only_periods_that_have_begun(register: Register) -> None:
    register.submit_benefit("saaq", _benefit(), EventBuffer())
    measured = register.measure_benefit(
        "saaq",
        "permis-en-ligne",
        MeasurementIn(period="2026-Q1", measured=900, reinvested=5000),
        EventBuffer(),
    )
    assert measured.measurements["2026-Q1"].measured == 900
    with pytest.raises(NotFound):
        register.measure_benefit(
            "mcn", "permis-en-ligne", MeasurementIn(period="2026-Q1", measured=1), EventBuffer()
        )
    with pytest.raises(ValidationFailed):
        register.measure_benefit(
            "saaq", "permis-en-ligne", MeasurementIn(period="2026-Q3", measured=1), EventBuffer()
        )


@pytest.mark.parametrize(
    "field", ["title_fr", "title_en", "method_fr", "method_en", "assumptions_fr", "assumptions_en"]
)
def test_markup_in_any_benefit_text_is_refused(register: Register, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        register.submit_benefit("saaq", _benefit(**{field: MARKUP}), EventBuffer())
    assert [error.field for error in refused.value.errors] == [f"body.{field}"]


@pytest.mark.parametrize("field", ["title_fr", "title_en", "summary_fr", "summary_en"])
def test_markup_in_any_achievement_text_is_refused(register: Register, field: str) -> None:
    with pytest.raises(ValidationFailed):
        register.submit_achievement("saaq", _achievement(**{field: MARKUP}), EventBuffer())


def test_a_taken_id_is_a_conflict(register: Register) -> None:
    register.submit_benefit("saaq", _benefit(), EventBuffer())
    with pytest.raises(Conflict):
        register.submit_benefit("mcn", _benefit(), EventBuffer())


def test_the_benefits_page_shows_estimate_measurement_gap_and_reinvestment(register: Register) -> None:
    benefit = register.submit_benefit("saaq", _benefit(), EventBuffer())
    benefit = register.measure_benefit(
        "saaq",
        benefit.benefit_id,
        MeasurementIn(period="2026-Q1", measured=1200, reinvested=5000),
        EventBuffer(),
    )
    page = benefits_body([benefit], "fr")
    assert (
        "<td>1\u202f000\u202fh</td><td>1\u202f200\u202fh</td><td>+200\u202fh</td><td>5\u202f000\u202f$</td>"
        in page
    )
    assert "<td>1\u202f500\u202fh</td><td>non mesuré</td><td>non mesuré</td>" in page
    english = benefits_body([benefit], "en")
    assert "<td>1,000 h</td><td>1,200 h</td><td>+200 h</td><td>$5,000</td>" in english


@pytest.mark.parametrize("field", ["title_fr", "title_en", "summary_fr", "summary_en", "org_id"])
def test_every_showcase_text_is_escaped_on_its_page(register: Register, field: str) -> None:
    achievement = register.submit_achievement("saaq", _achievement(), EventBuffer())
    hostile = achievement.model_copy(update={field: MARKUP, "links": ['https://x.example/"><script>']})
    for lang in ("fr", "en"):
        page = showcase_body([hostile], lang)
        assert "<script" not in page
        assert 'href="https://x.example/&quot;&gt;&lt;script&gt;"' in page
