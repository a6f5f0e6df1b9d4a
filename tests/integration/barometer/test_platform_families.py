"""The platform measures itself, one family at a time, through the real wiring: an action in the
service -> the event it publishes on the bus -> the barometer's automatic indicator -> the public
site's page for that indicator. No service calls the barometer, and nothing here posts a report.
(Feedback's family is in test_platform_and_site.py.)"""

from typing import Any

import pytest

from numeriqc.barometer import periods
from numeriqc.barometer.periods import ReportingFrequency
from numeriqc.barometer.site_text import amount
from numeriqc.barometer.strategy import AUTOMATIC_BY_ID
from numeriqc.core import aws, clock
from numeriqc.core.auth import Scope
from numeriqc_local.cli import build_parser
from numeriqc_local.dev import admin
from tests.support import exchange as exchange_support
from tests.support.barometer import catch_up
from tests.support.consultations import answer, open_consultation
from tests.support.notifications import EMAIL_TEMPLATE, consent, create_template, send_email, ses_event
from tests.support.platform import NewKey, bearer


def _month() -> str:
    """The Québec month an event of now counts in (what platform_figures reads from `time`)."""
    return periods.label_for(clock.now().astimezone(periods.QUEBEC).date(), ReportingFrequency.MONTH)


def _value(platform: Any, indicator_id: str) -> float | None:
    points = platform.http("GET", f"/v1/barometer/indicators/{indicator_id}/series").json()["points"]
    found = [point["value"] for point in points if point["period"] == _month()]
    return found[0] if found else None


def _page_shows(platform: Any, indicator_id: str, value: float) -> None:
    """Both languages' pages of the indicator have this month's row with `value`, once the
    catch-up rule has run (within `site_schedule.INTERVAL` of the change)."""
    catch_up(platform)
    s3 = aws.client("s3")
    bucket = platform.names["BarometerSiteBucket"]
    unit = AUTOMATIC_BY_ID[indicator_id].unit
    for lang, key in (
        ("fr", f"fr/indicateur-{indicator_id}.html"),
        ("en", f"en/indicator-{indicator_id}.html"),
    ):
        page = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
        row = f'<th scope="row">{_month()}</th><td>{amount(value, unit, lang)}</td>'  # type: ignore[arg-type]
        assert row in page, (key, row)


def test_notifications_sent_and_delivered_feed_their_indicators(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, EMAIL_TEMPLATE)
    consent(platform, key, "email", "a@example.com")
    assert _value(platform, "notifications-sent-email") is None
    created = send_email(platform, key, template["template_id"], "a@example.com").json()
    platform.drain()
    assert len(platform.outbox()) == 1
    # The service announces final statuses only: handed to SES is not yet an outcome.
    assert _value(platform, "notifications-sent-email") is None
    ses_event(platform, "Delivery", "saaq", created["id"])
    platform.drain()
    assert _value(platform, "notifications-sent-email") == 1
    assert _value(platform, "notifications-delivered-email") == 1
    assert _value(platform, "notifications-delivery-rate") == 100
    assert _value(platform, "notifications-sent-sms") is None
    for indicator_id, value in (
        ("notifications-sent-email", 1),
        ("notifications-delivered-email", 1),
        ("notifications-delivery-rate", 100),
    ):
        _page_shows(platform, indicator_id, value)


def test_a_consultation_closing_counts_as_held_with_its_participations(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = new_key("mtq", {Scope.CONSULTATIONS_MANAGE})
    cid = open_consultation(platform, key, service_clock)
    platform.tick()
    for ip in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        assert answer(platform, cid, {"q_mode": "auto"}, ip=ip).status == 200
    platform.drain()
    assert _value(platform, "consultations-held") is None  # opening is not holding
    closed = platform.http("POST", f"/v1/consultations/{cid}/close", headers=bearer(key))
    assert closed.json()["status"] == "closed"
    platform.tick()
    platform.tick()  # announced once: counted once
    platform.drain()
    assert _value(platform, "consultations-held") == 1
    assert _value(platform, "consultations-participations") == 3
    _page_shows(platform, "consultations-held", 1)
    _page_shows(platform, "consultations-participations", 3)


def test_exchange_grants_and_deliveries_feed_their_indicators(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq = exchange_support.exchange_key(new_key, "saaq")
    exchange_support.exchange_key(new_key, "rq")
    exchange_support.register(platform, saaq, "permis")
    assert exchange_support.grant(platform, saaq, "saaq.permis", "rq", service_clock.now()).status == 200
    assert exchange_support.publish(platform, saaq, "saaq.permis", exchange_support.messages(3)).status == 202
    platform.drain()
    assert _value(platform, "exchange-organizations-connected") == 1
    assert _value(platform, "exchange-messages") == 3
    revoked = platform.http("DELETE", "/v1/exchange/datasets/saaq.permis/grants/rq", headers=bearer(saaq))
    assert revoked.status < 300, revoked.text
    platform.drain()
    assert _value(platform, "exchange-organizations-connected") == 1  # a revocation connects nobody
    _page_shows(platform, "exchange-organizations-connected", 1)
    _page_shows(platform, "exchange-messages", 3)


def test_an_organization_created_by_the_admin_command_counts_as_onboarded(
    platform: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], service_clock: Any
) -> None:
    outputs = {
        "OrganizationsTableName": platform.names["OrganizationsTable"],
        "EventBusName": platform.names["EventBus"],
    }
    monkeypatch.setattr(admin, "stack_outputs", lambda stack: outputs)
    argv = [
        "org",
        "create",
        "ssss",
        "--name-fr",
        "Santé",
        "--name-en",
        "Health",
        "--contact",
        "ti@ssss.example",
    ]
    assert admin.run(build_parser().parse_args(argv)) == 0
    assert admin.run(build_parser().parse_args(argv)) == 2  # already exists: nothing published
    capsys.readouterr()
    platform.drain()
    assert _value(platform, "organizations-onboarded") == 1
    _page_shows(platform, "organizations-onboarded", 1)
