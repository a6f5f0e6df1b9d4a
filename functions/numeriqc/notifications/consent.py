"""The consent registry: an organization records consent before it sends; STOP withdraws it.

Consent is per (organization, channel, recipient); a STOP / ARRÊT reply is platform-wide for that
phone number, because a reply does not say which organization it answers (SNS's own opt-out list
is account-wide for the same reason). A send needs an active consent and no platform opt-out.
"""

from datetime import datetime
from typing import Any

from numeriqc.notifications.adapters import table as layout
from numeriqc.notifications.adapters.table import Conflict
from numeriqc.notifications.models import Channel, Consent
from numeriqc.notifications.ports import Table


def consent_key(org_id: str, channel: Channel | str, recipient_hash: str) -> tuple[str, str]:
    return layout.consent_key(org_id, str(channel), recipient_hash)


def optout_key(channel: Channel | str, recipient_hash: str) -> tuple[str, str]:
    return layout.optout_key(str(channel), recipient_hash)


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
    table: Table, wanted: list[tuple[str, Channel | str, str]]
) -> dict[tuple[str, str, str], str | None]:
    """Refusal reason for each (org, channel, recipient hash), read with BatchGetItem."""
    keys = []
    for org_id, channel, rh in wanted:
        keys += [consent_key(org_id, channel, rh), optout_key(channel, rh)]
    found = table.get_many(keys)
    return {
        (org_id, str(channel), rh): refusal(
            found.get(consent_key(org_id, channel, rh)), found.get(optout_key(channel, rh))
        )
        for org_id, channel, rh in wanted
    }


def record(
    table: Table,
    org_id: str,
    channel: Channel,
    recipient_hash: str,
    *,
    purpose: str,
    source: str,
    given_at: datetime,
) -> Consent:
    pk, sk = consent_key(org_id, channel, recipient_hash)
    item = {
        "pk": pk,
        "sk": sk,
        "rh": recipient_hash,
        "channel": channel.value,
        "purpose": purpose,
        "source": source,
        "status": "active",
        "given_at": given_at.isoformat(),
    }
    table.put(item)
    return consent_of(item, None)


def withdraw(
    table: Table,
    org_id: str,
    channel: Channel | str,
    recipient_hash: str,
    *,
    by: str,
    now: datetime,
) -> bool:
    pk, sk = consent_key(org_id, channel, recipient_hash)
    try:
        table.update(
            pk,
            sk,
            set_values={"status": "withdrawn", "withdrawn_at": now.isoformat(), "withdrawn_by": by},
            condition="attribute_exists(pk)",
        )
    except Conflict:
        return False
    return True


def opt_out(table: Table, channel: Channel | str, recipient_hash: str, now: datetime) -> None:
    pk, sk = optout_key(channel, recipient_hash)
    table.put({"pk": pk, "sk": sk, "rh": recipient_hash, "at": now.isoformat()})


def opt_in(table: Table, channel: Channel | str, recipient_hash: str) -> None:
    table.delete_many([optout_key(channel, recipient_hash)])


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
