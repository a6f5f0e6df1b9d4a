"""Property-based fuzzing of the public write routes: whatever a client sends as answers, a statement
or a vote, never a 5xx; every 4xx is a problem+json naming its fields; accepted text is redacted."""

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numeriqc.core.problems import CONTENT_TYPE
from numeriqc_local.http.events import HttpRequest
from tests.support.consultations import open_consultation, org_key
from tests.support.platform import NewKey, bearer

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=8,
)
options = st.sampled_from(["bus", "auto", "velo", "lun", "mar", "a", "b", "c", "train", ""])
answer_values = st.one_of(
    options, st.lists(options, max_size=5), st.integers(-3, 14), st.text(max_size=80), json_values
)
answers = st.dictionaries(
    st.sampled_from(["q_mode", "q_why", "q_days", "q_rank", "q_score", "q_comment", "q_ideas", "Q!", ""]),
    answer_values,
    max_size=7,
)
participants = st.sampled_from(["a" * 22, "B-_" * 10, "short", "é" * 30]) | st.text(max_size=70)
answer_bodies = st.fixed_dictionaries(
    {},
    optional={
        "participant": participants,
        "answers": answers | json_values,
        "region": st.sampled_from(["03", "18", "", None]) | json_values,
        "age_band": st.sampled_from(["25-34", "99+", None]),
        "invitation_code": st.text(max_size=70) | json_values,
        "extra": json_values,
    },
)
statement_bodies = st.fixed_dictionaries(
    {},
    optional={"participant": participants, "text": st.text(max_size=300) | json_values, "vote": json_values},
)
vote_bodies = st.fixed_dictionaries(
    {}, optional={"participant": participants, "vote": st.sampled_from(["agree", "disagree", "pass", "non"])}
)
_opened: dict[int, tuple[str, str]] = {}


def _consultation(platform: Any, new_key: NewKey, clock: Any) -> tuple[str, str]:
    """One open consultation with one approved statement per platform (hypothesis reuses the fixture)."""
    if id(platform) not in _opened:
        key = org_key(new_key)
        cid = open_consultation(platform, key, clock, days=30)
        added = platform.http(
            "POST",
            f"/v1/consultations/{cid}/statements",
            headers=bearer(key),
            json={"text": {"fr": "Énoncé"}},
        )
        _opened[id(platform)] = (cid, added.json()["statement_id"])
    return _opened[id(platform)]


def _send(platform: Any, method: str, path: str, body: str, language: str | None, ip: str) -> Any:
    headers = [("content-type", "application/json"), ("content-length", str(len(body.encode())))]
    if language:
        headers.append(("accept-language", language))
    return platform.handle(HttpRequest(method, path, "", tuple(headers), body.encode(), source_ip=ip))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    route=st.sampled_from(["answers", "statements", "vote"]),
    answer=answer_bodies.map(json.dumps),
    statement=statement_bodies.map(json.dumps),
    vote=vote_bodies.map(json.dumps),
    garbage=st.text(max_size=40),
    use_garbage=st.booleans(),
    language=st.sampled_from([None, "en", "fr-CA"]),
    client=st.integers(0, 255),
)
def test_the_public_routes_never_fail_and_always_name_the_fields(
    platform: Any,
    new_key: NewKey,
    service_clock: Any,
    route: str,
    answer: str,
    statement: str,
    vote: str,
    garbage: str,
    use_garbage: bool,
    language: str | None,
    client: int,
) -> None:
    cid, sid = _consultation(platform, new_key, service_clock)
    base = f"/v1/public/consultations/{cid}"
    method, path, body = {
        "answers": ("PUT", f"{base}/answers", answer),
        "statements": ("POST", f"{base}/statements", statement),
        "vote": ("PUT", f"{base}/statements/{sid}/vote", vote),
    }[route]
    response = _send(
        platform, method, path, garbage if use_garbage else body, language, f"198.51.100.{client}"
    )
    assert response.status < 500, response.text
    if response.status >= 400:
        assert response.header("content-type") == CONTENT_TYPE, response.text
        problem = response.json()
        assert {"type", "title", "status"} <= set(problem)
        if response.status == 422:
            assert problem["errors"], problem
            for error in problem["errors"]:
                assert error["field"].startswith(("body", "path")) and error["detail"], error
    else:
        assert response.status in (200, 201)
