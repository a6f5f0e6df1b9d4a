"""Who a recipient is, without their contact detail: a keyed hash under the platform pepper.

Consent, opt-outs, statuses and erasure all find a recipient by this hash; the pepper is read on
first use (one Secrets Manager call per container), so entry points that never hash never read it.
"""

from collections.abc import Callable

from numeriqc.core.pii import keyed_hash

RECIPIENT_PURPOSE = "notifications-recipient"


class PepperedHasher:
    """`hasher(addresses.hash_key(channel, recipient))` -> the recipient's keyed hash."""

    def __init__(self, pepper: Callable[[], bytes]) -> None:
        self._pepper = pepper

    def __call__(self, key: str) -> str:
        return keyed_hash(key, self._pepper(), RECIPIENT_PURPOSE)
