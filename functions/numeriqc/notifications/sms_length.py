"""SMS arithmetic: GSM-7 (with its extension table) versus UCS-2, fragments, and transliteration.

An SMS is 140 bytes: 160 GSM-7 septets or 70 UCS-2 code units; a concatenated message loses room for
its header (153 / 67 per fragment). One character outside GSM-7 turns the whole message into UCS-2,
and French accents GSM-7 lacks (ê â î ô û ç ...) are the usual culprits, so an opt-in mode replaces
them with their GSM-7 look-alikes and the preview shows what it saves.

Fragments are counted by splitting the text the way handsets and carriers do (3GPP TS 23.040 and
23.038): a GSM-7 extension character is an escape septet and its character, and a character outside
the Basic Multilingual Plane (an emoji) is a UTF-16 surrogate pair; neither is ever cut across two
fragments, so a fragment that has one septet (or unit) left before such a pair ends there and the
pair opens the next one. The count is the number of fragments that split produces, not a division:
at 153 septets per fragment, a message whose 154th septet is an escape is one fragment longer than
`ceil(length / 153)` can say.
"""

from dataclasses import dataclass
from enum import StrEnum

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")  # each costs two septets (escape + character)

# GSM-7 look-alikes for what French (and typography) uses outside GSM-7.
TRANSLITERATIONS = {
    "ê": "e", "ë": "e", "â": "a", "á": "a", "î": "i", "ï": "i", "í": "i", "ô": "o", "ó": "o",
    "û": "u", "ú": "u", "ç": "c", "œ": "oe", "ÿ": "y",
    "Ê": "E", "Ë": "E", "È": "E", "À": "A", "Â": "A", "Á": "A", "Î": "I", "Ï": "I", "Ô": "O",
    "Û": "U", "Ù": "U", "Œ": "OE", "Ÿ": "Y",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'",
    "–": "-", "—": "-", "‑": "-", "…": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "•": "-",
}  # fmt: skip


class Encoding(StrEnum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


@dataclass(frozen=True)
class SmsInfo:
    encoding: Encoding
    length: int  # septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2
    fragments: int
    unicode_characters: tuple[str, ...]  # what forces UCS-2, in order of first appearance


# Room in one SMS, and in each fragment of a concatenated one (its header takes the rest).
SINGLE = {Encoding.GSM7: 160, Encoding.UCS2: 70}
PER_FRAGMENT = {Encoding.GSM7: 153, Encoding.UCS2: 67}


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def encoding_of(text: str) -> Encoding:
    return Encoding.GSM7 if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text) else Encoding.UCS2


def cost(char: str, encoding: Encoding) -> int:
    """Septets (GSM-7: an extension character is escape + character) or UTF-16 units (UCS-2: a
    character beyond the BMP is a surrogate pair): either way 1 or 2, and a 2 is never split."""
    if encoding is Encoding.GSM7:
        return 2 if char in GSM7_EXTENSION else 1
    return 2 if ord(char) > 0xFFFF else 1


def _costs(text: str, encoding: Encoding) -> list[int]:
    if encoding is Encoding.GSM7:
        return [2 if char in GSM7_EXTENSION else 1 for char in text]
    return [2 if char > "\uffff" else 1 for char in text]


def split(text: str) -> list[str]:
    """The fragments a handset sends `text` as: whole characters only, each fragment at most its
    room (160 / 70 alone, 153 / 67 each when concatenated)."""
    encoding = encoding_of(text)
    costs = _costs(text, encoding)
    if sum(costs) <= SINGLE[encoding]:
        return [text] if text else []
    room = PER_FRAGMENT[encoding]
    fragments: list[str] = []
    start = used = 0
    for index, units in enumerate(costs):
        if used + units > room:  # the pair would straddle the boundary: it opens the next fragment
            fragments.append(text[start:index])
            start, used = index, 0
        used += units
    fragments.append(text[start:])
    return fragments


def analyse(text: str) -> SmsInfo:
    forcing: dict[str, None] = {}
    septets = 0
    for char in text:
        if char in GSM7_BASIC:
            septets += 1
        elif char in GSM7_EXTENSION:
            septets += 2
        else:
            forcing[char] = None
    if forcing:
        units = _utf16_units(text)
        return SmsInfo(Encoding.UCS2, units, _fragments(text, Encoding.UCS2, units), tuple(forcing))
    return SmsInfo(Encoding.GSM7, septets, _fragments(text, Encoding.GSM7, septets), ())


def _fragments(text: str, encoding: Encoding, length: int) -> int:
    """`len(split(text))`, by division when no pair can straddle a boundary (a length equal to the
    number of characters has no pair): the planner counts every row of a 100,000-row bulk."""
    if length == 0:
        return 0
    if length <= SINGLE[encoding]:
        return 1
    if length == len(text):
        return -(-length // PER_FRAGMENT[encoding])
    return len(split(text))


def transliterate(text: str) -> str:
    """Replace characters GSM-7 lacks by look-alikes it has; others (emoji...) stay and force UCS-2."""
    return "".join(TRANSLITERATIONS.get(char, char) for char in text)
