"""The consent registry: an organization records consent before it sends; STOP withdraws it.

Consent is per (organization, channel, recipient) and lists the purposes the citizen consented to
(`purposes`: each recording adds its `purpose`). A send may name the purpose it serves (itself, or
its template): then that purpose must be among them. A send naming none is for the default
purpose, which any active consent covers: every consent recorded before purposes were checked, and
every client that names none, keep working unchanged. A STOP / ARRÊT reply is platform-wide for that
phone number, because a reply does not say which organization it answers (SNS's own opt-out list
is account-wide for the same reason). A send needs an active consent and no platform opt-out.

A withdrawal is the citizen's: an organization cannot record consent over it (`recording_refusal`).
Only a new act of the citizen restores consent: START / ABONNER by SMS lifts a platform opt-out
(sms_replies.py), and for a withdrawn consent the organization presents `citizen_token`, the signed
token of the platform's unsubscribe link for that organization, channel and address (unsubscribe.py),
which only the citizen's mailbox holds: the citizen followed it to the organization's form. An
organization may record again over its own withdrawal (`withdrawn_by` "organization").
"""

from datetime import datetime
from typing import Any

from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict as ConflictProblem
from numeriqc.core.problems import FieldError, Problem, ValidationFailed
from numeriqc.notifications import addresses
from numeriqc.notifications.models import Channel, Consent
from numeriqc.notifications.platform_templates import PLATFORM_ORG
from numeriqc.notifications.ports import Conflict, ConsentRecords

ORGANIZATION = "organization"  # `withdrawn_by` when the organization withdrew consent itself
_OPTED_OUT = Message(
    "Le citoyen a répondu ARRÊT : seule sa réponse ABONNER (START) rétablit les envois.",
    "The citizen replied STOP: only their START (ABONNER) reply restores sending.",
)
_WITHDRAWN_BY_CITIZEN = Message(
    "Le citoyen a retiré son consentement : seul un nouveau geste de sa part le rétablit "
    "(citizen_token, le jeton signé de son lien de désabonnement).",
    "The citizen withdrew their consent: only a new act of theirs restores it "
    "(citizen_token, the signed token of their unsubscribe link).",
)
_BAD_CITIZEN_TOKEN = Message(
    "Ce jeton n'a pas été signé par la plateforme pour cet organisme, ce canal et ce destinataire.",
    "This token was not signed by the platform for this organization, channel and recipient.",
)
_NO_TIME_ZONE = Message(
    "La date doit préciser son fuseau horaire (par exemple 2026-05-01T09:00:00-04:00).",
    "The date must carry its time zone (for example 2026-05-01T09:00:00-04:00).",
)
_IN_THE_FUTURE = Message(
    "Le consentement ne peut pas être donné dans le futur.", "Consent cannot be given in the future."
)
CHANGED_MEANWHILE = Message(
    "Le consentement a changé pendant l'enregistrement; relisez-le puis réessayez.",
    "The consent changed while it was being recorded; read it again, then retry.",
)
_BEFORE_WITHDRAWAL = Message(
    "Le consentement doit être postérieur à son retrait du {withdrawn_at}.",
    "Consent must be given after its withdrawal of {withdrawn_at}.",
)


def recording_refusal(
    existing: dict[str, Any] | None,
    optout: dict[str, Any] | None,
    *,
    given_at: datetime,
    now: datetime,
    citizen_token: str | None,
    token_valid: bool,
) -> Problem | None:
    """Why an organization may not record this consent now, or None. In order: a malformed
    `given_at` (422, `body.given_at`), a token that is not the citizen's (422,
    `body.citizen_token`), a platform opt-out (409), a citizen's withdrawal without the citizen's
    token (409)."""
    if given_at.tzinfo is None or given_at.utcoffset() is None:
        return _invalid("body.given_at", "no_time_zone", _NO_TIME_ZONE)
    if given_at > now:
        return _invalid("body.given_at", "in_the_future", _IN_THE_FUTURE)
    withdrawn_at = _withdrawn_at(existing)
    if withdrawn_at is not None and given_at <= withdrawn_at:
        return _invalid(
            "body.given_at", "before_withdrawal", _BEFORE_WITHDRAWAL, withdrawn_at=withdrawn_at.isoformat()
        )
    if citizen_token is not None and not token_valid:
        return _invalid("body.citizen_token", "invalid_token", _BAD_CITIZEN_TOKEN)
    if optout is not None:
        return ConflictProblem(_OPTED_OUT)
    withdrawn_by_citizen = withdrawn_at is not None and (existing or {}).get("withdrawn_by") != ORGANIZATION
    if withdrawn_by_citizen and citizen_token is None:
        return ConflictProblem(_WITHDRAWN_BY_CITIZEN)
    return None


def _withdrawn_at(existing: dict[str, Any] | None) -> datetime | None:
    if not existing or existing.get("status") != "withdrawn" or not existing.get("withdrawn_at"):
        return None
    return datetime.fromisoformat(str(existing["withdrawn_at"]))


def _invalid(field: str, code: str, message: Message, **params: object) -> Problem:
    return ValidationFailed(errors=[FieldError(field, code, message, **params)])


def applies(channel: Channel, recipient: str) -> bool:
    """Whether a send to `recipient` needs consent: the one rule of every path (one-off, reminders,
    bulk rows, the sender's re-check) and of both worlds. A test key sends nothing, but it is where
    an integration is rehearsed, so it is refused exactly where live would be; only the reserved
    simulated recipients (addresses.py), which belong to nobody, need none."""
    return addresses.simulated_outcome(channel, recipient) is None


def exempt(channel: Channel) -> list[str]:
    """The recipients `applies` exempts (so a sender can know them by keyed hash, without
    decrypting a recipient)."""
    table = addresses.SIMULATED_EMAILS if channel is Channel.EMAIL else addresses.SIMULATED_PHONES
    return [recipient for recipient in table if not applies(channel, recipient)]


def purposes_of(consent: dict[str, Any] | None) -> list[str]:
    """The purposes a consent record covers (a record from before `purposes`: its one `purpose`)."""
    if not consent:
        return []
    listed = consent.get("purposes") or ([consent["purpose"]] if consent.get("purpose") else [])
    return sorted({str(purpose) for purpose in listed})


def refusal(
    consent: dict[str, Any] | None,
    optout: dict[str, Any] | None,
    *,
    asked_by_citizen: bool = False,
    purpose: str | None = None,
) -> str | None:
    """Why a send is refused (`no-consent`, `withdrawn`, `no-consent-for-purpose`,
    `platform-opt-out`), or None. A platform SMS the citizen asked for on the platform's page
    (platform_sms.py) needs no organization's consent; a STOP refuses it like any other."""
    if optout is not None:
        return "platform-opt-out"
    if asked_by_citizen:
        return None
    if consent is None:
        return "no-consent"
    if consent.get("status") != "active":
        return "withdrawn"
    if purpose is not None and purpose not in purposes_of(consent):
        return "no-consent-for-purpose"
    return None


Wanted = tuple[str, str, str, str | None]  # organization, channel, recipient hash, purpose


def refusals(
    consents: ConsentRecords, wanted: list[tuple[str, Channel | str, str, str | None]]
) -> dict[Wanted, str | None]:
    """Refusal reason for each (org, channel, recipient hash, purpose), one BatchGetItem."""
    keys = [(org_id, str(channel), rh, purpose) for org_id, channel, rh, purpose in wanted]
    states = consents.consent_states(list({(org, channel, rh) for org, channel, rh, _ in keys}))
    return {
        one: refusal(*states[one[:3]], asked_by_citizen=one[0] == PLATFORM_ORG, purpose=one[3])
        for one in keys
    }


def record(
    consents: ConsentRecords,
    org_id: str,
    channel: Channel,
    recipient_hash: str,
    *,
    purpose: str,
    source: str,
    given_at: datetime,
    replacing: dict[str, Any] | None = None,
) -> Consent:
    """Record consent over `replacing`, the record as it was read: if a withdrawal lands between the
    read and this write, the write is refused (Conflict), never laid over the citizen's act."""
    active = replacing is not None and replacing.get("status") == "active"
    item = {
        "rh": recipient_hash,
        "channel": channel.value,
        "purpose": purpose,
        "purposes": sorted({*(purposes_of(replacing) if active else []), purpose}),
        "source": source,
        "status": "active",
        "given_at": given_at.isoformat(),
    }
    seen = (replacing or {}).get("withdrawn_at")
    consents.save_consent(
        org_id, channel.value, recipient_hash, item, withdrawn_at=str(seen) if seen is not None else None
    )
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


def opt_out(
    consents: ConsentRecords,
    channel: Channel | str,
    recipient_hash: str,
    now: datetime,
    *,
    source: str = "sms-reply",
) -> None:
    """The platform-wide opt-out: a STOP reply (`sms-reply`) or a receipt naming an opted-out number
    (`sms-receipt`)."""
    item = {"rh": recipient_hash, "at": now.isoformat(), "source": source}
    consents.save_opt_out(str(channel), recipient_hash, item)


def opt_in(consents: ConsentRecords, channel: Channel | str, recipient_hash: str) -> None:
    consents.remove_opt_out(str(channel), recipient_hash)


def consent_of(item: dict[str, Any], optout: dict[str, Any] | None) -> Consent:
    return Consent(
        channel=Channel(item["channel"]),
        purpose=item["purpose"],
        purposes=purposes_of(item),
        source=item["source"],
        status=item["status"],
        given_at=item["given_at"],
        withdrawn_at=item.get("withdrawn_at"),
        withdrawn_by=item.get("withdrawn_by"),
        platform_opt_out=optout is not None,
    )
