"""The guest list of Notify "team" keys: who a team key may send to, as keyed hashes (docs/decisions/0006).

GOV.UK Notify's team keys send for real, but only to the service's team and guest list. Here the
list is per organization, written whole (PUT) and kept as HMAC-SHA256 hashes under the pepper
(purpose `notify-guest-list`): the platform never keeps a recipient in clear. The organizations
service hashes the entries it is given; the notifications service hashes the recipient of a
team-key send the same way and compares: both call `entry_hash` on `normal_form`.

`normal_form` fixes the whole class of "same address, other spelling" once, for both sides:
NFKC first (full-width digits and letters, compatibility forms, composed vs decomposed accents),
then an email (it has an `@`) is case-folded, and anything else must be a valid phone number,
written in E.164 (spaces, dashes, dots, brackets, with or without +1).
"""

import unicodedata

from numeriqc.core.phones import e164_or_none
from numeriqc.core.pii import keyed_hash

PURPOSE = "notify-guest-list"
MAX_ENTRIES = 20  # Notify's guest list holds a handful; the hashes travel in the authorizer's context
HASH_CHARS = 32  # 128 bits of the HMAC: ample to tell 20 entries apart, half the context bytes
_MAX_EMAIL = 254


def normal_form(raw: str) -> str | None:
    """The one spelling of an email or phone number, or None when it is neither."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return None
    if "@" in text:
        local, _, domain = text.rpartition("@")
        if not local or "." not in domain or any(c.isspace() for c in text) or len(text) > _MAX_EMAIL:
            return None
        return unicodedata.normalize("NFKC", text.casefold())
    return e164_or_none(text)


def entry_hash(normal: str, pepper: bytes) -> str:
    return keyed_hash(normal, pepper, PURPOSE)[:HASH_CHARS]


def hashes(entries: list[str], pepper: bytes) -> tuple[list[str], list[int]]:
    """The sorted, deduplicated hashes of `entries`, and the indexes of those that are neither an
    email nor a phone number (the caller refuses the whole list when there is one)."""
    kept: set[str] = set()
    bad: list[int] = []
    for index, entry in enumerate(entries):
        normal = normal_form(entry)
        if normal is None:
            bad.append(index)
        else:
            kept.add(entry_hash(normal, pepper))
    return sorted(kept), bad


def allowed(recipient: str, guest_hashes: frozenset[str], pepper: bytes) -> bool:
    """Whether a team key may send to `recipient`: fails closed on anything unreadable."""
    normal = normal_form(recipient)
    return normal is not None and entry_hash(normal, pepper) in guest_hashes
