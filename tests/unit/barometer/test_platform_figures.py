"""The mapping from the services' events to the automatic indicators, line by line."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from numeriqc.barometer import platform_figures
from numeriqc.barometer.platform_figures import (
    FIGURES,
    count_event,
    count_together,
    counted_types,
    figures_for,
)
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

        self.totals: dict[tuple[str, str], dict[str, Decimal]] = {}
        self.transactions: list[int] = []

    def count_once(self, event_id, figures, expires_at) -> bool:
        return self.count_all_once([event_id], figures, expires_at)

    def count_all_once(self, event_ids, figures, expires_at) -> bool:
        """As DynamoDB's transaction: all or nothing; ADD for the totals, SET for the latest."""
        self.calls += 1
        assert len(set(event_ids)) == len(event_ids)  # one action per item, as DynamoDB requires
        if self.claimed & set(event_ids):
            return False
        self.claimed |= set(event_ids)
        self.transactions.append(len(event_ids) + len(figures))
        for figure in figures:
            totals = self.totals.setdefault((figure.indicator_id, figure.period), {})
            for name in ("total", "weighted", "base", "reports"):
                totals[name] = totals.get(name, Decimal(0)) + getattr(figure.delta, name)
            totals["latest"] = figure.delta.latest
        return True


def test_an_event_counts_once_and_an_unmapped_one_costs_no_write() -> None:
    claims = _Claims()
    event = _event(platform_figures.FEEDBACK_RECEIVED, {"rating": 5})
    assert len(count_event(claims, event, 0)) == 3
    assert count_event(claims, event, 0) == []
    assert count_event(claims, _event("ca.qc.numeriqc.feedback.low-rating.v1", {}), 0) == []
    assert claims.calls == 2


def _status(i: int, status: str, channel: str = "sms", time: datetime = LATE_JANUARY) -> CloudEvent:
    data = {"status": status, "channel": channel}
    return _event(platform_figures.NOTIFICATION_STATUS, data, event_id=f"s{i}", time=time)


BATCH = [
    *(_status(i, "delivered") for i in range(30)),
    *(_status(i, "permanent-failure") for i in range(30, 36)),
    *(_status(i, "delivered", "email", time=datetime(2026, 2, 1, 6, 0, tzinfo=UTC)) for i in range(36, 42)),
    _event(platform_figures.FEEDBACK_RECEIVED, {"rating": 2}, event_id="f1"),
    _event(platform_figures.FEEDBACK_RECEIVED, {"rating": 5}, event_id="f2"),
    _event("ca.qc.numeriqc.feedback.low-rating.v1", {}, event_id="unmapped"),
]


def test_a_batch_counted_together_adds_up_as_its_events_one_by_one() -> None:
    """Same totals and latest values, in one transaction: a claim per event, an update per period."""
    alone, together = _Claims(), _Claims()
    for event in BATCH:
        count_event(alone, event, 0)

    figures = count_together(together, BATCH, 0)

    assert together.totals == alone.totals
    assert together.claimed == alone.claimed
    assert figures is not None and len(figures) == len(together.totals)
    assert together.transactions == [44 + len(together.totals)]  # 44 mapped events
    assert {(f.indicator_id, f.period) for f in figures} >= {
        ("notifications-delivery-rate", "2026-01"),
        ("notifications-delivered-email", "2026-02"),
    }


def test_an_event_twice_in_a_batch_counts_once() -> None:
    claims = _Claims()
    event = _status(1, "delivered")
    figures = count_together(claims, [event, event, _status(2, "delivered")], 0)
    assert figures is not None
    assert claims.totals[("notifications-sent-sms", "2026-01")]["total"] == 2


def test_a_batch_with_an_event_already_counted_is_left_to_count_one_by_one() -> None:
    claims = _Claims()
    count_event(claims, _status(1, "delivered"), 0)
    before = {key: dict(totals) for key, totals in claims.totals.items()}
    assert count_together(claims, [_status(1, "delivered"), _status(2, "delivered")], 0) is None
    assert claims.totals == before and claims.claimed == {"s1"}


def test_a_batch_larger_than_a_transaction_is_left_to_count_one_by_one() -> None:
    claims = _Claims()
    batch = [_status(i, "delivered") for i in range(platform_figures.TRANSACTION_ITEMS)]
    assert count_together(claims, batch, 0) is None
    assert claims.calls == 0
    assert count_together(claims, batch[:50], 0) is not None


def test_a_batch_of_nothing_counted_costs_no_write() -> None:
    claims = _Claims()
    assert count_together(claims, [_event("ca.qc.numeriqc.feedback.low-rating.v1", {})], 0) == []
    assert claims.calls == 0
