"""The public site costs what changes on it, not what traffic the platform carries (issue 12).

A bulk send's receipts are final statuses, each counted by the barometer; before, every batch of
them republished the site (1,000 emails: 1,633 PutObject, all by BarometerSite). Counted with a
hook on the functions' botocore session: the calls a deployed function pays for.
"""

import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from numeriqc.barometer import periods
from numeriqc.barometer.periods import ReportingFrequency
from numeriqc.barometer.site_text import amount
from numeriqc.barometer.strategy import AUTOMATIC_BY_ID
from numeriqc.core import aws
from numeriqc.core.events import EventPublisher, cloud_event
from numeriqc.core.ids import new_ulid
from tests.support.barometer import catch_up

RECEIPTS = 1_000
WAVES = 10  # drained one by one: a bulk's receipts come back over time, not at once
SITE_FUNCTIONS = ("BarometerSite", "BarometerDailySite")


class SiteCalls:
    """Calls made by the site's functions, by `service.Operation`; and the changes announced to
    them (the figures function's `figures.recorded`, one PutEvents per batch of events counted)."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.changes = 0
        self.figure_transactions = 0

    def __call__(self, model: Any, **_: Any) -> None:
        function = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "-").split("-")[-1]
        if function in SITE_FUNCTIONS:
            self.calls[f"{model.service_model.service_name}.{model.name}"] += 1
        elif function == "BarometerFigures" and model.name == "PutEvents":
            self.changes += 1
        elif function == "BarometerFigures" and model.name == "TransactWriteItems":
            self.figure_transactions += 1


@pytest.fixture
def site_calls(platform: Any) -> Iterator[SiteCalls]:
    counter = SiteCalls()
    aws.session().events.register("before-call", counter)
    yield counter
    aws.session().events.unregister("before-call", counter)


def _receipts(platform: Any, service_clock: Any, count: int) -> None:
    publisher = EventPublisher(aws.client("events"), platform.names["EventBus"])
    data = {"status": "delivered", "channel": "email"}
    publisher.publish(
        cloud_event("notifications", "status", "saaq", {**data, "id": new_ulid()}, clock=service_clock.now)
        for _ in range(count)
    )


def _page(platform: Any, key: str) -> str:
    s3 = aws.client("s3")
    return str(s3.get_object(Bucket=platform.names["BarometerSiteBucket"], Key=key)["Body"].read().decode())


def test_a_thousand_email_receipts_publish_the_site_once_then_the_catch_up_shows_them_all(
    platform: Any, service_clock: Any, site_calls: SiteCalls
) -> None:
    for _ in range(WAVES):
        _receipts(platform, service_clock, RECEIPTS // WAVES)
        platform.drain()
    burst, changes = Counter(site_calls.calls), site_calls.changes
    assert changes >= WAVES  # at least one change per wave reached the site's queue
    # The figures are counted a batch at a time (one transaction per batch of up to 50 receipts),
    # not one transaction per receipt (1,000 before).
    assert site_calls.figure_transactions <= RECEIPTS // 10, site_calls.figure_transactions
    # One publication (the first wave's: the site was quiet), whatever the number of waves: its
    # manifest saved once, each of its files written once. Before: one per wave (10 manifests).
    assert burst["dynamodb.PutItem"] == 1, site_calls.calls
    files = burst["s3.PutObject"]
    assert files == len(_site_keys(platform)), site_calls.calls
    # Each later change (a batch of figures) only marked the site pending: one UpdateItem at most
    # (changes that reach the site in one batch share one), + the first publication's claim.
    assert 2 <= burst["dynamodb.UpdateItem"] <= changes + 1, site_calls.calls

    site_calls.calls.clear()
    catch_up(platform)  # the rule, within site_schedule.INTERVAL
    assert site_calls.calls["dynamodb.PutItem"] == 1
    assert 0 < site_calls.calls["s3.PutObject"] < files  # only the pages whose bytes changed
    month = periods.label_for(service_clock.now().astimezone(periods.QUEBEC).date(), ReportingFrequency.MONTH)
    for indicator_id, value in (("notifications-sent-email", RECEIPTS), ("notifications-delivery-rate", 100)):
        unit = AUTOMATIC_BY_ID[indicator_id].unit
        row = f'<th scope="row">{month}</th><td>{amount(value, unit, "fr")}</td>'  # type: ignore[arg-type]
        assert row in _page(platform, f"fr/indicateur-{indicator_id}.html"), "every receipt shown: none lost"

    site_calls.calls.clear()
    catch_up(platform)  # nothing pending: one refused claim, nothing read or written
    assert dict(site_calls.calls) == {"dynamodb.UpdateItem": 1}


def _site_keys(platform: Any) -> list[str]:
    s3 = aws.client("s3")
    listed = s3.list_objects_v2(Bucket=platform.names["BarometerSiteBucket"])
    return [str(item["Key"]) for item in listed.get("Contents", [])]


def test_a_publication_that_fails_leaves_its_change_pending_for_the_next_catch_up(
    platform: Any, service_clock: Any
) -> None:
    s3 = aws.client("s3")
    bucket = platform.names["BarometerSiteBucket"]
    _receipts(platform, service_clock, 10)
    platform.drain()  # published: the site was quiet
    _receipts(platform, service_clock, 10)
    platform.drain()  # pending: published moments ago
    for key in _site_keys(platform):
        s3.delete_object(Bucket=bucket, Key=key)
    s3.delete_bucket(Bucket=bucket)  # the catch-up's PutObject fails
    with pytest.raises(Exception, match="NoSuchBucket"):
        catch_up(platform)
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": s3.meta.region_name})
    catch_up(platform)  # the next one: still pending, so published
    assert "fr/indicateur-notifications-sent-email.html" in _site_keys(platform)
