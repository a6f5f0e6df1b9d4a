"""Signing pushed deliveries the Standard Webhooks way, and verifying them (the consumer's side).

Each POST carries three headers: `webhook-id` (the delivery's id, the same on every retry),
`webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`: `v1,` then the base64
HMAC-SHA256, keyed with the endpoint's secret, of `<id>.<timestamp>.<body>`. The timestamp is
signed, so a captured request replayed later than `TOLERANCE_SECONDS` is refused, and the id lets a
consumer drop a delivery it already processed. A consumer may use any Standard Webhooks library, or
`verify()` below (pure, standard library only: copy it as it is).

The secret is not stored: it is derived from the platform pepper and the endpoint's id
(`secret_for`), returned once when the endpoint is registered, and derived again by the pusher.
Registering the endpoint again (a new id) rotates it.
"""

import base64
import hashlib
import hmac
from collections.abc import Mapping

PREFIX = "whsec_"
TOLERANCE_SECONDS = 300
_PURPOSE = b"exchange-push-secret\x00"


def secret_for(pepper: bytes, endpoint_id: str) -> str:
    """The endpoint's secret: `whsec_` and 32 bytes of HMAC(pepper, purpose, endpoint id), base64."""
    key = hmac.new(pepper, _PURPOSE + endpoint_id.encode(), hashlib.sha256).digest()
    return PREFIX + base64.b64encode(key).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(PREFIX))


def signature(secret: str, delivery_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{delivery_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(_key(secret), signed, hashlib.sha256).digest()).decode()


def headers(secret: str, delivery_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": delivery_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, delivery_id, timestamp, body),
    }


def verify(secret: str, request_headers: Mapping[str, str], body: bytes, now: int) -> bool:
    """True when the request was signed with `secret` within `TOLERANCE_SECONDS` of `now` (Unix
    seconds). Header names are read case-insensitively; any one of the listed signatures may match
    (several are sent while a secret is being rotated)."""
    lowered = {name.lower(): value for name, value in request_headers.items()}
    delivery_id = lowered.get("webhook-id", "")
    stamp = lowered.get("webhook-timestamp", "")
    if not delivery_id or not stamp.isdigit() or abs(now - int(stamp)) > TOLERANCE_SECONDS:
        return False
    expected = signature(secret, delivery_id, int(stamp), body)
    offered = lowered.get("webhook-signature", "").split()
    return any(hmac.compare_digest(expected, candidate) for candidate in offered)
