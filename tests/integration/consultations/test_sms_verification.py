"""One participation per phone number, through the real wiring: the code goes out through the
notification service's own sending path (its platform SMS queue, its sender, the local outbox),
is checked when the number's first answer is cast, and every refusal names its field."""

import json
import re
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from numeriqc.core import aws
from numeriqc.core.problems import CONTENT_TYPE
from tests.support.consultations import answer, items, open_consultation, org_key, participant
from tests.support.platform import NewKey, bearer

PHONE = "514 234 5678"
E164 = "+15142345678"


def _ask(platform: Any, cid: str, phone: str = PHONE, language: str = "fr") -> Any:
    return platform.http(
        "POST",
        f"/v1/public/consultations/{cid}/verifications",
        json={"phone_number": phone, "language": language},
        headers={"Accept-Language": language},
    )


def _codes(platform: Any, number: str = E164) -> list[str]:
    """The codes the local outbox received for `number`, oldest first (the queues drained first)."""
    platform.drain()
    texts = [m.body for m in platform.outbox() if m.kind == "sms" and number in m.to]
    return [match[1] for text in texts if (match := re.search(r"\b(\d{6})\b", text))]


def _field(response: Any) -> tuple[int, str, str]:
    assert response.header("content-type") == CONTENT_TYPE, response.text
    error = response.json()["errors"][0]
    return response.status, error["field"], error["code"]


def test_a_code_goes_out_through_notifications_and_allows_one_participation_per_number(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, eligibility="sms")
    sent = _ask(platform, cid, language="en")
    assert sent.status == 202, sent.text
    (code,) = _codes(platform)
    (sms,) = [m for m in platform.outbox() if m.kind == "sms"]
    assert "verification code" in sms.body and "10 minutes" in sms.body  # the language asked for
    # Without the number, or with the wrong code: refused, naming the field, nothing written.
    before = items(platform)
    missing = answer(platform, cid, {"q_mode": "bus"})
    assert {e["field"] for e in missing.json()["errors"]} == {"body.phone_number", "body.sms_code"}
    wrong = "000000" if code != "000000" else "111111"
    refused = answer(platform, cid, {"q_mode": "bus"}, phone_number=PHONE, sms_code=wrong, language="en")
    assert _field(refused) == (422, "body.sms_code", "wrong")
    assert "Tries left: 4" in refused.json()["errors"][0]["detail"]
    assert [i for i in items(platform) if i.get("kind") == "ballot"] == []
    assert len(items(platform)) == len(before)  # the try is counted on the pending code, no more
    me = participant()
    ok = answer(platform, cid, {"q_mode": "bus"}, who=me, phone_number="(514) 234-5678", sms_code=code)
    assert ok.status == 200, ok.text
    # The same participant changes their answers: known by their secret, no code again.
    assert answer(platform, cid, {"q_mode": "auto"}, who=me).status == 200
    # Another participant with the same number: a new code is refused, so is the spent one.
    assert _field(_ask(platform, cid)) == (422, "body.phone_number", "already_participated")
    again = answer(platform, cid, {"q_mode": "velo"}, phone_number=PHONE, sms_code=code)
    assert _field(again) == (422, "body.sms_code", "expired")
    results = platform.http("POST", f"/v1/consultations/{cid}/close", headers=bearer(key))
    assert results.status == 200, results.text


def test_five_tries_then_the_sixth_is_refused_even_with_the_right_code(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    cid = open_consultation(platform, org_key(new_key), service_clock, eligibility="sms")
    assert _ask(platform, cid).status == 202
    (code,) = _codes(platform)
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1, 0):
        refused = answer(platform, cid, {"q_mode": "bus"}, phone_number=PHONE, sms_code=wrong)
        assert _field(refused) == (422, "body.sms_code", "wrong")
        assert f"Essais restants : {left}" in refused.json()["errors"][0]["detail"]
    sixth = answer(platform, cid, {"q_mode": "bus"}, phone_number=PHONE, sms_code=code)
    assert _field(sixth) == (422, "body.sms_code", "too_many_tries")
    # Asking for a new code keeps the count while the old one lives.
    assert _ask(platform, cid).status == 202
    newest = _codes(platform)[-1]
    still = answer(platform, cid, {"q_mode": "bus"}, phone_number=PHONE, sms_code=newest)
    assert _field(still) == (422, "body.sms_code", "too_many_tries")
    # Ten minutes after the last code, the number starts over.
    service_clock.advance(601)
    assert _field(answer(platform, cid, {"q_mode": "bus"}, phone_number=PHONE, sms_code=newest)) == (
        422,
        "body.sms_code",
        "expired",
    )
    assert _ask(platform, cid).status == 202
    fresh = _codes(platform)[-1]
    assert answer(platform, cid, {"q_mode": "bus"}, phone_number=PHONE, sms_code=fresh).status == 200
    assert [i for i in items(platform) if i.get("kind") == "ballot"] != []


def test_codes_are_limited_and_bad_requests_are_refused_by_field(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, eligibility="sms")
    for _ in range(3):
        assert _ask(platform, cid).status == 202
    fourth = _ask(platform, cid, language="en")
    assert fourth.status == 429 and fourth.header("retry-after") == "600"
    assert fourth.json()["errors"][0]["field"] == "body.phone_number"
    assert len(_codes(platform)) == 3
    assert _field(_ask(platform, cid, phone="123 456 7890")) == (422, "body.phone_number", "invalid")
    open_one = open_consultation(platform, key, service_clock)
    assert _field(_ask(platform, open_one)) == (422, "body.phone_number", "not_required")
    assert _ask(platform, "01J0000000000000000000000Z").status == 404
    extra = platform.http(
        "POST", f"/v1/public/consultations/{cid}/verifications", json={"phone_number": PHONE, "x": 1}
    )
    assert extra.status == 422


def test_a_number_that_replied_stop_gets_no_code(
    platform: Any, new_key: NewKey, service_clock: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """STOP is platform-wide: the notification service refuses the code as any send to that number
    (no organization's consent is needed otherwise: the citizen asked for the code)."""
    cid = open_consultation(platform, org_key(new_key), service_clock, eligibility="sms")
    topic = platform.names.arn("NotificationsInboundSmsTopic")
    reply = {"originationNumber": E164, "messageBody": "ARRÊT", "inboundMessageId": "in-1"}
    aws.client("sns").publish(TopicArn=topic, Message=json.dumps(reply))
    platform.drain()
    assert _ask(platform, cid).status == 202  # the page cannot tell a STOP from a delivered code
    assert _codes(platform) == []
    refused = [record for record in caplog.records if record.getMessage() == "platform SMS refused"]
    assert len(refused) == 1 and refused[0].__dict__["reasons"] == ["platform-opt-out"]
    assert not any(E164 in repr(record.__dict__) for record in caplog.records)  # never the number


def test_a_code_asked_for_at_night_goes_out_at_once(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    """The SMS quiet hours hold the platform's other texts until 08:00, never a code the citizen
    is waiting for (the sender checks them before each SMS; a code is marked to go at any hour)."""
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, eligibility="sms")
    local = service_clock().astimezone(ZoneInfo("America/Toronto"))
    night = datetime.combine(local.date() + timedelta(days=1), time(23, 0), tzinfo=local.tzinfo)
    service_clock.advance((night - service_clock()).total_seconds())
    assert _ask(platform, cid).status == 202
    assert len(_codes(platform)) == 1
