"""A key's validity: `--days 0` (or negative, or absurd) used to make a key that never expires.

The rule (`registry.create_key`) refuses it, so the CLI and any API route that creates keys do; the
CLI also refuses it while parsing, before it reaches any platform.
"""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.clock import FrozenClock
from numeriqc.organizations import registry
from numeriqc.organizations.models import ApiKey, Organization
from numeriqc_local.cli import build_parser

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


class Keys:
    """A stand-in for the `KeyRecords` port: one organization, the keys written to it."""

    def __init__(self) -> None:
        self.written: list[ApiKey] = []

    def add_organization(self, organization: Organization) -> None:
        raise AssertionError("not used")

    def organization(self, org_id: str) -> Organization | None:
        return Organization(
            org_id=org_id, name_fr="SAAQ", name_en="SAAQ", contact_email="ti@saaq.example", created_at=NOW
        )

    def add_key(self, record: ApiKey) -> None:
        self.written.append(record)

    def key(self, org_id: str, key_id: str) -> ApiKey | None:
        return None

    def revoke_key(self, record: ApiKey, when: datetime) -> None:
        raise AssertionError("not used")


def _create(store: Keys, valid_days: Any) -> ApiKey:
    return registry.create_key(
        store,
        b"pepper",
        org_id="saaq",
        kind=KeyKind.LIVE,
        scopes={Scope.FEEDBACK_READ},
        name="ci",
        valid_days=valid_days,
        clock=FrozenClock(NOW),
    ).record


BAD_DAYS = [0, -1, -365, registry.MAX_VALID_DAYS + 1, 10**9, 10**30, True, False, 1.5, "30"]


@pytest.mark.parametrize("days", BAD_DAYS, ids=repr)
def test_a_validity_outside_one_day_to_the_maximum_is_refused_and_nothing_is_written(days: Any) -> None:
    store = Keys()
    with pytest.raises(registry.InvalidValidity):
        _create(store, days)
    assert store.written == []


@pytest.mark.parametrize("days", [1, 90, registry.MAX_VALID_DAYS])
def test_a_valid_number_of_days_expires_the_key_then(days: int) -> None:
    store = Keys()
    record = _create(store, days)
    assert record.expires_at == NOW + timedelta(days=days)
    assert store.written == [record]


def test_no_validity_at_all_is_a_key_until_revoked() -> None:
    assert _create(Keys(), None).expires_at is None


@pytest.mark.parametrize(
    "days", ["0", "-1", "-0", str(registry.MAX_VALID_DAYS + 1), "99999999999", "1.5", "x"]
)
def test_the_cli_refuses_the_same_values_before_reaching_any_platform(
    days: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = build_parser()
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["key", "create", "--org", "saaq", "--scopes", "feedback:read", "--days", days])
    assert exited.value.code == 2
    assert "--days" in capsys.readouterr().err


def test_the_cli_accepts_a_valid_number_of_days() -> None:
    args = build_parser().parse_args(
        ["key", "create", "--org", "saaq", "--scopes", "feedback:read", "--days", "30"]
    )
    assert args.days == 30
