"""Property-based fuzzing of every exchange write route: whatever an organization sends, never a 5xx,
every refusal a problem+json in the asked language naming each faulty field, and a batch is
accepted only when every one of its messages matches the schema."""

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numeriqc.core.problems import CONTENT_TYPE
from tests.support.exchange import dataset_body, exchange_key
from tests.support.platform import NewKey, bearer

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
permit_data = st.fixed_dictionaries(
    {},
    optional={
        "permit": st.sampled_from(["A1234", "a1", "Ž0000", ""]) | json_values,
        "points": st.integers(-3, 20) | json_values,
        "extra": json_values,
    },
)
ROUTES = {
    "datasets": ("POST", "/v1/exchange/datasets"),
    "schemas": ("POST", "/v1/exchange/datasets/saaq.permis/schemas"),
    "grant": ("PUT", "/v1/exchange/datasets/saaq.permis/grants/rq"),
    "messages": ("POST", "/v1/exchange/datasets/saaq.permis/messages"),
    "ack": ("POST", "/v1/exchange/datasets/saaq.permis/messages/ack"),
}
bodies = {
    "datasets": st.one_of(
        st.builds(
            lambda tier, schema, slug: dataset_body(slug=slug, tier=tier, schema=schema),
            st.sampled_from(["public", "restricted", "secret"]) | json_values,
            st.sampled_from([{"type": "object"}, {"type": "array"}, {"type": "object", "required": 1}])
            | json_values,
            st.text(max_size=12),
        ),
        json_values,
    ),
    "schemas": st.fixed_dictionaries({}, optional={"schema": json_values, "breaking": json_values}),
    "grant": st.fixed_dictionaries(
        {},
        optional={
            "expires_at": st.sampled_from(["2099-01-01T00:00:00+00:00", "2000-01-01T00:00:00Z", "demain"])
            | json_values,
            "max_tier": st.sampled_from(["restricted", "public", "x"]) | json_values,
        },
    ),
    "messages": st.fixed_dictionaries(
        {
            "messages": st.lists(st.fixed_dictionaries({"data": permit_data}), min_size=0, max_size=4)
            | json_values
        }
    ),
    "ack": st.fixed_dictionaries({"ack_ids": st.lists(st.text(max_size=10), max_size=3) | json_values}),
}
requests = st.sampled_from(sorted(ROUTES)).flatmap(
    lambda name: st.tuples(st.just(name), bodies[name].map(json.dumps) | st.text(max_size=30))
)


def _valid(message: Any) -> bool:
    data = message.get("data") if isinstance(message, dict) else None
    return (
        isinstance(data, dict)
        and set(data) <= {"permit", "points"}
        and data.get("permit") == "A1234"
        and isinstance(data.get("points"), int)
        and not isinstance(data.get("points"), bool)
        and data["points"] >= 0
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(request=requests, language=st.sampled_from([None, "en", "fr-CA"]))
def test_no_write_route_fails_and_every_refusal_names_its_fields(
    platform: Any, new_key: NewKey, service_clock: Any, request: tuple[str, str], language: str | None
) -> None:
    saaq = exchange_key(new_key, "saaq")
    exchange_key(new_key, "rq")
    if platform.http("GET", "/v1/exchange/datasets/saaq.permis", headers=bearer(saaq)).status == 404:
        schema = {
            "type": "object",
            "properties": {
                "permit": {"type": "string", "pattern": "^A[0-9]{4}$"},
                "points": {"type": "integer", "minimum": 0},
            },
            "required": ["permit", "points"],
            "additionalProperties": False,
        }
        created = platform.http(
            "POST", "/v1/exchange/datasets", headers=bearer(saaq), json=dataset_body(schema=schema)
        )
        assert created.status == 201, created.text
    name, body = request
    method, path = ROUTES[name]
    headers = {**bearer(saaq, language), "Content-Type": "application/json"}
    response = platform.http(method, path, headers=headers, body=body)
    assert response.status < 500, response.text
    if response.status >= 400:
        assert response.headers["content-type"] == CONTENT_TYPE, response.text
        assert response.headers["content-language"] == ("en" if language == "en" else "fr")
        problem = response.json()
        if response.status == 422:
            assert problem["errors"], problem
            assert all(
                error["field"].split(".")[0].split("[")[0] in {"body", "path", "header"}
                for error in problem["errors"]
            )
    elif name == "messages":
        sent = json.loads(body)["messages"]
        assert response.status == 202 and all(_valid(message) for message in sent), body
