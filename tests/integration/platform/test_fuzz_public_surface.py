"""Schema-blind fuzzing of the HTTP surface: whatever arrives, never a 5xx, and every 4xx is a
problem+json that names the faulty fields when there are any."""

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numeriqc.core.problems import CONTENT_TYPE
from tests.support.platform import NewKey, bearer

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
subscription_like = st.fixed_dictionaries(
    {},
    optional={
        "family": st.sampled_from(["feedback", "barometer", "meteo", ""]) | st.text(max_size=10),
        "protocol": st.sampled_from(["sqs", "https", "email", "ftp"]) | json_values,
        "endpoint": st.sampled_from(
            ["arn:aws:sqs:ca-central-1:123456789012:q", "https://x.example/h", "a@b.example"]
        )
        | json_values,
        "event_types": st.lists(st.text(max_size=40), max_size=3) | json_values,
    },
)
raw_bodies = st.one_of(
    json_values.map(json.dumps),
    subscription_like.map(json.dumps),
    st.text(max_size=60),
    st.binary(max_size=40).map(lambda data: data.decode("latin-1")),
)
paths = st.sampled_from(
    [
        "/v1/subscriptions",
        "/v1/subscriptions/01J00000000000000000000000",
        "/v1/subscriptions/%2e%2e",
        "/v1/organization",
    ]
) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz/._-{}%0123456789", max_size=30).map(lambda path: "/" + path)


def _assert_well_behaved(response: Any) -> None:
    assert response.status < 500, response.text
    if 400 <= response.status < 500 and response.header("content-type") == CONTENT_TYPE:
        problem = response.json()
        assert {"type", "title", "status"} <= set(problem)
        for error in problem.get("errors", []):
            assert error["field"] and error["detail"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(method=st.sampled_from(["GET", "POST", "DELETE", "PUT", "PATCH"]), path=paths, body=raw_bodies)
def test_no_request_makes_the_platform_fail(
    platform: Any, new_key: NewKey, method: str, path: str, body: str
) -> None:
    headers = {**bearer(new_key("saaq")), "Content-Type": "application/json"}
    response = platform.http(method, path, headers=headers, body=body)
    _assert_well_behaved(response)
    if response.status >= 400 and path != "/" and response.header("content-type") != CONTENT_TYPE:
        # Only API Gateway's own answers (no route, no key) may be plain JSON.
        assert response.json() in ({"message": "Not Found"}, {"message": "Unauthorized"})
