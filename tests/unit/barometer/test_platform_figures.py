"""The mapping from the services' events to the automatic indicators, line by line."""

from datetime import UTC, datetime

import pytest

from numeriqc.barometer import platform_figures
from numeriqc.barometer.platform_figures import FIGURES, count_event, counted_types, figures_for
from numeriqc.barometer.strategy import AUTOMATIC_BY_ID
from numeriqc.core.events import EVENT_FAMILIES, CloudEvent

# 2026-02-01 03:00 UTC is still January 31st in Québec.
LATE_JANUARY = datetime(2026, 2, 1, 3, 0, tzinfo=UTC)


def _event(type_name: str, data: dict, event_id: str = "e1", time: datetime = LATE_JANUARY) -> CloudEvent:
    family = type_name.split(".")[3]
    return CloudEvent(
        id=event_id, source=f"numeriqc/{family}", type=type_name, time=time, orgid="saaq", data=data
    )


def _by_indicator(event: CloudEvent) -> dict[str, tuple[str, float]]:
    return {f.indicator_id: (f.period, float(f.delta.total)) for f in figures_for(event)}


def test_every_line_names_an_automatic_indicator_and_a_known_family() -> None:
    for rule in FIGURES:
        assert rule.indicator_id in AUTOMATIC_BY_ID
        assert rule.event_type.split(".")[3] in EVENT_FAMILIES
    assert set(platform_figures.counted_families()) <= set(EVENT_FAMILIES)
    assert len(counted_types()) == len({rule.event_type for rule in FIGURES})


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"status": "delivered", "channel": "sms"},
            {
                "notifications-sent-sms": 1,
                "notifications-delivered-sms": 1,
                "notifications-delivery-rate": 100,
            },
        ),
        (
            {"status": "delivered", "channel": "email"},
            {
                "notifications-sent-email": 1,
                "notifications-delivered-email": 1,
                "notifications-delivery-rate": 100,
            },
        ),
        (
            {"status": "permanent-failure", "channel": "email"},
            {"notifications-sent-email": 1, "notifications-delivery-rate": 0},
        ),
        (
            {"status": "temporary-failure", "channel": "sms"},
            {"notifications-sent-sms": 1, "notifications-delivery-rate": 0},
        ),
        # never reached a provider for sure: not sent, but an outcome that is not a delivery
        ({"status": "technical-failure", "channel": "email"}, {"notifications-delivery-rate": 0}),
        ({"status": "opted-out", "channel": "email"}, {}),
        ({"status": "sending", "channel": "email"}, {}),
        ({"status": "delivered"}, {"notifications-delivery-rate": 100}),
    ],
)
def test_notification_statuses(data, expected) -> None:
    found = _by_indicator(_event(platform_figures.NOTIFICATION_STATUS, data))
    assert {key: value for key, (_, value) in found.items()} == expected
    assert {period for period, _ in found.values()} <= {"2026-01"}


@pytest.mark.parametrize(("rating", "csat"), [(1, 0), (3, 0), (4, 100), (5, 100)])
def test_feedback_counts_volume_csat_and_rating(rating, csat) -> None:
    found = _by_indicator(_event(platform_figures.FEEDBACK_RECEIVED, {"rating": rating}))
    assert found == {
        "feedback-volume": ("2026-01", 1),
        "feedback-csat": ("2026-01", csat),
        "feedback-mean-rating": ("2026-01", rating),
    }


@pytest.mark.parametrize("data", [{}, {"rating": "cinq"}, {"rating": None}])
def test_a_line_that_cannot_read_its_event_adds_nothing_instead_of_failing(data) -> None:
    """The volume needs no rating and still counts; the lines that read the rating skip it."""
    found = figures_for(_event(platform_figures.FEEDBACK_RECEIVED, data))
    assert [figure.indicator_id for figure in found] == ["feedback-volume"]


def test_a_closed_consultation_is_held_with_its_participants() -> None:
    found = _by_indicator(_event(platform_figures.CONSULTATION_CLOSED, {"participants": 42}))
    assert found == {"consultations-held": ("2026-01", 1), "consultations-participations": ("2026-01", 42)}
    opened = _event("ca.qc.numeriqc.consultations.opened.v1", {"participants": 42})
    assert figures_for(opened) == []


def test_exchange_deliveries_count_their_messages_and_grants_given_connect() -> None:
    delivered = _event("ca.qc.numeriqc.exchange.message.delivered.v1", {"count": 7})
    assert _by_indicator(delivered) == {"exchange-messages": ("2026-01", 7)}
    grant = "ca.qc.numeriqc.exchange.grant.changed.v1"
    assert _by_indicator(_event(grant, {"decision": "granted"})) == {
        "exchange-organizations-connected": ("2026-01", 1)
    }
    assert _by_indicator(_event(grant, {"decision": "revoked"})) == {}


def test_an_organization_onboarded_counts() -> None:
    found = _by_indicator(_event("ca.qc.numeriqc.organizations.onboarded.v1", {"org_id": "ssss"}))
    assert found == {"organizations-onboarded": ("2026-01", 1)}


def test_every_counted_type_is_one_a_service_publishes() -> None:
    """The lines name only types some service's code emits (no indicator waiting forever)."""
    assert counted_types() == [
        "ca.qc.numeriqc.consultations.closed.v1",
        "ca.qc.numeriqc.exchange.grant.changed.v1",
        "ca.qc.numeriqc.exchange.message.delivered.v1",
        "ca.qc.numeriqc.feedback.received.v1",
        "ca.qc.numeriqc.notifications.status.v1",
        "ca.qc.numeriqc.organizations.onboarded.v1",
    ]


def test_an_event_no_line_names_adds_nothing() -> None:
    assert figures_for(_event("ca.qc.numeriqc.feedback.low-rating.v1", {"rating": 1})) == []


class _Claims:
    def __init__(self) -> None:
        self.claimed: set[str] = set()
        self.calls = 0

    def count_once(self, event_id, figures, expires_at) -> bool:
        self.calls += 1
        if event_id in self.claimed:
            return False
        self.claimed.add(event_id)
        return True


def test_an_event_counts_once_and_an_unmapped_one_costs_no_write() -> None:
    claims = _Claims()
    event = _event(platform_figures.FEEDBACK_RECEIVED, {"rating": 5})
    assert len(count_event(claims, event, 0)) == 3
    assert count_event(claims, event, 0) == []
    assert count_event(claims, _event("ca.qc.numeriqc.feedback.low-rating.v1", {}), 0) == []
    assert claims.calls == 2
