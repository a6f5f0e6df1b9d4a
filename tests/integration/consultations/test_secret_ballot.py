"""Invitation codes and the secret ballot: every item the service wrote, and every log line, is
read to prove that nothing links an invitation code to what its holder answered."""

from typing import Any

import pytest

from tests.support.consultations import answer, items, open_consultation, org_key, participant
from tests.support.platform import NewKey, bearer

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
