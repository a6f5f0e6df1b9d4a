"""Organizations: drafts, edits, the schedule opening and closing on its dates (announced once),
questions frozen once open, results published after closing, another organization's a 404."""

from datetime import timedelta
from typing import Any

from numeriqc.core.auth import Scope
from tests.support.consultations import (
    answer,
    consultation_body,
    create,
    open_consultation,
    org_key,
    received,
    subscribe,
)
from tests.support.platform import NewKey, bearer


def test_the_lifecycle_from_draft_to_archive_announced_once_per_transition(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = new_key("mtq", {Scope.CONSULTATIONS_MANAGE, Scope.EVENTS_SUBSCRIBE})
    url = subscribe(platform, key)
    created = create(platform, key)
    cid = created["consultation_id"]
    assert created["status"] == "draft"
    path = f"/v1/consultations/{cid}"
    edited = platform.http("PUT", path, headers=bearer(key), json=consultation_body(live_results=True))
    assert edited.status == 200 and edited.json()["live_results"] is True
    now = service_clock()
    window = {
        "opens_at": (now + timedelta(hours=1)).isoformat(),
        "closes_at": (now + timedelta(days=2)).isoformat(),
    }
    assert (
        platform.http("POST", f"{path}/schedule", headers=bearer(key), json=window).json()["status"]
        == "scheduled"
    )
    platform.tick()
    platform.drain()
    assert received(url) == []  # not yet
    service_clock.advance(3600)
    platform.tick()
    platform.tick()  # a second run announces nothing new
    platform.drain()
    assert [e["type"] for e in received(url)] == ["ca.qc.numeriqc.consultations.opened.v1"]
    assert platform.http("GET", path, headers=bearer(key)).json()["status"] == "open"
    # Open: texts may be corrected; questions are frozen.
    fixed = consultation_body(live_results=True)
    fixed["title"] = {"fr": "Transport collectif (corrigé)"}
    assert platform.http("PUT", path, headers=bearer(key), json=fixed).status == 200
    frozen = consultation_body(live_results=True)
    frozen["questions"][2]["max_choices"] = 3
    refused = platform.http("PUT", path, headers=bearer(key), json=frozen)
    assert refused.status == 422 and refused.json()["errors"][0]["field"] == "body.questions[2]"
    early = platform.http("POST", f"{path}/publish", headers=bearer(key))
    assert early.status == 409
    assert platform.http("POST", f"{path}/close", headers=bearer(key)).json()["status"] == "closed"
    platform.tick()
    platform.drain()
    published = platform.http("POST", f"{path}/publish", headers=bearer(key))
    assert published.status == 200 and published.json()["status"] == "results_published"
    platform.drain()
    types = [e["type"] for e in received(url)]
    assert types == [
        "ca.qc.numeriqc.consultations.closed.v1",
        "ca.qc.numeriqc.consultations.results.published.v1",
    ]
    assert platform.http("POST", f"{path}/archive", headers=bearer(key)).json()["status"] == "archived"
    listed = platform.http("GET", "/v1/consultations", headers=bearer(key)).json()["items"]
    assert [c["consultation_id"] for c in listed] == [cid]


def test_bad_definitions_and_windows_are_422s_naming_the_field(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    body = consultation_body()
    body["questions"][0]["options"] = []
    body["title"] = {"en": "English only"}
    response = platform.http("POST", "/v1/consultations", headers=bearer(key, "en"), json=body)
    assert response.status == 422
    assert "body.title.fr" in {e["field"] for e in response.json()["errors"]}
    body["title"] = {"fr": "Titre"}
    response = platform.http("POST", "/v1/consultations", headers=bearer(key), json=body)
    assert response.json()["errors"][0]["field"] == "body.questions[0].options"
    cid = create(platform, key)["consultation_id"]
    now = service_clock()
    backwards = {
        "opens_at": (now + timedelta(days=2)).isoformat(),
        "closes_at": (now + timedelta(days=1)).isoformat(),
    }
    response = platform.http("POST", f"/v1/consultations/{cid}/schedule", headers=bearer(key), json=backwards)
    assert response.status == 422 and response.json()["errors"][0]["field"] == "body.closes_at"


def test_another_organizations_consultation_is_a_404_and_results_wait_for_closing(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    mtq, saaq = org_key(new_key, "mtq"), org_key(new_key, "saaq")
    cid = open_consultation(platform, mtq, service_clock, days=1)
    for method, suffix in (("GET", ""), ("GET", "/results"), ("POST", "/close"), ("GET", "/statements")):
        assert platform.http(method, f"/v1/consultations/{cid}{suffix}", headers=bearer(saaq)).status == 404
    assert answer(platform, cid, {"q_mode": "bus"}).status == 200
    assert platform.http("GET", f"/v1/consultations/{cid}/results", headers=bearer(mtq)).status == 403
    assert platform.http("GET", f"/v1/public/consultations/{cid}/results").status == 403
    service_clock.advance(86400)
    assert platform.http("GET", f"/v1/consultations/{cid}/results", headers=bearer(mtq)).status == 200
    assert platform.http("GET", f"/v1/public/consultations/{cid}/results").status == 403  # not published yet
    assert platform.http("POST", f"/v1/consultations/{cid}/publish", headers=bearer(mtq)).status == 200
    public = platform.http("GET", f"/v1/public/consultations/{cid}/results")
    assert public.status == 200 and public.json()["participants"] == 1
