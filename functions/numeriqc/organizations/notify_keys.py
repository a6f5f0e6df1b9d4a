"""GOV.UK Notify-style API keys and the JWT they sign: the rules, pure (docs/decisions/0006).

A Notify key reads `{name}-{service id}-{secret}`: the official clients take the last 36
characters as the secret and the 36 before as the service id, sign an HS256 JWT whose `iss` is the
service id and `iat` the time, and send it as `Authorization: Bearer <JWT>` on every request.

- The service id of an organization is derived from its id (UUID 5): nothing to store or look up.
- The secret of a key is derived from the pepper and the key's id (HMAC-SHA256): it is stored
  nowhere, in clear or otherwise, and the authorizer recomputes it for the key ids it reads.
- A token is refused when its `iat` is more than 30 seconds away from the platform's clock
  (Notify's rule), when no active key of the service signed it, and when it is replayed: the
  official clients make one token per request, with a one-second `iat`, so the same token may
  legitimately be sent several times within the second it was first seen, never later. A token
  carrying a `jti` (Notify's clients do not send one) is single-use.
- A team key sends for real, but only to the organization's guest list (core/guest_list.py): the
  list is read in the same Query as the keys and travels in the authorizer's context as hashes.
"""

import base64
import binascii
import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from numeriqc.core import guest_list
from numeriqc.core.auth import Scope
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.ids import new_ulid
from numeriqc.organizations.models import NewNotifyKey, NotifyKey, NotifyKind
from numeriqc.organizations.ports import NotifyKeyLookup, NotifyKeyRecords, TokenLedger

SERVICE_NAMESPACE = uuid.UUID("4f1b7c8e-5d1a-4e39-9a57-6b0a8d2f3c10")
SECRET_PURPOSE = b"notify-api-key-secret"
CLOCK_SKEW = timedelta(seconds=30)
# The same token (one `iat` second) may arrive more than once within the second it was first seen.
REUSE_WINDOW = timedelta(seconds=1)
NOTIFY_SCOPES = frozenset({Scope.NOTIFICATIONS_SEND, Scope.NOTIFICATIONS_MANAGE})


class TokenStatus(StrEnum):
    VALID = "valid"
    MISSING = "missing"
    MALFORMED = "malformed"
    UNKNOWN_SERVICE = "unknown-service"
    SIGNATURE = "signature"
    CLOCK = "clock"
    REVOKED = "revoked"
    EXPIRED = "expired"
    REPLAYED = "replayed"


@dataclass(frozen=True)
class Token:
    """A parsed, not yet verified, JWT."""

    signing_input: bytes
    signature: bytes
    issuer: str
    issued_at: int
    token_id: str | None


def service_id(org_id: str) -> str:
    return str(uuid.uuid5(SERVICE_NAMESPACE, f"numeriqc-organization:{org_id}"))


def secret(key_id: str, pepper: bytes) -> str:
    """The key's secret, UUID-shaped as Notify's (the clients slice 36 characters)."""
    subkey = hmac.new(pepper, SECRET_PURPOSE, hashlib.sha256).digest()
    digest = hmac.new(subkey, key_id.encode(), hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def api_key(name: str, service: str, key_secret: str) -> str:
    return f"{name}-{service}-{key_secret}"


def key_name(text: str) -> str:
    """Notify keys start with a readable name: lower case, no spaces (the clients split on length)."""
    cleaned = "_".join(text.strip().lower().split())
    return cleaned[:64] or "numeriqc"


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2 and token.startswith("eyJ")


def _b64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def parse(token: str) -> Token | None:
    """The token's parts, or None when it is not an HS256 JWT with an issuer and a whole `iat`."""
    try:
        header_part, claims_part, signature_part = token.split(".")
        header: Any = json.loads(_b64(header_part))
        claims: Any = json.loads(_b64(claims_part))
        signature = _b64(signature_part)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or header.get("alg") != "HS256" or not isinstance(claims, dict):
        return None
    issuer, issued_at, token_id = claims.get("iss"), claims.get("iat"), claims.get("jti")
    if not isinstance(issuer, str) or not isinstance(issued_at, int) or isinstance(issued_at, bool):
        return None
    return Token(
        signing_input=f"{header_part}.{claims_part}".encode(),
        signature=signature,
        issuer=issuer,
        issued_at=issued_at,
        token_id=token_id if isinstance(token_id, str) and token_id else None,
    )


def fresh(token: Token, now: datetime) -> bool:
    return abs(now.timestamp() - token.issued_at) <= CLOCK_SKEW.total_seconds()


def signer(token: Token, candidates: list[NotifyKey], pepper: bytes) -> NotifyKey | None:
    """The service's key whose secret signed the token (Notify tries each key of the service)."""
    for record in candidates:
        expected = hmac.new(secret(record.key_id, pepper).encode(), token.signing_input, hashlib.sha256)
        if hmac.compare_digest(expected.digest(), token.signature):
            return record
    return None


def key_status(record: NotifyKey, now: datetime) -> TokenStatus:
    if record.revoked_at is not None and record.revoked_at <= now:
        return TokenStatus.REVOKED
    if record.expires_at is not None and record.expires_at <= now:
        return TokenStatus.EXPIRED
    return TokenStatus.VALID


def replay_marker(token: Token) -> str:
    """What identifies a token's uses: its `jti` when it has one, else its signature."""
    return "jti:" + token.token_id if token.token_id else "sig:" + token.signature.hex()


def replayed(token: Token, first_seen: datetime | None, now: datetime) -> bool:
    """`first_seen` is None for a token never seen before. A `jti` is single-use; a token without
    one is reusable within the second it was first seen (the clients' `iat` is whole seconds)."""
    if first_seen is None:
        return False
    if token.token_id:
        return True
    return now - first_seen > REUSE_WINDOW


def authenticate(
    keys: NotifyKeyLookup, ledger: TokenLedger, pepper: bytes, token: str, now: datetime
) -> tuple[TokenStatus, NotifyKey | None]:
    """The status of a Notify JWT. Cheap refusals first: a malformed or stale token costs no read;
    the service's keys are one read per cold service (the lookup caches), a replay check one write."""
    parsed = parse(token)
    if parsed is None:
        return TokenStatus.MALFORMED, None
    if not fresh(parsed, now):
        return TokenStatus.CLOCK, None
    record = signer(parsed, keys.notify_keys(parsed.issuer), pepper)
    if record is None:  # perhaps a key made since the keys were cached: read once more (at most)
        candidates = keys.notify_keys(parsed.issuer, refresh=True)
        if not candidates:
            return TokenStatus.UNKNOWN_SERVICE, None
        record = signer(parsed, candidates, pepper)
    if record is None:
        return TokenStatus.SIGNATURE, None
    status = key_status(record, now)
    if status is not TokenStatus.VALID:
        return status, record
    # Kept past the last moment the token could be fresh, then expired by the table's TTL.
    until = datetime.fromtimestamp(parsed.issued_at, tz=now.tzinfo) + CLOCK_SKEW + REUSE_WINDOW
    if replayed(parsed, ledger.first_seen(record.service_id, replay_marker(parsed), now, until), now):
        return TokenStatus.REPLAYED, record
    return TokenStatus.VALID, record


def create_key(
    store: NotifyKeyRecords,
    pepper: bytes,
    *,
    org_id: str,
    name: str,
    kind: NotifyKind,
    clock: Clock = installed_clock,
) -> NewNotifyKey:
    """A new key for `org_id`, returned once; the organization must exist (the caller checks)."""
    record = NotifyKey(
        key_id=new_ulid(clock),
        org_id=org_id,
        service_id=service_id(org_id),
        name=key_name(name),
        kind=kind,
        created_at=clock(),
    )
    store.add_notify_key(record)
    return NewNotifyKey(
        key=api_key(record.name, record.service_id, secret(record.key_id, pepper)), record=record
    )


def revoke_key(
    store: NotifyKeyRecords, org_id: str, key_id: str, clock: Clock = installed_clock
) -> NotifyKey | None:
    """The revoked key, or None when the organization has no such key."""
    return store.revoke_notify_key(service_id(org_id), key_id, clock())


def replace_guest_list(
    store: NotifyKeyRecords, pepper: bytes, org_id: str, entries: list[str], clock: Clock = installed_clock
) -> tuple[int, list[int]]:
    """Replaces the organization's guest list: (entries kept, indexes refused). Nothing is written
    when one entry is neither an email nor a phone number: the list is whole or unchanged."""
    hashes, bad = guest_list.hashes(entries, pepper)
    if bad:
        return 0, bad
    store.put_guest_list(service_id(org_id), hashes, clock())
    return len(hashes), []
