from datetime import UTC, datetime

import pytest

from numeriqc.core import settings
from numeriqc.core.auth import Caller, KeyKind, Scope, caller_from_context
from numeriqc.core.clock import FrozenClock
from numeriqc.core.dynamo import from_item, to_item
from numeriqc.core.ids import is_ulid, new_ulid, ulid_time
from numeriqc.core.pii import keyed_hash
from numeriqc.core.problems import Forbidden, Unauthenticated


class _Settings(settings.BaseSettings):
    table_name: str
    retries: int = 3


def test_settings_are_cached_per_environment_not_per_model() -> None:
    first = settings.load(_Settings, {"TABLE_NAME": "a"})
    assert settings.load(_Settings, {"TABLE_NAME": "a", "OTHER": "x"}) is first
    second = settings.load(_Settings, {"TABLE_NAME": "b", "RETRIES": "5"})
    assert (second.table_name, second.retries) == ("b", 5)


def test_settings_missing_a_required_variable_fail_at_cold_start() -> None:
    with pytest.raises(ValueError, match="table_name"):
        settings.load(_Settings, {})


def test_ulids_sort_by_time_and_carry_it() -> None:
    clock = FrozenClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    first = new_ulid(clock)
    clock.advance(0.001)
    second = new_ulid(clock)
    assert is_ulid(first) and is_ulid(second)
    assert first < second
    assert ulid_time(first) == datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert not is_ulid("not-a-ulid")


def test_dynamodb_items_round_trip() -> None:
    values = {"pk": "ORG#x", "n": 3, "f": 1.5, "ok": True, "tags": {"b", "a"}, "nested": {"l": [1, "two"]}}
    assert from_item(to_item(values)) == values
    assert "missing" not in to_item({"missing": None})


def test_keyed_hash_depends_on_pepper_and_purpose() -> None:
    base = keyed_hash("+15145550100", b"pepper-1", "phone")
    assert base == keyed_hash("+15145550100", b"pepper-1", "phone")
    assert base != keyed_hash("+15145550100", b"pepper-2", "phone")
    assert base != keyed_hash("+15145550100", b"pepper-1", "email")
    assert "5145550100" not in base


def test_caller_from_a_valid_context_and_scope_checks() -> None:
    caller = caller_from_context(
        {"authenticated": "true", "org_id": "saaq", "key_id": "K", "kind": "live", "scopes": "feedback:read"}
    )
    assert caller == Caller("saaq", "K", KeyKind.LIVE, frozenset({"feedback:read"}))
    assert caller.require(Scope.FEEDBACK_READ) is caller
    with pytest.raises(Forbidden) as refused:
        caller.require(Scope.EVENTS_SUBSCRIBE)
    assert "events:subscribe" in refused.value.body("en")["detail"]


@pytest.mark.parametrize("reason", ["invalid", "revoked", "expired", None])
def test_unauthenticated_contexts_are_401_with_their_reason(reason: str | None) -> None:
    context = {"authenticated": "false", "reason": reason} if reason else None
    with pytest.raises(Unauthenticated) as refused:
        caller_from_context(context)
    body = refused.value.body("en")
    assert body["status"] == 401
    assert refused.value.headers["WWW-Authenticate"].startswith("Bearer")
    if reason:
        assert reason in body["detail"] or "not recognised" in body["detail"]
