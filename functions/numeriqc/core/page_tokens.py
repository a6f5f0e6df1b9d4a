"""Page tokens: where a listing stopped, handed to the client and accepted back only from its owner.

A token is the position (a DynamoDB key) as compact JSON, base64url, and an HMAC-SHA256 of it under
the platform pepper and a scope (the listing and the organization). A token edited by hand, cut
short, or issued to another organization fails the MAC: `BadPageToken`, which the rule answers as
a 400 naming the query parameter. The position itself holds only ids, never personal data.
"""

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

MAC_BYTES = 16


class BadPageToken(ValueError):
    """A token this scope did not issue."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, scope: str, payload: str) -> bytes:
    return hmac.new(key, f"page-token\n{scope}\n{payload}".encode(), hashlib.sha256).digest()[:MAC_BYTES]


def seal(position: dict[str, Any], *, key: bytes, scope: str) -> str:
    """The token of `position` for `scope` (e.g. `notifications/<org id>`)."""
    payload = _b64(json.dumps(position, separators=(",", ":"), sort_keys=True).encode())
    return f"{payload}.{_b64(_mac(key, scope, payload))}"


def open_token(token: str, *, key: bytes, scope: str) -> dict[str, Any]:
    """The position `seal` put in `token` for this very scope, or `BadPageToken`."""
    payload, dot, mac = token.partition(".")
    try:
        if not dot or not hmac.compare_digest(_unb64(mac), _mac(key, scope, payload)):
            raise BadPageToken("not issued for this scope")
        position = json.loads(_unb64(payload))
    except (ValueError, binascii.Error, UnicodeError) as error:
        raise BadPageToken("unreadable") from error
    if not isinstance(position, dict):
        raise BadPageToken("not a position")
    return position
