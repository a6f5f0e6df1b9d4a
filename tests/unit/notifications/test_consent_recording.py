"""`consent.recording_refusal`: whose withdrawal an organization may record consent over, and when."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from numeriqc.core.problems import Conflict, Problem, ValidationFailed
from numeriqc.notifications.consent import recording_refusal

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
WITHDRAWN_AT = NOW - timedelta(days=1)


def _withdrawn(by: str) -> dict[str, Any]:
    return {"status": "withdrawn", "withdrawn_at": WITHDRAWN_AT.isoformat(), "withdrawn_by": by}


def _refusal(
    existing: Any = None, optout: Any = None, given_at: datetime = NOW, **token: Any
) -> Problem | None:
    proof = {"citizen_token": None, "token_valid": False, **token}
    return recording_refusal(existing, optout, given_at=given_at, now=NOW, **proof)


@pytest.mark.parametrize("by", ["one-click-unsubscribe", "complaint", "anything-but-the-organization"])
def test_a_withdrawal_by_the_citizen_needs_the_citizens_token(by: str) -> None:
    refused = _refusal(_withdrawn(by))
    assert isinstance(refused, Conflict)
    assert _refusal(_withdrawn(by), citizen_token="t", token_valid=True) is None
    invalid = _refusal(_withdrawn(by), citizen_token="t", token_valid=False)
    assert isinstance(invalid, ValidationFailed)
    assert invalid.body("en")["errors"][0]["field"] == "body.citizen_token"


def test_the_organizations_own_withdrawal_may_be_recorded_over() -> None:
    assert _refusal(_withdrawn("organization")) is None


@pytest.mark.parametrize("token_valid", [False, True])
def test_a_stop_is_lifted_only_by_start_never_by_a_token(token_valid: bool) -> None:
    refused = _refusal(None, {"at": WITHDRAWN_AT.isoformat()}, citizen_token="t", token_valid=token_valid)
    if token_valid:
        assert isinstance(refused, Conflict)
    else:
        assert isinstance(refused, ValidationFailed)


@pytest.mark.parametrize(
    ("given_at", "code"),
    [
        (NOW + timedelta(seconds=1), "in_the_future"),
        (WITHDRAWN_AT, "before_withdrawal"),
        (WITHDRAWN_AT - timedelta(days=30), "before_withdrawal"),
        (NOW.replace(tzinfo=None), "no_time_zone"),
    ],
)
def test_given_at_is_refused_naming_the_field(given_at: datetime, code: str) -> None:
    refused = _refusal(_withdrawn("organization"), given_at=given_at)
    assert isinstance(refused, ValidationFailed)
    for language in ("fr", "en"):
        assert [(e["field"], e["code"]) for e in refused.body(language)["errors"]] == [
            ("body.given_at", code)
        ]


def test_an_active_or_absent_consent_is_recorded_at_any_past_moment() -> None:
    assert _refusal(None, given_at=NOW - timedelta(days=400)) is None
    assert _refusal({"status": "active", "given_at": NOW.isoformat()}, given_at=NOW) is None
