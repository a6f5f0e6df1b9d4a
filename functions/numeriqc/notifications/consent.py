"""The consent registry: an organization records consent before it sends; STOP withdraws it.

Consent is per (organization, channel, recipient); a STOP / ARRÊT reply is platform-wide for that
phone number, because a reply does not say which organization it answers (SNS's own opt-out list
is account-wide for the same reason). A send needs an active consent and no platform opt-out.
"""

from datetime import datetime
from typing import Any

from numeriqc.notifications.models import Channel, Consent
from numeriqc.notifications.ports import Conflict, ConsentRecords


def refusal(consent: dict[str, Any] | None, optout: dict[str, Any] | None) -> str | None:
    """Why a send is refused (`no-consent`, `withdrawn`, `platform-opt-out`), or None."""
    if optout is not None:
        return "platform-opt-out"
    if consent is None:
        return "no-consent"
    if consent.get("status") != "active":
        return "withdrawn"
    return None


def refusals(
    consents: ConsentRecords, wanted: list[tuple[str, Channel | str, str]]
) -> dict[tuple[str, str, str], str | None]:
    """Refusal reason for each (org, channel, recipient hash), read with BatchGetItem."""
    states = consents.consent_states([(org_id, str(channel), rh) for org_id, channel, rh in wanted])
    return {one: refusal(*state) for one, state in states.items()}


def record(
    consents: ConsentRecords,
    org_id: str,
    channel: Channel,
    recipient_hash: str,
    *,
    purpose: str,
    source: str,
    given_at: datetime,
) -> Consent:
    item = {
        "rh": recipient_hash,
        "channel": channel.value,
        "purpose": purpose,
        "source": source,
        "status": "active",
        "given_at": given_at.isoformat(),
    }
    consents.save_consent(org_id, channel.value, recipient_hash, item)
    return consent_of(item, None)


def withdraw(
    consents: ConsentRecords,
    org_id: str,
    channel: Channel | str,
    recipient_hash: str,
    *,
    by: str,
    now: datetime,
) -> bool:
    try:
        consents.update_consent(
            org_id,
            str(channel),
            recipient_hash,
            {"status": "withdrawn", "withdrawn_at": now.isoformat(), "withdrawn_by": by},
        )
    except Conflict:  # no consent was recorded
        return False
    return True


def opt_out(consents: ConsentRecords, channel: Channel | str, recipient_hash: str, now: datetime) -> None:
    consents.save_opt_out(str(channel), recipient_hash, {"rh": recipient_hash, "at": now.isoformat()})


def opt_in(consents: ConsentRecords, channel: Channel | str, recipient_hash: str) -> None:
    consents.remove_opt_out(str(channel), recipient_hash)


def consent_of(item: dict[str, Any], optout: dict[str, Any] | None) -> Consent:
    return Consent(
        channel=Channel(item["channel"]),
        purpose=item["purpose"],
        source=item["source"],
        status=item["status"],
        given_at=item["given_at"],
        withdrawn_at=item.get("withdrawn_at"),
        withdrawn_by=item.get("withdrawn_by"),
        platform_opt_out=optout is not None,
    )
