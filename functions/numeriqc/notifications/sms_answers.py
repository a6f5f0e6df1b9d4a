"""Reading a citizen's SMS reply as the answer to a question the platform asked by SMS. Pure logic.

The first piece of "Citizens by SMS" (issue 9): an SMS poll's numbered options or 0-10 scale, and
feedback's "reply 1 to 5", all ask a one-number question. `answer` decides what a reply means for
such a question: a number in range (« 2 », « 10 », « 3. », « #4 »), yes / no as 1 / 2 for a two-option
question (« oui », « Non », « yes »), or None when unreadable (the caller sends ONE help message in the
question's language, never a second: see `help_due`). Keywords are decided before this, by
`keywords.keyword`: STOP / ARRÊT / AIDE always win over an answer (`Question`s never see them).

Not wired yet (docs/notifications.md, "Not built yet"): recording, per (number hash, sender), the
last open question sent, and routing a non-keyword reply in `sms_replies.SmsReplies` to it.
"""

import re
import unicodedata
from dataclasses import dataclass

_YES = frozenset({"OUI", "YES", "O", "Y"})
_NO = frozenset({"NON", "NO", "N"})
_NUMBER = re.compile(r"^#?(\d{1,2})[.)!]?$")


@dataclass(frozen=True)
class Question:
    """A one-number question: answers from `low` to `high` inclusive (1..n options, 0..10 scale)."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if not 0 <= self.low < self.high <= 10:  # SMS questions are 0-10 at most
            raise ValueError(f"a question answers {self.low}..{self.high}")


def _folded(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().upper().strip(".!,;:")


def answer(body: str, question: Question) -> int | None:
    """The reply's value for the question, or None when it cannot be read as exactly one answer."""
    words = body.strip().split()
    if len(words) != 1:
        return None
    word = words[0]
    found = _NUMBER.match(word)
    if found:
        value = int(found[1])
        return value if question.low <= value <= question.high else None
    folded = _folded(word)
    if (question.low, question.high) == (1, 2):
        if folded in _YES:
            return 1
        if folded in _NO:
            return 2
    return None


def help_due(unreadable_before: int) -> bool:
    """Whether an unreadable reply gets the help message: the first one only, never a loop."""
    return unreadable_before == 0
