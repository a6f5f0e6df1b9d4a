"""Bulk consent import, row rules: each row is a consent to record or every reason it is not one,
named by column; FR and EN column names; a date neither in the future nor implausibly old; no
spreadsheet formula in the free-text `source`; re-importing what the registry holds is a no-op."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, FieldError, ValidationFailed
from numeriqc.notifications.consent_imports import (
    ImportRow,
    already_present,
    check_row,
    refusal_error,
)
from numeriqc.notifications.models import Channel

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
GOOD = {
    "channel": "sms",
    "recipient": "514 234 5678",
    "purpose": "rappels",
    "given_at": "2019-04-02T10:00:00-04:00",
    "source": "formulaire-papier",
}


def test_a_good_row_keeps_its_original_date_and_source() -> None:
    row = check_row(3, GOOD, NOW)
    assert row == ImportRow(
        3,
        Channel.SMS,
        "+15142345678",
        "rappels",
        datetime.fromisoformat("2019-04-02T10:00:00-04:00"),
        "formulaire-papier",
    )


def test_french_column_names_are_the_same_columns() -> None:
    french = {
        "Canal": "email",
        "Destinataire": "zoe@example.com",
        "Finalité": "rappels",
        "Donné le": "2024-01-05T09:00:00+00:00",
        "Provenance": "ancien-système",
    }
    row = check_row(1, french, NOW)
    assert isinstance(row, ImportRow) and row.channel is Channel.EMAIL and row.source == "ancien-système"


def _codes(row: dict[str, Any]) -> list[tuple[str, str]]:
    checked = check_row(12, row, NOW)
    assert isinstance(checked, list), checked
    assert {error.row for error in checked} == {12}
    return [(error.column, error.code) for error in checked]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"given_at": ""}, [("given_at", "missing")]),
        ({"channel": "fax"}, [("channel", "invalid_channel")]),
        ({"recipient": "pas-un-numéro"}, [("recipient", "invalid_recipient")]),
        ({"purpose": "Rappels Permis"}, [("purpose", "invalid_purpose")]),
        ({"given_at": "2019-04-02"}, [("given_at", "invalid_date")]),  # no time zone
        ({"given_at": "2019-04-02T10:00:00"}, [("given_at", "invalid_date")]),
        ({"given_at": "hier"}, [("given_at", "invalid_date")]),
        ({"given_at": (NOW + timedelta(minutes=1)).isoformat()}, [("given_at", "in_the_future")]),
        ({"given_at": "1926-04-02T10:00:00-04:00"}, [("given_at", "too_old")]),
        ({"source": '=HYPERLINK("http://x")'}, [("source", "formula")]),
        ({"source": "+1+1"}, [("source", "formula")]),
        ({"source": "@SUM(A1)"}, [("source", "formula")]),
        ({"source": "-2"}, [("source", "formula")]),
        ({"source": "x" * 201}, [("source", "too_long")]),
        (
            {"channel": "sms", "given_at": "demain", "source": "=1"},
            [("given_at", "invalid_date"), ("source", "formula")],
        ),
    ],
)
def test_every_faulty_cell_is_named(change: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert _codes({**GOOD, **change}) == expected


def test_every_missing_column_is_named_in_both_languages() -> None:
    errors = check_row(2, {"recipient": "514 234 5678"}, NOW)
    assert isinstance(errors, list)
    assert [error.column for error in errors] == ["channel", "purpose", "given_at", "source"]
    assert "manque" in errors[0].message().render("fr") and "missing" in errors[0].message().render("en")


def test_a_row_is_already_present_only_when_active_for_its_purpose_since_its_date() -> None:
    row = check_row(1, GOOD, NOW)
    assert isinstance(row, ImportRow)
    same = {"status": "active", "purposes": ["rappels"], "given_at": row.given_at.isoformat()}
    assert already_present(same, row)
    assert already_present({**same, "given_at": NOW.isoformat()}, row)  # renewed since
    assert not already_present({**same, "given_at": "2018-01-01T00:00:00+00:00"}, row)
    assert not already_present({**same, "purposes": ["sondages"]}, row)
    assert not already_present({**same, "status": "withdrawn"}, row)
    assert not already_present(None, row)


def test_a_refusal_becomes_a_row_error_in_both_languages() -> None:
    withdrawn = Message("Le citoyen a retiré son consentement.", "The citizen withdrew their consent.")
    error = refusal_error(7, Conflict(withdrawn), opted_out=False)
    assert (error.row, error.column, error.code) == (7, "recipient", "withdrawn_by_citizen")
    assert refusal_error(7, Conflict(withdrawn), opted_out=True).code == "opted_out"
    assert error.message().render("en") == "The citizen withdrew their consent."
    early = ValidationFailed(
        errors=[FieldError("body.given_at", "before_withdrawal", Message("avant {d}", "before {d}"), d="x")]
    )
    error = refusal_error(8, early, opted_out=False)
    assert (error.column, error.code, error.detail) == ("given_at", "before_withdrawal", "avant x")
