from datetime import UTC, datetime, timedelta

import pytest

from numeriqc.core.auth import KeyKind, Scope
from numeriqc.organizations import keys
from numeriqc.organizations.keys import KeyStatus
from numeriqc.organizations.models import ApiKey

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def _record(**changes: object) -> ApiKey:
    values: dict[str, object] = {
        "key_id": "01J00000000000000000000000",
        "org_id": "saaq",
        "name": "ci",
        "kind": KeyKind.LIVE,
        "scopes": frozenset({Scope.FEEDBACK_READ}),
        "created_at": NOW - timedelta(days=1),
        "key_hash": "h",
        "hint": "nqc_live_ab…",
    }
    values.update(changes)
    return ApiKey.model_validate(values)


@pytest.mark.parametrize("kind", list(KeyKind))
def test_generated_keys_are_well_formed_and_unique(kind: KeyKind) -> None:
    generated = {keys.generate_key(kind) for _ in range(200)}
    assert len(generated) == 200
    for key in generated:
        assert key.startswith(f"nqc_{kind.value}_")
        assert keys.well_formed(key)


def test_a_single_changed_character_breaks_the_checksum() -> None:
    key = keys.generate_key(KeyKind.LIVE)
    position = len(key) - 10
    typo = key[:position] + ("A" if key[position] != "A" else "B") + key[position + 1 :]
    assert not keys.well_formed(typo)


@pytest.mark.parametrize(
    "candidate",
    [
        "",
        "nqc_live_",
        "nqc_prod_" + "a" * 38,
        "abc_live_" + "a" * 38,
        "nqc_live_" + "é" * 38,
        "nqc_live_short",
    ],
)
def test_malformed_keys_are_rejected_without_lookup(candidate: str) -> None:
    assert not keys.well_formed(candidate)


@pytest.mark.parametrize(
    ("header", "token"),
    [("Bearer abc", "abc"), ("bearer   abc ", "abc"), ("Basic abc", None), ("Bearer", None), (None, None)],
)
def test_bearer_token_extraction(header: str | None, token: str | None) -> None:
    assert keys.bearer_token(header) == token


def test_key_hash_is_keyed_and_hint_reveals_little() -> None:
    key = keys.generate_key(KeyKind.TEST)
    assert keys.key_hash(key, b"one") != keys.key_hash(key, b"two")
    assert len(keys.hint(key)) < 16 and key.startswith(keys.hint(key).rstrip("…"))


def test_key_status_rules() -> None:
    assert keys.status(None, NOW) is KeyStatus.INVALID
    assert keys.status(_record(), NOW) is KeyStatus.VALID
    assert keys.status(_record(revoked_at=NOW - timedelta(seconds=1)), NOW) is KeyStatus.REVOKED
    assert keys.status(_record(expires_at=NOW), NOW) is KeyStatus.EXPIRED
    assert keys.status(_record(expires_at=NOW + timedelta(days=1)), NOW) is KeyStatus.VALID
