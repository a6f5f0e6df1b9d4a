"""What citizens and organizations do about consent: record, look up, withdraw, unsubscribe, erase."""

from datetime import datetime

from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.notifications import addresses, consent, problems
from numeriqc.notifications import unsubscribe as tokens
from numeriqc.notifications.context import Context
from numeriqc.notifications.models import Channel, Consent, ConsentIn, ConsentLookup, ErasureIn, ErasureOut
from numeriqc.notifications.store import org_pk


def _hash(ctx: Context, channel: Channel, raw: str) -> str:
    recipient = addresses.normalise(channel, raw)
    if isinstance(recipient, addresses.Invalid):
        raise ValidationFailed(
            errors=[
                FieldError("body.recipient", "invalid_recipient", recipient.message, reason=recipient.reason)
            ]
        )
    return ctx.recipient_hash(addresses.hash_key(channel, recipient))


def record_consent(ctx: Context, org_id: str, request: ConsentIn, now: datetime) -> Consent:
    rh = _hash(ctx, request.channel, request.recipient)
    given = request.given_at or now
    recorded = consent.record(
        ctx.store, org_id, request.channel, rh, purpose=request.purpose, source=request.source, given_at=given
    )
    optout = ctx.store.get(*consent.optout_key(request.channel, rh))
    return recorded.model_copy(update={"platform_opt_out": optout is not None})


def lookup_consent(ctx: Context, org_id: str, request: ConsentLookup) -> Consent:
    rh = _hash(ctx, request.channel, request.recipient)
    found = ctx.store.get_many(
        [consent.consent_key(org_id, request.channel, rh), consent.optout_key(request.channel, rh)]
    )
    item = found.get(consent.consent_key(org_id, request.channel, rh))
    if item is None:
        raise NotFound(problems.NO_CONSENT)
    return consent.consent_of(item, found.get(consent.optout_key(request.channel, rh)))


def withdraw_consent(ctx: Context, org_id: str, request: ConsentLookup, now: datetime) -> Consent:
    rh = _hash(ctx, request.channel, request.recipient)
    if not consent.withdraw(ctx.store, org_id, request.channel, rh, by="organization", now=now):
        raise NotFound(problems.NO_CONSENT)
    return lookup_consent(ctx, org_id, request)


def unsubscribe(ctx: Context, token: str, now: datetime) -> None:
    """RFC 8058: the signed token names organization and recipient; withdrawing twice is fine."""
    read = tokens.read_token(ctx.pepper, token)
    if read is None:
        raise ValidationFailed(errors=[FieldError("path.token", "invalid_token", problems.BAD_TOKEN)])
    org_id, channel, rh = read
    consent.withdraw(ctx.store, org_id, channel, rh, by="one-click-unsubscribe", now=now)


def erase(ctx: Context, org_id: str, request: ErasureIn) -> ErasureOut:
    """Remove what the platform holds on one citizen for this organization: consent and content are
    deleted, the statuses of their notifications lose the recipient's hash (they stay, anonymized)."""
    rh = _hash(ctx, request.channel, request.recipient)
    pk = org_pk(org_id)
    keys = [key for key in ctx.store.by_recipient(rh) if key[0] == pk]
    consents = [key for key in keys if key[1].startswith("CONSENT#")]
    contents = [key for key in keys if key[1].startswith("C#")]
    statuses = [key for key in keys if key[1].startswith("N#")]
    ctx.store.delete_many(consents + contents)
    for pk_, sk in statuses:  # rare and small: one update each keeps the statuses, drops the hash
        ctx.store.update(pk_, sk, set_values={"erased": True}, remove=["rh"])
    return ErasureOut(
        consents_removed=len(consents), contents_removed=len(contents), notifications_anonymized=len(statuses)
    )
