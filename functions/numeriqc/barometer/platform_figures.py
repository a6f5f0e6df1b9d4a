"""The platform measures itself: which of the services' events feed which automatic indicator.
Pure logic; the consumer on the bus (handlers/platform_events_queue.py) applies it.

`FIGURES` is the whole mapping, one line per (event type, indicator): a new family of events is one
line here, and infra subscribes the queue to exactly the types named here (nothing else invokes
the function). Each line says when an event counts (`when`) and what it adds (`value`, 1 by
default, with a base of 1): counts are sums of 1; a rate is a mean of 100 and 0 weighted by 1 per
event (delivered out of final outcomes, ratings of 4 or 5 out of all ratings).

An event counts in the Québec month of its `time`, once: the event id is claimed in the same
transaction as the figures, so a redelivered event changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from numeriqc.barometer import periods
from numeriqc.barometer.aggregation import Contribution, combined, delta, exact
from numeriqc.barometer.periods import ReportingFrequency
from numeriqc.barometer.ports import Figure, FigureRecords
from numeriqc.core.events import TYPE_PREFIX, CloudEvent

Data = dict[str, Any]


def event_type(family: str, name: str, version: int = 1) -> str:
    return f"{TYPE_PREFIX}{family}.{name}.v{version}"


@dataclass(frozen=True)
class FigureRule:
    event_type: str
    indicator_id: str
    when: Callable[[Data], bool] = field(default=lambda data: True)
    value: Callable[[Data], float] = field(default=lambda data: 1)


_FINAL = {"delivered": 100, "permanent-failure": 0, "temporary-failure": 0, "technical-failure": 0}
# The service announces final statuses only (never `sending`): a notification was sent when its
# provider took it and reported an outcome. A technical failure never reached a provider for sure
# (the sweeper closes only attempts without a provider id), opted-out and cancelled ones were not sent.
_SENT = {"delivered", "permanent-failure", "temporary-failure"}


def _sent_by(channel: str) -> Callable[[Data], bool]:
    return lambda data: data.get("status") in _SENT and data.get("channel") == channel


def _delivered_by(channel: str) -> Callable[[Data], bool]:
    return lambda data: data.get("status") == "delivered" and data.get("channel") == channel


def _rating(data: Data) -> int:
    return int(data["rating"])


NOTIFICATION_STATUS = event_type("notifications", "status")
FEEDBACK_RECEIVED = event_type("feedback", "received")
CONSULTATION_CLOSED = event_type("consultations", "closed")
FIGURES: tuple[FigureRule, ...] = (
    FigureRule(NOTIFICATION_STATUS, "notifications-sent-email", when=_sent_by("email")),
    FigureRule(NOTIFICATION_STATUS, "notifications-sent-sms", when=_sent_by("sms")),
    FigureRule(NOTIFICATION_STATUS, "notifications-delivered-email", when=_delivered_by("email")),
    FigureRule(NOTIFICATION_STATUS, "notifications-delivered-sms", when=_delivered_by("sms")),
    FigureRule(
        NOTIFICATION_STATUS,
        "notifications-delivery-rate",
        when=lambda data: data.get("status") in _FINAL,
        value=lambda data: _FINAL[data["status"]],
    ),
    FigureRule(FEEDBACK_RECEIVED, "feedback-volume"),
    FigureRule(FEEDBACK_RECEIVED, "feedback-csat", value=lambda data: 100 if _rating(data) >= 4 else 0),
    FigureRule(FEEDBACK_RECEIVED, "feedback-mean-rating", value=_rating),
    # A consultation is held when its window closes; closed.v1 carries how many took part (a count,
    # never who nor what: the ballot stays secret).
    FigureRule(CONSULTATION_CLOSED, "consultations-held"),
    FigureRule(
        CONSULTATION_CLOSED, "consultations-participations", value=lambda data: int(data["participants"])
    ),
    # One event per consumer a logged block reached, with the number of messages it carried.
    FigureRule(
        event_type("exchange", "message.delivered"),
        "exchange-messages",
        value=lambda data: int(data["count"]),
    ),
    # A grant given connects a consumer organization to a dataset (a renewal counts again).
    FigureRule(
        event_type("exchange", "grant.changed"),
        "exchange-organizations-connected",
        when=lambda data: data.get("decision") == "granted",
    ),
    FigureRule(event_type("organizations", "onboarded"), "organizations-onboarded"),
)


def counted_types() -> list[str]:
    """Every event type some line counts (infra's subscription filter)."""
    return sorted({rule.event_type for rule in FIGURES})


def counted_families() -> list[str]:
    return sorted({rule.event_type.removeprefix(TYPE_PREFIX).split(".", 1)[0] for rule in FIGURES})


def figures_for(event: CloudEvent) -> list[Figure]:
    """What `event` adds to the automatic indicators; an event a line cannot read adds nothing there."""
    period = periods.label_for(event.time.astimezone(periods.QUEBEC).date(), ReportingFrequency.MONTH)
    found = []
    for rule in FIGURES:
        if rule.event_type != event.type:
            continue
        try:
            if not rule.when(event.data):
                continue
            value = exact(float(rule.value(event.data)))
        except (KeyError, TypeError, ValueError):
            continue  # a malformed event of another service must not block the others
        found.append(Figure(rule.indicator_id, period, delta(Contribution(value, Decimal(1)), None)))
    return found


# An event can come back while it may still be redelivered: SQS keeps a message at most 14 days.
CLAIM_DAYS = 15


def count_event(store: FigureRecords, event: CloudEvent, now_epoch: int) -> list[Figure]:
    """Apply `event`'s figures once; answers the figures applied (none for a repeat or no line)."""
    figures = figures_for(event)
    if not figures:
        return []
    applied = store.count_once(event.id, figures, expires_at=now_epoch + CLAIM_DAYS * 86400)
    return figures if applied else []


TRANSACTION_ITEMS = 100  # DynamoDB's limit of actions in one TransactWriteItems


def count_together(store: FigureRecords, events: list[CloudEvent], now_epoch: int) -> list[Figure] | None:
    """Apply a batch's figures in one transaction: each event claimed, each indicator's period moved
    once by the sum of the batch's deltas (a bulk's statuses move the same three periods, which one
    transaction per event wrote again and again). None when that cannot be done (an event already
    counted, a redelivery; more actions than a transaction takes): the caller counts one by one.

    An event twice in the batch (the same id, delivered twice) counts once."""
    claimed: dict[str, list[Figure]] = {}
    for event in events:
        if event.id not in claimed:
            claimed[event.id] = figures_for(event)
    counted = {event_id: figures for event_id, figures in claimed.items() if figures}
    if not counted:
        return []
    merged: dict[tuple[str, str], Figure] = {}
    for figures in counted.values():
        for figure in figures:
            key = (figure.indicator_id, figure.period)
            before = merged.get(key)
            merged[key] = (
                figure if before is None else replace(figure, delta=combined(before.delta, figure.delta))
            )
    if len(counted) + len(merged) > TRANSACTION_ITEMS:
        return None
    figures = list(merged.values())
    applied = store.count_all_once(list(counted), figures, expires_at=now_epoch + CLAIM_DAYS * 86400)
    return figures if applied else None
