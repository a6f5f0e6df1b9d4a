"""Consent rules, reply keywords, scheduling and quiet hours (injected times), tokens, derived ids."""

from datetime import UTC, date, datetime, time

import pytest

from numeriqc.notifications import consent, keywords, send_times, unsubscribe
from numeriqc.notifications.records import derived_id


@pytest.mark.parametrize(
    ("stored", "optout", "reason"),
    [
        ({"status": "active"}, None, None),
        (None, None, "no-consent"),
        ({"status": "withdrawn"}, None, "withdrawn"),
        ({"status": "active"}, {"at": "x"}, "platform-opt-out"),
    ],
)
def test_consent_refusal(
    stored: dict[str, str] | None, optout: dict[str, str] | None, reason: str | None
) -> None:
    assert consent.refusal(stored, optout) == reason


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("STOP", keywords.Keyword.STOP),
        ("arrêt", keywords.Keyword.STOP),
        ("Arret.", keywords.Keyword.STOP),
        ("fin svp", keywords.Keyword.STOP),
        ("AIDE", keywords.Keyword.HELP),
        ("help", keywords.Keyword.HELP),
        ("Info", keywords.Keyword.HELP),
        ("START", keywords.Keyword.START),
        ("abonner", keywords.Keyword.START),
        ("merci!", keywords.Keyword.OTHER),
        ("", keywords.Keyword.OTHER),
    ],
)
def test_keywords(body: str, word: keywords.Keyword) -> None:
    assert keywords.keyword(body) is word


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2030, 1, 15, 15, 0, tzinfo=UTC), datetime(2030, 1, 15, 15, 0, tzinfo=UTC)),  # 10:00 EST
        (
            datetime(2030, 1, 16, 2, 30, tzinfo=UTC),
            datetime(2030, 1, 16, 13, 0, tzinfo=UTC),
        ),  # 21:30 -> 08:00
        (datetime(2030, 1, 16, 6, 0, tzinfo=UTC), datetime(2030, 1, 16, 13, 0, tzinfo=UTC)),  # 01:00 -> 08:00
        (datetime(2030, 7, 16, 12, 59, tzinfo=UTC), datetime(2030, 7, 16, 12, 59, tzinfo=UTC)),  # 08:59 EDT
        (datetime(2030, 7, 16, 11, 30, tzinfo=UTC), datetime(2030, 7, 16, 12, 0, tzinfo=UTC)),  # 07:30 EDT
        (
            datetime(2030, 1, 15, 2, 0, tzinfo=UTC),
            datetime(2030, 1, 15, 13, 0, tzinfo=UTC),
        ),  # 21:00 EST starts it
        (datetime(2030, 1, 15, 1, 59, tzinfo=UTC), datetime(2030, 1, 15, 1, 59, tzinfo=UTC)),  # 20:59 EST
    ],
)
def test_quiet_hours(moment: datetime, expected: datetime) -> None:
    assert send_times.outside_quiet_hours(moment) == expected


def test_quiet_hours_that_do_not_wrap_midnight() -> None:
    moment = datetime(2030, 1, 15, 18, 0, tzinfo=UTC)  # 13:00 EST
    assert send_times.outside_quiet_hours(moment, time(12, 0), time(14, 0)) == datetime(
        2030, 1, 15, 19, 0, tzinfo=UTC
    )


def test_reminders_relative_to_a_due_date_follow_daylight_saving() -> None:
    times = send_times.reminder_times(date(2030, 3, 31), [7, 30, 7], time(9, 0), "America/Toronto")
    assert times == [
        (30, datetime(2030, 3, 1, 14, 0, tzinfo=UTC)),  # EST
        (7, datetime(2030, 3, 24, 13, 0, tzinfo=UTC)),  # EDT
    ]


def test_schedule_limits() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    field = "body.scheduled_for"
    assert send_times.schedule_errors(datetime(2030, 1, 31, tzinfo=UTC), now, field) == []
    assert (
        send_times.schedule_errors(datetime(2030, 1, 31, 0, 1, tzinfo=UTC), now, field)[0].code == "too_far"
    )
    assert (
        send_times.schedule_errors(datetime(2029, 12, 31, 23, 0, tzinfo=UTC), now, field)[0].code
        == "in_the_past"
    )
    assert send_times.schedule_errors(datetime(2030, 1, 2), now, field)[0].code == "timezone_required"
    assert send_times.zone_errors("Mars/Olympus", "body.timezone")[0].code == "unknown_timezone"


def test_unsubscribe_tokens_are_signed() -> None:
    token = unsubscribe.make_token(b"pepper", "saaq", "email", "abc123")
    assert unsubscribe.read_token(b"pepper", token) == ("saaq", "email", "abc123")
    assert unsubscribe.read_token(b"other-pepper", token) is None
    _, signature = token.split(".")
    forged = unsubscribe.make_token(b"pepper", "mtq", "email", "abc123").split(".")[0] + "." + signature
    assert unsubscribe.read_token(b"pepper", forged) is None
    assert unsubscribe.read_token(b"pepper", "not-a-token") is None


def test_derived_ids_are_stable_ulids_of_the_parent_time() -> None:
    parent = "01JABCDEFGHJKMNPQRSTVWXYZ0"
    assert derived_id(parent, 7) == derived_id(parent, 7)
    assert derived_id(parent, 7) != derived_id(parent, 8)
    assert derived_id(parent, 7)[:10] == parent[:10] and len(derived_id(parent, 7)) == 26
