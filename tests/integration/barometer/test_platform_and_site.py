"""The platform measures itself and publishes the site, with no service calling the barometer:
feedback's events reach the automatic indicators through the bus, and barometer events regenerate
the static site in its bucket."""

from typing import Any

from numeriqc.core import aws, clock
from numeriqc.core.events import EventPublisher, cloud_event
from numeriqc_infra.barometer import CONTENT_SECURITY_POLICY
from numeriqc_local.dev.site import site_file
from tests.support.barometer import define, report, reporter_key, this_month
from tests.support.feedback import org_key, register, submit
from tests.support.platform import NewKey


def _series(platform: Any, indicator_id: str) -> list[dict[str, Any]]:
    return platform.http("GET", f"/v1/barometer/indicators/{indicator_id}/series").json()["points"]  # type: ignore[no-any-return]


def _site(platform: Any) -> dict[str, bytes]:
    s3 = aws.client("s3")
    bucket = platform.names["BarometerSiteBucket"]
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {key: s3.get_object(Bucket=bucket, Key=key)["Body"].read() for key in keys}


def test_feedback_events_become_the_feedback_indicators_once_each(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    register(platform, org_key(new_key))
    for rating, ip in ((5, "203.0.113.1"), (4, "203.0.113.2"), (1, "203.0.113.3")):
        assert submit(platform, {"service_id": "saaq.permis", "rating": rating}, ip=ip).status == 201
    platform.drain()
    month = this_month()
    assert _series(platform, "feedback-volume") == [{"period": month, "value": 3, "reports": 3}]
    csat = _series(platform, "feedback-csat")[0]["value"]
    assert round(csat, 2) == 66.67
    assert _series(platform, "feedback-mean-rating")[0]["value"] == 10 / 3

    # The same event delivered again (at-least-once) changes nothing.
    publisher = EventPublisher(aws.client("events"), platform.names["EventBus"])
    event = cloud_event("feedback", "received", "saaq", {"rating": 5}, clock=clock.now)
    publisher.publish([event, event])
    platform.drain()
    assert _series(platform, "feedback-volume")[0]["value"] == 4


def test_a_report_regenerates_the_site_in_both_languages(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = reporter_key(new_key)
    define(platform, key, name_fr="Services « en ligne »", name_en="Online services")
    assert report(platform, key, value=64.5, base=3).status == 201
    platform.drain()
    site = _site(platform)
    assert {"index.html", "site.css", "fr/index.html", "en/index.html", "donnees/barometre.csv"} <= set(site)
    page = site["fr/indicateur-services-en-ligne.html"].decode()
    assert "Services « en ligne »" in page and "64,5\u202f%" in page
    assert '<a href="../en/indicator-services-en-ligne.html" lang="en"' in page
    assert "64.5%" in site["en/indicator-services-en-ligne.html"].decode()
    assert (
        f"services-en-ligne,15,Services « en ligne »,Online services,{this_month()},64.5,percent,1"
        in site["donnees/barometre.csv"].decode()
    )
    assert all(len(content) < 100 * 1024 for content in site.values())


def test_the_local_dev_server_serves_the_site_with_the_deployed_policy(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    define(platform, reporter_key(new_key))  # not drained: the first visit publishes the empty site
    home = site_file(platform, "/barometre/")
    assert home.status == 200
    assert b'<a href="fr/index.html">' in home.content
    page = site_file(platform, "/barometre/en/indicator-services-en-ligne.html")
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert site_file(platform, "/barometre/en/nowhere.html").status == 404
    assert site_file(platform, "/barometre/../../etc/passwd").status == 404


def test_the_daily_run_moves_statuses_with_the_calendar(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    """No report at all: the target's date passing turns `future` into `not_available`."""
    key = reporter_key(new_key)
    define(platform, key, targets=[{"value": 80, "date": service_clock().date().isoformat()}])
    platform.drain()
    assert "À atteindre" in _site(platform)["fr/indicateur-services-en-ligne.html"].decode()
    service_clock.advance(2 * 86400)
    platform.invoke("BarometerDailySite", {"detail-type": "Scheduled Event", "source": "aws.events"})
    page = _site(platform)["fr/indicateur-services-en-ligne.html"].decode()
    assert "Résultat non disponible" in page and "À atteindre" not in page


def test_an_unreadable_message_fails_alone_and_its_batch_is_counted(
    platform: Any, service_clock: Any
) -> None:
    """A batch is counted in one transaction only when every record reads; otherwise record by
    record, as before: the unreadable one goes to the dead-letter queue, the others count once."""
    sqs = aws.client("sqs")
    queue = platform.names["BarometerPlatformEvents"]
    data = {"status": "delivered", "channel": "sms"}
    statuses = [cloud_event("notifications", "status", "saaq", data, clock=clock.now) for _ in range(3)]
    bodies = ["{not a cloud event", *(event.model_dump_json() for event in statuses)]
    sqs.send_message_batch(
        QueueUrl=queue, Entries=[{"Id": str(i), "MessageBody": body} for i, body in enumerate(bodies)]
    )
    platform.drain()

    assert _series(platform, "notifications-delivered-sms") == [
        {"period": this_month(), "value": 3, "reports": 3}
    ]
    dead = sqs.receive_message(
        QueueUrl=platform.names["BarometerPlatformEventsDeadLetters"], MaxNumberOfMessages=10
    )
    assert [message["Body"] for message in dead["Messages"]] == ["{not a cloud event"]
