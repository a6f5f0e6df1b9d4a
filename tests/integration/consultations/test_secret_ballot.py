"""Invitation codes and the secret ballot: every item the service wrote, and every log line, is
read to prove that nothing links an invitation code to what its holder answered."""

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.consultations.participation import ballot_key
from numeriqc.core.pii import keyed_hash
from numeriqc.notifications.sms_questions import ANSWER_PURPOSE
from tests.integration.consultations import test_sms_polls as sms_polls
from tests.support.consultations import answer, items, open_consultation, org_key, participant
from tests.support.notifications import consent
from tests.support.platform import NewKey, bearer, platform_pepper

CODES = ["PANEL-0001", "PANEL-0002", "PANEL-0003"]


def test_codes_are_single_use_and_nothing_links_a_code_to_answers(
    platform: Any, new_key: NewKey, service_clock: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, eligibility="invitation")
    csv = "code\n" + "\n".join(CODES) + "\n\n"
    uploaded = platform.http(
        "POST", f"/v1/consultations/{cid}/invitations", headers=bearer(key), json={"csv": csv}
    )
    assert uploaded.status == 200 and uploaded.json() == {"added": 3}
    people = [participant() for _ in CODES]
    for who, code, mode in zip(people, CODES, ("bus", "auto", "velo"), strict=True):
        response = answer(platform, cid, {"q_mode": mode}, who=who, invitation_code=code.lower())
        assert response.status == 200, response.text
    # A returning participant changes their answers without spending a code again.
    assert answer(platform, cid, {"q_mode": "auto"}, who=people[0]).status == 200
    reused = answer(platform, cid, {"q_mode": "bus"}, invitation_code=CODES[1], language="en")
    assert reused.status == 422
    assert reused.json()["errors"][0] == {
        "field": "body.invitation_code",
        "code": "used",
        "detail": "This invitation code is unknown or already used.",
    }
    assert answer(platform, cid, {"q_mode": "bus"}, invitation_code="NOPE-9999").status == 422
    missing = answer(platform, cid, {"q_mode": "bus"})
    assert missing.status == 422 and missing.json()["errors"][0]["field"] == "body.invitation_code"

    written = items(platform)
    ballots = [item for item in written if item.get("kind") == "ballot"]
    codes = [item for item in written if str(item["sk"]).startswith(("CODE#", "USED#"))]
    assert len(ballots) == 3 and len(codes) == 6
    code_hashes = {str(item["sk"]).split("#", 1)[1] for item in codes}
    ballot_hashes = {str(item["sk"]).split("#", 1)[1] for item in ballots}
    for item in codes:  # a spent code says nothing but that it was spent: no time, no ballot
        assert set(item) == {"pk", "sk", "kind"}
    everything = repr(written)
    for ballot in ballots:
        assert not any(code_hash in repr(ballot) for code_hash in code_hashes)
    for value in [*CODES, *people, *(code.lower() for code in CODES)]:
        assert value not in everything  # neither codes nor participants' secrets are stored
    logs = capsys.readouterr()
    for value in [*CODES, *people, *code_hashes, *ballot_hashes]:
        assert value not in logs.out and value not in logs.err


def test_an_open_consultation_refuses_invitation_uploads(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock)
    response = platform.http(
        "POST", f"/v1/consultations/{cid}/invitations", headers=bearer(key), json={"csv": "ABCD-1234"}
    )
    assert response.status == 422 and response.json()["errors"][0]["field"] == "path.consultation_id"


def test_nothing_links_a_verified_phone_number_to_answers(
    platform: Any,
    new_key: NewKey,
    service_clock: Any,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """SMS eligibility: the number and its code are keyed hashes in items that name no ballot; the
    code is deleted when spent; no log line of either service carries the number or the code."""
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, eligibility="sms")
    phones = ["514 234 5678", "418 266 1234", "819 555 2345"]
    people = [participant() for _ in phones]
    codes: list[str] = []
    for who, phone, mode in zip(people, phones, ("bus", "auto", "velo"), strict=True):
        sent = platform.http(
            "POST", f"/v1/public/consultations/{cid}/verifications", json={"phone_number": phone}
        )
        assert sent.status == 202, sent.text
        platform.drain()
        e164 = "+1" + "".join(phone.split())
        (text,) = [m.body for m in platform.outbox() if m.kind == "sms" and e164 in m.to]
        code = re.search(r"\b(\d{6})\b", text)[1]  # type: ignore[index]
        codes.append(code)
        response = answer(platform, cid, {"q_mode": mode}, who=who, phone_number=phone, sms_code=code)
        assert response.status == 200, response.text

    written = items(platform)
    ballots = [item for item in written if item.get("kind") == "ballot"]
    phone_items = [item for item in written if str(item["sk"]).startswith(("PHONE#", "VERIFY#"))]
    assert len(ballots) == 3
    assert {str(item["sk"]).split("#")[0] for item in phone_items} == {"PHONE"}  # codes spent: gone
    for item in phone_items:  # a spent number says nothing but that it was spent: no time, no ballot
        assert set(item) == {"pk", "sk", "kind"}
    phone_hashes = {str(item["sk"]).split("#", 1)[1] for item in phone_items}
    ballot_hashes = {str(item["sk"]).split("#", 1)[1] for item in ballots}
    everything = repr(written)
    for ballot in ballots:
        assert not any(phone_hash in repr(ballot) for phone_hash in phone_hashes)
    digits = ["".join(phone.split()) for phone in phones]
    for value in [*digits, *phones, *people]:
        assert value not in everything
    logs = capsys.readouterr()
    records = repr([record.__dict__ for record in caplog.records])
    for value in [*digits, *people, *phone_hashes, *ballot_hashes]:
        assert value not in logs.out and value not in logs.err and value not in records
    for code in codes:  # as a word: a 6-digit run inside an id or a time is not the code
        assert not re.search(rf"\b{code}\b", logs.out + logs.err + records)


def test_nothing_links_a_number_to_its_sms_poll_answer(
    platform: Any,
    new_key: NewKey,
    service_clock: Any,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """SMS polls: every item of both services (consultations and notifications) and every log line.
    The ballot is keyed by a hash of `answer_key`, itself an HMAC of the number under the pepper and
    this poll's purpose: neither appears anywhere, nor the number, nor notifications' hash of it next
    to an answer; ballots keep the day only (SMS records keep the time)."""
    key = sms_polls.keys(new_key)
    numbers = ["+15142345678", "+14182661234"]
    for number in numbers:
        consent(platform, key, "sms", number)
    cid = sms_polls.open_poll(platform, key, service_clock)
    sent = platform.http(
        "POST", f"/v1/consultations/{cid}/sms-poll", headers=bearer(key), json={"phone_numbers": numbers}
    )
    assert sent.status == 202, sent.text
    platform.drain()
    for index, (number, value) in enumerate(zip(numbers, ("1", "3"), strict=True)):
        sms_polls.reply(platform, number, value, f"in-{index}")
    sms_polls.reply(platform, numbers[0], "2", "in-change")
    platform.drain()

    written = items(platform)
    ballots = [item for item in written if item.get("kind") == "ballot"]
    assert sorted(ballot["answers"]["q_jeu"] for ballot in ballots) == ["balancoire", "jeu_eau"]
    for ballot in ballots:
        recorded = datetime.fromisoformat(ballot["recorded_at"])
        assert (recorded.hour, recorded.minute, recorded.second, recorded.tzinfo) == (0, 0, 0, UTC)
    pepper = platform_pepper(platform)
    answer_keys = [
        keyed_hash(number, pepper, f"{ANSWER_PURPOSE}:consultations:{cid}:q_jeu") for number in numbers
    ]
    assert {str(ballot["sk"]).split("#", 1)[1] for ballot in ballots} == {
        ballot_key(pepper, cid, answer_key) for answer_key in answer_keys
    }
    notifications = sms_polls.table_items(platform, "NotificationsTable")
    asks = [item for item in notifications if str(item["pk"]).startswith("ASK#")]
    assert len(asks) == 2
    recipient_hashes = {str(item["pk"]).removeprefix("ASK#") for item in asks}
    fields = {"pk", "sk", "ref", "low", "high", "lang", "asked", "closes", "expires_at", "bad", "told"}
    for ask in asks:  # the question asked (its ref and range), never what was answered
        assert set(ask) <= fields
    for item in notifications:
        assert not {"answers", "value", "answer_key"} & set(item)
        assert not any(answer_key in repr(item) for answer_key in answer_keys)
    everything = repr(written)
    digits = [number.removeprefix("+1") for number in numbers]
    for value in [*numbers, *digits, *recipient_hashes, *answer_keys]:
        assert value not in everything
    ballot_hashes = {str(item["sk"]).split("#", 1)[1] for item in ballots}
    logs = capsys.readouterr()
    records = repr([record.__dict__ for record in caplog.records])
    for value in [*numbers, *digits, *recipient_hashes, *answer_keys, *ballot_hashes]:
        assert value not in logs.out and value not in logs.err and value not in records
