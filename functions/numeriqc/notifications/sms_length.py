"""SMS arithmetic: GSM-7 (with its extension table) versus UCS-2, fragments, and transliteration.

An SMS is 140 bytes: 160 GSM-7 septets or 70 UCS-2 code units; a concatenated message loses room for
its header (153 / 67 per fragment). One character outside GSM-7 turns the whole message into UCS-2,
and French accents GSM-7 lacks (ê â î ô û ç ...) are the usual culprits, so an opt-in mode replaces
them with their GSM-7 look-alikes and the preview shows what it saves.
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


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


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
        fragments = 1 if units <= 70 else -(-units // 67)
        return SmsInfo(Encoding.UCS2, units, fragments if units else 0, tuple(forcing))
    fragments = 1 if septets <= 160 else -(-septets // 153)
    return SmsInfo(Encoding.GSM7, septets, fragments if septets else 0, ())


def transliterate(text: str) -> str:
    """Replace characters GSM-7 lacks by look-alikes it has; others (emoji...) stay and force UCS-2."""
    return "".join(TRANSLITERATIONS.get(char, char) for char in text)
