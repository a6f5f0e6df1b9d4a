"""API keys end to end: the real authorizer and handler through the template's HTTP API wiring."""

from datetime import UTC, datetime, timedelta
from typing import Any

from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.problems import CONTENT_TYPE, PROBLEM_BASE
from numeriqc.organizations import keys, registry
from numeriqc.organizations.models import ApiKey
from tests.support.platform import NewKey, bearer, organizations_store, platform_pepper


def _is_problem(response: Any, status: int, slug: str) -> dict[str, Any]:
    assert response.status == status, response.text
    assert response.header("content-type") == CONTENT_TYPE
    body = response.json()
    assert body["type"] == PROBLEM_BASE + slug
    assert body["status"] == status
    return body


def test_a_live_key_identifies_its_organization(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq", {Scope.FEEDBACK_READ})
    response = platform.http("GET", "/v1/organization", headers=bearer(key))
    assert response.status == 200, response.text
    assert response.json() == {
        "org_id": "saaq",
        "name_fr": "Organisme saaq",
        "name_en": "Organization saaq",
        "key_kind": "live",
        "scopes": ["feedback:read"],
    }


def test_a_test_key_says_so(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq", kind=KeyKind.TEST)
    assert platform.http("GET", "/v1/organization", headers=bearer(key)).json()["key_kind"] == "test"


def test_no_authorization_header_is_api_gateways_own_401(platform: Any) -> None:
    response = platform.http("GET", "/v1/subscriptions")
    assert response.status == 401
    assert response.json() == {"message": "Unauthorized"}


def test_malformed_and_unknown_keys_are_401_problems_in_french_by_default(platform: Any) -> None:
    for key in ("pas-une-cle", keys.generate_key(KeyKind.LIVE)):
        body = _is_problem(
            platform.http("GET", "/v1/subscriptions", headers=bearer(key)), 401, "non-authentifie"
        )
        assert body["title"] == "Authentification requise"
        assert "n'est pas reconnue" in body["detail"]


def test_problems_follow_accept_language(platform: Any) -> None:
    response = platform.http("GET", "/v1/subscriptions", headers=bearer("nope", "en-CA,en;q=0.9"))
    body = _is_problem(response, 401, "non-authentifie")
    assert body["title"] == "Authentication required"
    assert response.header("content-language") == "en"


def test_a_missing_scope_is_403_naming_the_scope(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq", {Scope.FEEDBACK_READ})
    body = _is_problem(
        platform.http("GET", "/v1/subscriptions", headers=bearer(key, "en")), 403, "acces-refuse"
    )
    assert "events:subscribe" in body["detail"]


def test_revocation_takes_effect_once_the_authorizer_cache_expires(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    assert platform.http("GET", "/v1/organization", headers=bearer(key)).status == 200
    store = organizations_store(platform)
    (record,) = store.keys("saaq")
    registry.revoke_key(store, "saaq", record.key_id)

    platform.clock.advance(31)  # API Gateway caches the authorizer's answer for 30 s
    body = _is_problem(
        platform.http("GET", "/v1/organization", headers=bearer(key, "en")), 401, "non-authentifie"
    )
    assert "revoked" in body["detail"]
    assert store.key("saaq", record.key_id).revoked_at is not None  # type: ignore[union-attr]


def test_an_expired_key_is_refused(platform: Any, new_key: NewKey) -> None:
    new_key("saaq", {Scope.EVENTS_SUBSCRIBE})  # registers the organization
    key = keys.generate_key(KeyKind.LIVE)
    now = datetime.now(UTC)
    organizations_store(platform).add_key(
        ApiKey(
            key_id="01JEXPIRED0000000000000000",
            org_id="saaq",
            name="old",
            kind=KeyKind.LIVE,
            scopes=frozenset({Scope.EVENTS_SUBSCRIBE}),
            created_at=now - timedelta(days=400),
            expires_at=now - timedelta(days=35),
            key_hash=keys.key_hash(key, platform_pepper(platform)),
            hint=keys.hint(key),
        )
    )
    body = _is_problem(
        platform.http("GET", "/v1/subscriptions", headers=bearer(key, "en")), 401, "non-authentifie"
    )
    assert "expired" in body["detail"]


def test_keys_are_stored_only_as_keyed_hashes(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    table = platform.names["OrganizationsTable"]
    from numeriqc.core import aws

    items = aws.client("dynamodb").scan(TableName=table)["Items"]  # a test may scan; the platform never does
    assert items
    assert key not in repr(items)
    assert key[len("nqc_live_") :] not in repr(items)
