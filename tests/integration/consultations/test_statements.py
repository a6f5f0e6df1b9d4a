"""Statements through the real wiring: moderation, votes counted once and changed exactly, reports
hiding a statement, and the opinion groups recomputed through the queue, at most once a minute."""

import json
from typing import Any

from numeriqc.core.auth import Scope
from numeriqc_local.http.events import HttpRequest
from tests.support.consultations import items, open_consultation, org_key, participant, received, subscribe
from tests.support.platform import NewKey, bearer


def _vote(platform: Any, cid: str, sid: str, who: str, vote: str, ip: str = "203.0.113.5") -> Any:
    content = json.dumps({"participant": who, "vote": vote}).encode()
    headers = (("content-type", "application/json"), ("content-length", str(len(content))))
    path = f"/v1/public/consultations/{cid}/statements/{sid}/vote"
    return platform.handle(HttpRequest("PUT", path, "", headers, content, source_ip=ip))


def _statement(platform: Any, key: str, cid: str, sid: str) -> dict[str, Any]:
    listed = platform.http("GET", f"/v1/consultations/{cid}/statements", headers=bearer(key)).json()["items"]
    return next(s for s in listed if s["statement_id"] == sid)


def test_a_citizens_statement_waits_for_moderation_and_votes_count_once(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = new_key("mtq", {Scope.CONSULTATIONS_MANAGE, Scope.EVENTS_SUBSCRIBE})
    url = subscribe(platform, key)
    cid = open_consultation(platform, key, service_clock, report_threshold=2)
    public = f"/v1/public/consultations/{cid}/statements"
    too_long = platform.http("POST", public, json={"participant": participant(), "text": "x" * 281})
    assert too_long.status == 422 and too_long.json()["errors"][0]["field"] == "body.text"
    submitted = platform.http(
        "POST",
        public,
        json={"participant": participant(), "text": "Plus d'autobus le soir, écrivez à a@b.ca"},
    )
    assert submitted.status == 201, submitted.text
    sid = submitted.json()["statement_id"]
    assert submitted.json()["removed"] == ["email"]
    platform.drain()
    submitted_type = "ca.qc.numeriqc.consultations.statement.submitted.v1"
    (event,) = [event for event in received(url) if event["type"] == submitted_type]
    assert event["data"] == {"consultation_id": cid, "statement_id": sid, "status": "pending"}  # no text
    assert platform.http("GET", public).json()["items"] == []  # waits in moderation
    refused = _vote(platform, cid, sid, participant(), "agree")
    assert refused.status == 404  # not approved yet
    pending = platform.http(
        "GET", f"/v1/consultations/{cid}/statements", headers=bearer(key), query={"status": "pending"}
    ).json()["items"]
    assert [s["text"] for s in pending] == ["Plus d'autobus le soir, écrivez à [courriel]"]
    approved = platform.http(
        "PATCH", f"/v1/consultations/{cid}/statements/{sid}", headers=bearer(key), json={"status": "approved"}
    )
    assert approved.status == 200
    assert [s["statement_id"] for s in platform.http("GET", public).json()["items"]] == [sid]
    me = participant()
    assert _vote(platform, cid, sid, me, "agree").json()["changed"] is False
    assert _vote(platform, cid, sid, me, "agree").status == 200  # a retry
    assert _vote(platform, cid, sid, participant(), "disagree").status == 200
    assert _vote(platform, cid, sid, me, "pass").json()["changed"] is True
    counts = _statement(platform, key, cid, sid)
    assert (counts["agree"], counts["disagree"], counts["passed"]) == (0, 1, 1)
    bad = _vote(platform, cid, sid, me, "maybe")
    assert bad.status == 422 and bad.json()["errors"][0]["field"] == "body.vote"
    # Two distinct reports hide it (threshold 2); the same participant reporting twice is a 409.
    report = f"{public}/{sid}/reports"
    first = participant()
    assert platform.http("POST", report, json={"participant": first}).json()["hidden"] is False
    assert platform.http("POST", report, json={"participant": first}).status == 409
    assert platform.http("POST", report, json={"participant": participant()}).json()["hidden"] is True
    assert platform.http("GET", public).json()["items"] == []
    assert _statement(platform, key, cid, sid)["status"] == "hidden"
    # Kept after review: shown again, and one more report does not hide it at once.
    kept = platform.http(
        "PATCH", f"/v1/consultations/{cid}/statements/{sid}", headers=bearer(key), json={"status": "approved"}
    )
    assert kept.status == 200 and kept.json()["reports"] == 0
    assert platform.http("POST", report, json={"participant": participant()}).json()["hidden"] is False


def test_opinion_groups_are_recomputed_through_the_queue_and_cover_the_votes_they_saw(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock)
    sids = []
    for number in range(8):
        added = platform.http(
            "POST",
            f"/v1/consultations/{cid}/statements",
            headers=bearer(key),
            json={"text": {"fr": f"Énoncé {number}", "en": f"Statement {number}"}},
        )
        assert added.status == 201, added.text
        sids.append(added.json()["statement_id"])
    assert platform.http("GET", f"/v1/consultations/{cid}/analysis", headers=bearer(key)).status == 404
    # Two camps of five: the first half agree with the even statements, the others with the odd.
    votes = 0
    for person in range(10):
        who = participant()
        for number, sid in enumerate(sids):
            agree = (number % 2 == 0) == (person < 5)
            ip = f"198.51.100.{person}"
            assert _vote(platform, cid, sid, who, "agree" if agree else "disagree", ip=ip).status == 200
            votes += 1
    platform.tick()
    platform.drain()
    analysis = platform.http("GET", f"/v1/consultations/{cid}/analysis", headers=bearer(key)).json()
    assert analysis["votes_covered"] == votes
    assert analysis["participants"] == 10 and analysis["statements"] == 8
    assert sorted(group["size"] for group in analysis["groups"]) == [5, 5]
    for group in analysis["groups"]:
        assert group["representative"]
    awaiting = [i for i in items(platform) if i["sk"] == "#VOTES"]
    assert "gsi3pk" not in awaiting[0]  # covered: no longer awaiting analysis
    service_clock.advance(60)
    platform.tick()
    platform.drain()  # nothing new: no second analysis
    again = platform.http("GET", f"/v1/consultations/{cid}/analysis", headers=bearer(key)).json()
    assert again["computed_at"] == analysis["computed_at"]
    assert _vote(platform, cid, sids[0], participant(), "pass").status == 200
    service_clock.advance(60)
    platform.tick()
    platform.drain()
    latest = platform.http("GET", f"/v1/consultations/{cid}/analysis", headers=bearer(key)).json()
    assert latest["votes_covered"] == votes + 1 and latest["computed_at"] != analysis["computed_at"]
