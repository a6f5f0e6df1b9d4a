"""Property-based fuzzing of the public submission route: whatever a client sends, never a 5xx, and
every 4xx is a problem+json naming each faulty field; whatever is accepted is stored redacted."""

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numeriqc.core.problems import CONTENT_TYPE
from tests.support.feedback import org_key, register
from tests.support.platform import NewKey, bearer

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=8,
)
drivers = st.dictionaries(
    st.sampled_from(["trust", "ease", "efficiency", "mood", ""]) | st.text(max_size=8),
    st.sampled_from(["positive", "negative", "meh"]) | json_values,
    max_size=3,
)
comments = st.text(max_size=60) | st.sampled_from(
    ["Écrivez à a@b.ca", "418-555-0142", "NAS 130 692 544", "x" * 2001, "G1R 4S9 merci"]
)
feedback_like = st.fixed_dictionaries(
    {},
    optional={
        "service_id": st.sampled_from(["saaq.permis", "saaq.permis", "saaq.autre", "SAAQ", "a.b", ""])
        | json_values,
        "rating": st.integers(min_value=-2, max_value=8) | json_values,
        "drivers": drivers | json_values,
        "comment": comments | json_values,
        "language": st.sampled_from(["fr", "en", "de"]) | json_values,
        "channel": st.sampled_from(["web", "phone", "counter", "app", "fax"]) | json_values,
        "page_url": st.sampled_from(["https://x.gouv.qc.ca/a?b=c", "ftp://x", "pas une url"]) | json_values,
        "contact": st.fixed_dictionaries(
            {},
            optional={"consent": st.booleans(), "email": st.text(max_size=20), "phone": st.text(max_size=15)},
        )
        | json_values,
        "website": st.sampled_from(["", "http://spam"]) | json_values,
        "extra": json_values,
    },
)
# Mostly valid: arbitrary text through the redaction and the whole write path.
valid_like = st.fixed_dictionaries(
    {"service_id": st.just("saaq.permis"), "rating": st.integers(1, 5)},
    optional={
        "comment": st.text(max_size=300) | comments,
        "drivers": drivers,
        "page_url": st.just("https://a.ca/b"),
    },
)
bodies = st.one_of(
    valid_like.map(json.dumps),
    feedback_like.map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=40),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies, language=st.sampled_from([None, "en", "fr-CA"]), client=st.integers(0, 255))
def test_the_public_route_never_fails_and_always_names_the_fields(
    platform: Any, new_key: NewKey, body: str, language: str | None, client: int
) -> None:
    if platform.http("GET", "/v1/services/saaq.permis", headers=bearer(org_key(new_key))).status != 200:
        register(platform, org_key(new_key))
    response = submit_raw(platform, body, language, f"198.51.100.{client}")
    assert response.status < 500, response.text
    if response.status >= 400:
        assert response.header("content-type") == CONTENT_TYPE, response.text
        problem = response.json()
        assert {"type", "title", "status"} <= set(problem)
        if response.status == 422:
            assert problem["errors"], problem
            for error in problem["errors"]:
                assert error["field"].startswith("body") and error["detail"]
    else:
        assert response.status == 201
        assert response.json()["receipt_id"]


def submit_raw(platform: Any, body: str, language: str | None, ip: str) -> Any:
    from numeriqc_local.http.events import HttpRequest

    headers = [("content-type", "application/json"), ("content-length", str(len(body.encode())))]
    if language:
        headers.append(("accept-language", language))
    return platform.handle(
        HttpRequest("POST", "/v1/feedback", "", tuple(headers), body.encode(), source_ip=ip)
    )
