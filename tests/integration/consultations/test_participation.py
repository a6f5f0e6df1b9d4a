"""Citizens answer through the real wiring: the window, every kind of question, changes counted
exactly, retries counted once, text redacted, results from counters."""

from datetime import timedelta
from typing import Any

from numeriqc.core.problems import CONTENT_TYPE
from tests.support.consultations import answer, create, items, open_consultation, org_key, participant
from tests.support.platform import NewKey, bearer

FULL = {
    "q_mode": "bus",
    "q_why": "Appelez-moi au 418-555-0142, c'est plus simple.",
    "q_days": ["lun", "mer"],
    "q_rank": ["b", "a"],
    "q_score": 8,
    "q_comment": "Écrivez à marie.tremblay@videotron.ca",
}


def _results(platform: Any, key: str, cid: str) -> dict[str, Any]:
    response = platform.http("GET", f"/v1/consultations/{cid}/results", headers=bearer(key))
    assert response.status == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def _question(results: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(q for q in results["questions"] if q["id"] == qid)


def test_a_citizen_reads_the_consultation_in_their_language(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock)
    french = platform.http("GET", f"/v1/public/consultations/{cid}").json()
    english = platform.http(
        "GET", f"/v1/public/consultations/{cid}", headers={"Accept-Language": "en"}
    ).json()
    assert (french["title"], english["title"]) == (
        "Transport collectif à Québec",
        "Public transit in Québec City",
    )
    assert french["status"] == english["status"] == "open"
    assert [o["label"] for o in english["questions"][0]["options"]] == ["Bus", "Car", "Bike"]
    assert english["questions"][4]["max_label"] == "Full"
    draft = create(platform, key)
    hidden = platform.http("GET", f"/v1/public/consultations/{draft['consultation_id']}")
    assert hidden.status == 404
    assert hidden.header("content-type") == CONTENT_TYPE


def test_an_answer_is_redacted_counted_and_a_change_moves_the_counters_exactly(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, live_results=True)
    me = participant()
    first = answer(platform, cid, FULL, who=me, region="03", age_band="25-34")
    assert first.status == 200, first.text
    receipt = first.json()
    assert receipt["changed"] is False
    assert set(receipt["removed"]) == {"phone", "email"}
    (ballot,) = [item for item in items(platform) if item.get("kind") == "ballot"]
    assert ballot["answers"]["q_why"] == "Appelez-moi au [téléphone], c'est plus simple."
    assert "418-555" not in repr(items(platform)) and "marie.tremblay" not in repr(items(platform))
    # The same answers again (a retry, a double click): counted once.
    again = answer(platform, cid, FULL, who=me, region="03", age_band="25-34")
    assert again.status == 200 and again.json()["receipt_id"] == receipt["receipt_id"]
    results = _results(platform, key, cid)
    assert results["participants"] == 1
    mode = _question(results, "q_mode")
    assert {o["id"]: o["count"] for o in mode["options"]} == {"bus": 1, "auto": 0, "velo": 0}
    # A change: auto instead of bus hides q_why (its answer must go), score 3, another region.
    changed = answer(
        platform,
        cid,
        {"q_mode": "auto", "q_days": ["mar"], "q_rank": ["a", "c"], "q_score": 3},
        who=me,
        region="06",
    )
    assert changed.status == 200 and changed.json()["changed"] is True
    results = _results(platform, key, cid)
    assert results["participants"] == 1
    assert {o["id"]: o["count"] for o in _question(results, "q_mode")["options"]} == {
        "bus": 0,
        "auto": 1,
        "velo": 0,
    }
    assert _question(results, "q_why")["answered"] == 0
    assert {o["id"]: o["count"] for o in _question(results, "q_days")["options"]} == {
        "lun": 0,
        "mar": 1,
        "mer": 0,
        "jeu": 0,
    }
    rank = {o["id"]: o["ranks"] for o in _question(results, "q_rank")["options"]}
    assert rank == {"a": {"1": 1, "2": 0}, "b": {"1": 0, "2": 0}, "c": {"1": 0, "2": 1}}
    assert _question(results, "q_rank")["average_points"] == {"a": 2.0, "b": 0.0, "c": 1.0}
    assert {o["id"]: o["count"] for o in _question(results, "q_score")["options"]}["3"] == 1
    assert _question(results, "q_comment")["blank"] == 1
    regions = next(b for b in results["breakdowns"] if b["dimension"] == "region")
    assert [row["group"] for row in regions["rows"]] == ["06"]  # region 03 went back to zero
    assert sum(results["participation_by_day"].values()) == 1


def test_every_kind_of_bad_answer_is_a_422_naming_its_field_in_french_or_english(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    cid = open_consultation(platform, org_key(new_key), service_clock)
    cases = {
        "body.answers.q_mode": {"q_mode": "train"},
        "body.answers.q_days": {"q_mode": "auto", "q_days": ["lun", "mar", "mer"]},
        "body.answers.q_rank": {"q_mode": "auto", "q_rank": ["a", "a"]},
        "body.answers.q_score": {"q_mode": "auto", "q_score": 11},
        "body.answers.q_why": {"q_mode": "auto", "q_why": "caché"},
        "body.answers.q_nope": {"q_mode": "auto", "q_nope": "x"},
        "body.answers.q_comment": {"q_mode": "auto", "q_comment": "x" * 5001},
        "body.answers.q_ideas": {"q_mode": "auto", "q_ideas": "agree"},
    }
    for field, answers in cases.items():
        for language, title in (("fr", "Données invalides"), ("en", "Invalid data")):
            response = answer(platform, cid, answers, language=language)
            assert response.status == 422, (field, response.text)
            body = response.json()
            assert body["title"] == title
            assert field in {error["field"] for error in body["errors"]}, (field, body)
    missing = answer(platform, cid, {"q_days": ["lun"]})
    assert missing.status == 422 and missing.json()["errors"][0]["field"] == "body.answers.q_mode"
    too_few = answer(platform, cid, {"q_mode": "auto", "q_rank": ["a"]})
    assert too_few.json()["errors"][0]["code"] == "ranking"
    assert not [item for item in items(platform) if item.get("kind") == "ballot"]  # nothing half-written
    assert not [item for item in items(platform) if str(item["sk"]).startswith("TALLY#")]


def test_no_answer_is_accepted_outside_the_window_even_when_the_schedule_has_not_run(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    draft = create(platform, key)["consultation_id"]
    refused = answer(platform, draft, {"q_mode": "bus"})
    assert refused.status == 422 and refused.json()["errors"][0]["field"] == "path.consultation_id"
    unknown = answer(platform, "01J00000000000000000000000", {"q_mode": "bus"})
    assert unknown.status == 404
    cid = open_consultation(platform, key, service_clock, days=1)
    assert answer(platform, cid, {"q_mode": "bus"}).status == 200
    service_clock.advance(timedelta(days=1).total_seconds())  # closed; no tick has run
    late = answer(platform, cid, {"q_mode": "bus"}, language="en")
    assert late.status == 422
    assert "closed" in late.json()["errors"][0]["detail"]


def test_a_client_over_its_rate_gets_a_429_with_retry_after(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    cid = open_consultation(platform, org_key(new_key), service_clock)
    statuses = [answer(platform, cid, {"q_mode": "velo"}).status for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429
    other = answer(platform, cid, {"q_mode": "velo"}, ip="198.51.100.4")
    assert other.status == 200
