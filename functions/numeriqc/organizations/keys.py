"""API keys: how they look, how they are checked, and when one stops working. Pure logic.

A key reads `nqc_live_<32 random base62 chars><6-char checksum>`: the prefix says what it is (secret
scanners can find leaked keys, people can tell test from live), the checksum rejects typos and
random strings without a database read, and 190 random bits make guessing hopeless.
"""

import secrets
import zlib
from datetime import datetime
from enum import StrEnum

from numeriqc.core.auth import KeyKind
from numeriqc.core.pii import keyed_hash
from numeriqc.organizations.models import ApiKey

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SECRET_LENGTH = 32
_CHECKSUM_LENGTH = 6
PREFIX = "nqc"
HASH_PURPOSE = "api-key"


class KeyStatus(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    REVOKED = "revoked"
    EXPIRED = "expired"


def _base62(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, index = divmod(value, 62)
        chars.append(_BASE62[index])
    return "".join(reversed(chars))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode()), _CHECKSUM_LENGTH)


def generate_key(kind: KeyKind) -> str:
    body = f"{PREFIX}_{kind.value}_" + "".join(secrets.choice(_BASE62) for _ in range(_SECRET_LENGTH))
    return body + _checksum(body)


def well_formed(key: str) -> bool:
    """Shape and checksum only: a key that fails this cannot exist, so no lookup is needed."""
    parts = key.split("_")
    if len(parts) != 3 or parts[0] != PREFIX or parts[1] not in {kind.value for kind in KeyKind}:
        return False
    tail = parts[2]
    if len(tail) != _SECRET_LENGTH + _CHECKSUM_LENGTH or any(char not in _BASE62 for char in tail):
        return False
    body = key[:-_CHECKSUM_LENGTH]
    return secrets.compare_digest(_checksum(body), key[-_CHECKSUM_LENGTH:])


def bearer_token(authorization: str | None) -> str | None:
    """The key in an `Authorization: Bearer <key>` header (scheme case-insensitive, RFC 9110)."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def key_hash(key: str, pepper: bytes) -> str:
    return keyed_hash(key, pepper, HASH_PURPOSE)


def hint(key: str) -> str:
    """`nqc_live_Ab3…`: enough to recognise a key in a list, far too little to use it."""
    return key[: len(PREFIX) + 9] + "…"


def status(record: ApiKey | None, now: datetime) -> KeyStatus:
    if record is None:
        return KeyStatus.INVALID
    if record.revoked_at is not None and record.revoked_at <= now:
        return KeyStatus.REVOKED
    if record.expires_at is not None and record.expires_at <= now:
        return KeyStatus.EXPIRED
    return KeyStatus.VALID
