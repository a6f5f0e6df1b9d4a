"""Consent per purpose: a send naming a purpose needs it among the consent's purposes; a send naming
none is for the default purpose, which any active consent covers (every consent recorded before
purposes were checked, whose record has one `purpose` and no `purposes`)."""

import pytest

from numeriqc.notifications import consent

LEGACY = {"status": "active", "purpose": "rappels", "source": "formulaire-web"}  # before `purposes`
CURRENT = {"status": "active", "purpose": "sondages", "purposes": ["rappels", "sondages"]}


@pytest.mark.parametrize(
    ("record", "purpose", "reason"),
    [
        (LEGACY, None, None),  # the default purpose: any active consent covers it
        (LEGACY, "rappels", None),  # its one recorded purpose
        (LEGACY, "sondages", "no-consent-for-purpose"),
        (CURRENT, "rappels", None),
        (CURRENT, "sondages", None),
        (CURRENT, "avis", "no-consent-for-purpose"),
        (CURRENT, None, None),
        ({**CURRENT, "status": "withdrawn"}, "rappels", "withdrawn"),  # a withdrawal covers every purpose
        (None, None, "no-consent"),
        (None, "rappels", "no-consent"),
    ],
)
def test_a_send_is_refused_unless_its_purpose_is_covered(
    record: dict[str, object] | None, purpose: str | None, reason: str | None
) -> None:
    assert consent.refusal(record, None, purpose=purpose) == reason


def test_the_platform_opt_out_wins_over_every_purpose() -> None:
    assert consent.refusal(CURRENT, {"rh": "x"}, purpose="rappels") == "platform-opt-out"


def test_a_legacy_record_covers_its_one_purpose_and_a_new_one_lists_them_all() -> None:
    assert consent.purposes_of(LEGACY) == ["rappels"]
    assert consent.purposes_of(CURRENT) == ["rappels", "sondages"]
    assert consent.purposes_of(None) == []


class Records:
    """A ConsentRecords stand-in keeping the saved items."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str, str], dict[str, object]] = {}

    def save_consent(self, org: str, channel: str, rh: str, item: dict[str, object], **_: object) -> None:
        self.saved[(org, channel, rh)] = item


def test_recording_adds_a_purpose_to_an_active_consent_and_starts_afresh_after_a_withdrawal() -> None:
    from datetime import UTC, datetime

    from numeriqc.notifications.models import Channel

    records = Records()
    when = datetime(2030, 1, 1, tzinfo=UTC)
    recorded = consent.record(
        records,  # type: ignore[arg-type]
        "saaq",
        Channel.SMS,
        "rh",
        purpose="sondages",
        source="papier",
        given_at=when,
        replacing=LEGACY,
    )
    assert recorded.purposes == ["rappels", "sondages"]
    after_withdrawal = consent.record(
        records,  # type: ignore[arg-type]
        "saaq",
        Channel.SMS,
        "rh",
        purpose="avis",
        source="papier",
        given_at=when,
        replacing={**CURRENT, "status": "withdrawn", "withdrawn_at": "2029-12-01T00:00:00+00:00"},
    )
    assert after_withdrawal.purposes == ["avis"]
