"""Personal information: keyed hashes for lookups without storing contact details in clear.

A keyed hash (HMAC-SHA256 with the platform pepper, a secret kept in Secrets Manager) lets the
platform find "this API key" or "this phone number" again without being able to reverse it, and
without the pepper a stolen table is useless for a dictionary attack.
"""

import hashlib
import hmac


def keyed_hash(value: str, pepper: bytes, purpose: str) -> str:
    """HMAC-SHA256 of `value`, domain-separated by `purpose` so a hash never matches across uses."""
    return hmac.new(pepper, f"{purpose}\x00{value}".encode(), hashlib.sha256).hexdigest()


def mask(value: str, visible: int = 2) -> str:
    """`nqc_live_abcd…` -> `nq…`: enough to tell two values apart in a log, not to use them."""
    return value[:visible] + "…" if value else ""
