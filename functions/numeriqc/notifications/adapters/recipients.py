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


class AnswerKeyer:
    """`keyer(number, purpose)` -> a keyed hash of the number under that purpose: the key an
    asking service keeps one answer by (sms_questions.ANSWER_PURPOSE, per sender and question)."""

    def __init__(self, pepper: Callable[[], bytes]) -> None:
        self._pepper = pepper

    def __call__(self, number: str, purpose: str) -> str:
        return keyed_hash(number, self._pepper(), purpose)
