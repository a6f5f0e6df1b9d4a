"""GET /v1/notifications with filters: following `next` finds every match once, in order, and a
page costs a bounded number of reads however rare the matches (it used to read a 100,000-row
bulk one item per Query when a status matched nothing, and a page's cut skipped items)."""

import random
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import pytest

from numeriqc.core import aws
from numeriqc.core.ids import new_ulid
from numeriqc.notifications.adapters.items import EVALUATED_PER_READ, MAX_READS
from numeriqc.notifications.adapters.table import NotificationsTable
from numeriqc.notifications.models import Channel, Status
from numeriqc.notifications.records import status_item
from tests.support.platform import NewKey, bearer

START = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)


def _store(platform: Any, statuses: list[Status]) -> list[tuple[str, str]]:
    """Status items of `saaq`'s live world, one per status, a millisecond apart: (id, status)."""
    table = NotificationsTable(aws.client("dynamodb"), platform.names["NotificationsTable"])
    stored = []
    for index, status in enumerate(statuses):
        moment = START + timedelta(milliseconds=index)
        notification_id = new_ulid(lambda moment=moment: moment)
        item = status_item(
            notification_id=notification_id,
            channel=Channel.SMS,
            status=status,
            template_id="t",
            version=1,
            language="fr",
            key_kind="live",
            recipient_hash="h",
            now=moment,
        )
        table.add_notifications("saaq", [{k: v for k, v in item.items() if v is not None}])
        stored.append((notification_id, status.value))
    return stored


class _Reads:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, **_: Any) -> None:
        self.count += 1


def _follow(platform: Any, key: str, query: str, reads: _Reads) -> tuple[list[str], list[int]]:
    """Every id of every page, and the Query calls each page made."""
    found: list[str] = []
    per_page: list[int] = []
    page = ""
    while True:
        before = reads.count
        answer = platform.http(
            "GET", f"/v1/notifications?{query}{'&page=' + quote(page) if page else ''}", headers=bearer(key)
        )
        assert answer.status == 200, answer.text
        per_page.append(reads.count - before)
        body = answer.json()
        found += [item["id"] for item in body["items"]]
        page = body.get("next") or ""
        if not page:
            return found, per_page


@pytest.fixture
def reads() -> Any:
    counter = _Reads()
    events = aws.client("dynamodb").meta.events
    events.register("before-call.dynamodb.Query", counter)
    yield counter
    events.unregister("before-call.dynamodb.Query", counter)


@pytest.mark.parametrize("limit", [1, 4, 7, 50])
def test_following_next_finds_every_match_once_newest_first(
    platform: Any, new_key: NewKey, reads: _Reads, limit: int
) -> None:
    key = new_key("saaq")
    # Matches unevenly spread (a fixed seed), so reads of a page find more than it still lacks.
    kinds = [Status.DELIVERED, Status.DELIVERED, Status.PERMANENT_FAILURE, Status.TEMPORARY_FAILURE]
    rng = random.Random(7)
    stored = _store(platform, [rng.choice(kinds) for _ in range(60)])
    expected = [nid for nid, status in reversed(stored) if status == "delivered"]

    found, per_page = _follow(platform, key, f"status=delivered&limit={limit}", reads)

    assert found == expected  # none skipped at a page's cut, none twice, newest first
    assert max(per_page) <= MAX_READS


def test_a_rare_match_costs_bounded_pages_not_a_read_per_item(
    platform: Any, new_key: NewKey, reads: _Reads
) -> None:
    key = new_key("saaq")
    stored = _store(platform, [Status.TECHNICAL_FAILURE] + [Status.DELIVERED] * (EVALUATED_PER_READ * 3))

    found, per_page = _follow(platform, key, "status=technical-failure&limit=1", reads)

    assert found == [stored[0][0]]  # the oldest: the newest-first listing reaches it last
    assert per_page == [4]  # one read per EVALUATED_PER_READ items, not one per item
