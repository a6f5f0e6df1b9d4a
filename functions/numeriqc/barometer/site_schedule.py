"""When the public site is published: at most once per `INTERVAL` whatever the traffic, never a
change lost. Logic over a port (`PublicationClaims`, one item of the table).

Every batch of barometer events that changes figures reaches the site's queue; a bulk of 10,000
notifications makes hundreds of such batches, and publishing on each one (reads, render, PutObject
of every changed page, since each count changes a page) made the site's cost follow traffic. Now:

- a change publishes at once when the site was not published in the last `INTERVAL` (the first
  report after a quiet spell shows within seconds);
- within it, the change only marks the site pending (one UpdateItem), and the catch-up rule (every
  `INTERVAL`) publishes what is pending: figures lag by `INTERVAL` at most, the page's cache time;
- the daily rule publishes whatever happened (statuses move with the calendar).

A publication is claimed before the data is read, with a conditional write, so two invocations at
once (SQS runs several pollers) never both publish for one change, and a change that arrives after
the claim marks the site pending again: the next catch-up shows it. A publication that fails marks
the site pending again before raising, so the catch-up retries it.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from numeriqc.barometer.site_publication import Publication
from numeriqc.core.clock import Clock

INTERVAL = timedelta(minutes=5)
CATCH_UP = {"catch_up": True}  # the catch-up rule's input to the scheduled function


class PublicationClaims(Protocol):
    def claim_if_quiet(self, now: datetime, published_before: datetime) -> bool:
        """Record a publication at `now` if the last one was at or before `published_before` (or none)."""

    def claim_if_pending(self, now: datetime) -> bool:
        """Record a publication at `now` if a change is pending; clears it."""

    def claim(self, now: datetime) -> None:
        """Record a publication at `now` whatever; clears any pending change."""

    def mark_pending(self, now: datetime) -> datetime | None:
        """Mark a change pending (kept since the first unpublished one); answers when the site was
        last published (None: never), so the busy case costs this one write."""


class SiteSchedule:
    def __init__(self, claims: PublicationClaims, publish: Callable[[], Publication], clock: Clock) -> None:
        self._claims = claims
        self._publish = publish
        self._clock = clock

    def changed(self) -> Publication | None:
        """Some figures changed: publish now if the site is quiet, else leave it to the catch-up."""
        now = self._clock()
        published_at = self._claims.mark_pending(now)
        quiet = published_at is None or published_at <= now - INTERVAL
        if quiet and self._claims.claim_if_quiet(now, now - INTERVAL):  # conditional: one winner
            return self._claimed(now)
        return None

    def catch_up(self) -> Publication | None:
        """Publish what changed since the last publication, if anything did."""
        now = self._clock()
        return self._claimed(now) if self._claims.claim_if_pending(now) else None

    def daily(self) -> Publication:
        now = self._clock()
        self._claims.claim(now)
        return self._claimed(now)

    def _claimed(self, now: datetime) -> Publication:
        try:
            return self._publish()
        except Exception:
            self._claims.mark_pending(now)  # not lost: the next catch-up publishes it
            raise
