"""RFC 8058 one-click unsubscribe tokens: which organization, channel and recipient (by keyed hash).

The token is signed with an HMAC keyed by the platform pepper, so the public endpoint trusts it
without a lookup and nobody can unsubscribe someone else by guessing. It carries no contact detail.
"""

import base64
import hashlib
import hmac

PURPOSE = b"numeriqc-unsubscribe-v1"


def _signature(pepper: bytes, payload: str) -> str:
    key = hmac.new(pepper, PURPOSE, hashlib.sha256).digest()
    digest = hmac.new(key, payload.encode(), hashlib.sha256).digest()[:18]
    return base64.urlsafe_b64encode(digest).decode()


def make_token(pepper: bytes, org_id: str, purpose: str, recipient_hash: str) -> str:
    payload = f"{org_id}~{purpose}~{recipient_hash}"
    encoded = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
    return f"{encoded}.{_signature(pepper, payload)}"


def read_token(pepper: bytes, token: str) -> tuple[str, str, str] | None:
    """(org_id, purpose, recipient_hash), or None for a token this platform did not sign."""
    encoded, _, signature = token.partition(".")
    try:
        payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except ValueError:
        return None
    if not hmac.compare_digest(_signature(pepper, payload), signature):
        return None
    parts = payload.split("~")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None
