"""Bulk consent import through the API (docs/notifications.md, "Bulk consent import"): JSON rows and
an uploaded CSV, row errors named in French or English, a re-import that records nothing twice, a
withdrawal or STOP never overwritten, imports readable only in their world, and a table fault on
row k followed by a retry of the whole import that ends with every row accounted for."""

import json
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from numeriqc.core import aws
from numeriqc.core.auth import KeyKind
from tests.support.platform import NewKey, bearer

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
GIVEN = "2019-04-02T10:00:00-04:00"


@pytest.fixture(autouse=True)
def _now(platform: Any, service_clock: Any) -> None:
    platform.clock.set(NOW)


def _row(number: str, **change: str) -> dict[str, str]:
    return {
        "channel": "sms",
        "recipient": number,
        "purpose": "rappels",
        "given_at": GIVEN,
        "source": "formulaire-papier",
        **change,
    }


def _import(platform: Any, key: str, rows: list[dict[str, str]], language: str = "fr") -> dict[str, Any]:
    answer = platform.http("POST", "/v1/consents/imports", headers=bearer(key, language), json={"rows": rows})
    assert answer.status == 201, answer.text
    assert answer.headers["location"] == f"/v1/consents/imports/{answer.json()['import_id']}"
    created: dict[str, Any] = answer.json()
    return created


def _lookup(platform: Any, key: str, number: str) -> dict[str, Any]:
    answer = platform.http(
        "POST", "/v1/consents/lookup", headers=bearer(key), json={"channel": "sms", "recipient": number}
    )
    assert answer.status == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def _counts(done: dict[str, Any]) -> tuple[int, int, int, int]:
    return done["rows"], done["recorded"], done["already_present"], done["refused"]


def test_json_rows_are_recorded_with_their_date_and_source_and_a_reimport_records_nothing_twice(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    rows = [
        _row("514 234 0001"),
        _row("514 234 0002", given_at="2030-01-01T00:00:00+00:00"),  # in the future
        _row("514 234 0003", source='=HYPERLINK("http://x")'),
        _row("514 234 0004", purpose="sondages", channel="sms"),
    ]
    done = _import(platform, key, rows)
    assert done["status"] == "finished"
    assert _counts(done) == (4, 2, 0, 2)
    assert [(e["row"], e["column"], e["code"]) for e in done["row_errors"]] == [
        (2, "given_at", "in_the_future"),
        (3, "source", "formula"),
    ]
    assert "futur" in done["row_errors"][0]["detail"]
    recorded = _lookup(platform, key, "514 234 0001")
    assert (recorded["given_at"], recorded["source"], recorded["purposes"]) == (
        "2019-04-02T10:00:00-04:00",
        "formulaire-papier",
        ["rappels"],
    )
    again = _import(platform, key, rows)
    assert _counts(again) == (4, 0, 2, 2)
    read = platform.http("GET", f"/v1/consents/imports/{done['import_id']}", headers=bearer(key))
    assert read.status == 200 and _counts(read.json()) == (4, 2, 0, 2)


def test_a_withdrawal_or_a_stop_is_never_overwritten_by_an_import(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = new_key("saaq")
    _import(platform, key, [_row("514 234 0011"), _row("514 234 0012")])
    withdrawn = platform.http(
        "POST",
        "/v1/consents/withdraw",
        headers=bearer(key),
        json={"channel": "sms", "recipient": "514 234 0011"},
    )
    assert withdrawn.status == 200
    stop = {"originationNumber": "+15142340012", "messageBody": "STOP", "inboundMessageId": "in-1"}
    aws.client("sns").publish(
        TopicArn=platform.names.arn("NotificationsInboundSmsTopic"), Message=json.dumps(stop)
    )
    platform.drain()
    service_clock.advance(60)
    after = (NOW.replace(second=30)).isoformat()  # given after the withdrawal, still refused below
    rows = [_row("514 234 0011"), _row("514 234 0012", given_at=after), _row("514 234 0013")]
    done = _import(platform, key, rows)
    assert _counts(done) == (3, 1, 0, 2)
    assert [(e["row"], e["code"]) for e in done["row_errors"]] == [(1, "before_withdrawal"), (2, "opted_out")]
    assert _lookup(platform, key, "514 234 0011")["status"] == "withdrawn"
    assert _lookup(platform, key, "514 234 0012")["platform_opt_out"] is True
    # a withdrawal by the organization itself: an import dated after it records again
    again = _import(platform, key, [_row("514 234 0011", given_at=after)])
    assert _counts(again) == (1, 1, 0, 0)


def test_row_errors_are_wholly_in_english_when_asked(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    done = _import(platform, key, [_row("nope", channel="fax", given_at="hier")], language="en")
    assert done["refused"] == 1
    [error] = done["row_errors"]  # the row's first reason
    assert (error["row"], error["column"], error["code"]) == (1, "channel", "invalid_channel")
    assert error["detail"] == "The channel must be email or sms."
    french = platform.http("GET", f"/v1/consents/imports/{done['import_id']}", headers=bearer(key)).json()
    assert french["row_errors"][0]["detail"] == "Le canal doit être email ou sms."
    refused = platform.http("POST", "/v1/consents/imports", headers=bearer(key, "en"), json={})
    assert refused.status == 422 and refused.headers["content-language"] == "en"
    assert refused.json()["errors"][0]["field"] == "body.rows"
    assert "Give rows" in refused.json()["errors"][0]["detail"]
    too_many = platform.http(
        "POST",
        "/v1/consents/imports",
        headers=bearer(key, "en"),
        json={"rows": [_row("514 234 0001")] * 1001},
    )
    assert too_many.status == 422 and too_many.json()["errors"][0]["field"] == "body.rows"


def test_a_csv_upload_with_french_columns_and_a_bad_encoding(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    created = platform.http("POST", "/v1/consents/imports", headers=bearer(key), json={"upload": True}).json()
    assert created["status"] == "awaiting-upload" and created["upload_url"]
    path = f"/v1/consents/imports/{created['import_id']}/start"
    not_yet = platform.http("POST", path, headers=bearer(key, "en"))
    assert not_yet.status == 422 and not_yet.json()["errors"][0]["code"] == "not_uploaded"

    def upload(data: bytes) -> None:
        put = requests.put(created["upload_url"], data=data, headers={"Content-Type": "text/csv"}, timeout=5)
        assert put.status_code == 200

    upload("canal,destinataire\n".encode("utf-16"))
    bad = platform.http("POST", path, headers=bearer(key, "en"))
    assert bad.status == 422 and bad.json()["errors"][0]["code"] == "invalid_csv"
    upload(
        (
            "Canal,Destinataire,Finalité,Donné le,Provenance\n"
            f"sms,514 234 0021,rappels,{GIVEN},formulaire-papier\n"
            "courriel,zoe@example.com,rappels,2019-04-02,@SUM(A1)\n"
        ).encode("utf-8-sig")
    )
    started = platform.http("POST", path, headers=bearer(key))
    assert started.status == 200, started.text
    done = started.json()
    assert _counts(done) == (2, 1, 0, 1)
    assert [(e["row"], e["column"], e["code"]) for e in done["row_errors"]] == [
        (2, "channel", "invalid_channel")
    ]
    assert _lookup(platform, key, "514 234 0021")["source"] == "formulaire-papier"
    finished = platform.http("POST", path, headers=bearer(key))
    assert finished.status == 422 and finished.json()["errors"][0]["code"] == "finished"


def test_an_import_is_read_only_in_its_world(platform: Any, new_key: NewKey) -> None:
    live, test = new_key("saaq"), new_key("saaq", kind=KeyKind.TEST)
    done = _import(platform, test, [_row("514 234 0031")])
    path = f"/v1/consents/imports/{done['import_id']}"
    assert platform.http("GET", path, headers=bearer(test)).status == 200
    assert platform.http("GET", path, headers=bearer(live)).status == 404
    assert platform.http("GET", "/v1/consents/imports/nope", headers=bearer(live)).status == 404


class _TableFault:
    """The k-th consent write (PutItem of a CONSENT# item) answers 500 InternalServerError."""

    def __init__(self, at: int) -> None:
        self.at, self.seen = at, 0

    def __call__(self, params: dict[str, Any], **_: Any) -> Any:
        body = params.get("body")
        item = json.loads(body.decode() if isinstance(body, bytes) else body or "{}").get("Item", {})
        if not item.get("sk", {}).get("S", "").startswith("CONSENT#"):
            return None
        self.seen += 1
        if self.seen != self.at:
            return None
        status = type("Http", (), {"status_code": 500, "headers": {}})()
        error = {"Error": {"Code": "InternalServerError", "Message": "injected"}}
        return status, {**error, "ResponseMetadata": {"HTTPStatusCode": 500}}


def test_a_table_fault_on_row_k_then_a_retry_of_the_whole_import_accounts_for_every_row(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    rows = [_row(f"514 234 01{n:02d}") for n in range(1, 7)] + [_row("514 234 0199", source="+cmd")]
    fault = _TableFault(at=4)
    events = aws.client("dynamodb").meta.events
    events.register("before-call.dynamodb.PutItem", fault)
    try:
        failed = platform.http("POST", "/v1/consents/imports", headers=bearer(key), json={"rows": rows})
    finally:
        events.unregister("before-call.dynamodb.PutItem", fault)
    assert failed.status >= 500 and fault.seen == 4
    assert [_lookup_status(platform, key, f"514 234 01{n:02d}") for n in range(1, 7)] == [
        "active", "active", "active", None, None, None
    ]  # fmt: skip
    done = _import(platform, key, rows)  # the whole import again
    assert _counts(done) == (7, 3, 3, 1)  # accepted = recorded + already present + refused with a reason
    assert [(e["row"], e["code"]) for e in done["row_errors"]] == [(7, "formula")]
    assert all(_lookup_status(platform, key, f"514 234 01{n:02d}") == "active" for n in range(1, 7))


def _lookup_status(platform: Any, key: str, number: str) -> str | None:
    answer = platform.http(
        "POST", "/v1/consents/lookup", headers=bearer(key), json={"channel": "sms", "recipient": number}
    )
    return str(answer.json()["status"]) if answer.status == 200 else None
