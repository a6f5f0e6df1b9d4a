"""Personal information: keyed hashes for lookups without storing contact details in clear.

A keyed hash (HMAC-SHA256 with the platform pepper, a secret kept in Secrets Manager) lets the
platform find "this API key" or "this phone number" again without being able to reverse it, and
without the pepper a stolen table is useless for a dictionary attack. Free text is redacted with
`redact()` (core/redaction.py) before it is stored or logged.
"""

import hashlib
import hmac

# Free text: typed placeholders for what people write about themselves (see core/redaction.py).
from numeriqc.core.redaction import PLACEHOLDERS, Kind, Span, find, redact, redact_url

__all__ = ["PLACEHOLDERS", "Kind", "Span", "find", "keyed_hash", "mask", "redact", "redact_url"]


def keyed_hash(value: str, pepper: bytes, purpose: str) -> str:
    """HMAC-SHA256 of `value`, domain-separated by `purpose` so a hash never matches across uses."""
    return hmac.new(pepper, f"{purpose}\x00{value}".encode(), hashlib.sha256).hexdigest()


def mask(value: str, visible: int = 2) -> str:
    """`nqc_live_abcd…` -> `nq…`: enough to tell two values apart in a log, not to use them."""
    return value[:visible] + "…" if value else ""
