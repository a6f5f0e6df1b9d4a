"""Personal information in citizens' free text: find it, and replace it with typed placeholders.

Canada.ca's feedback tool redacts postal codes, SIN, phone numbers, emails and addresses but keeps
the original for staff; here the original is never kept, so what a person wrote about themselves
never reaches a table, a log, an event or an export. Detection is deliberately conservative about
ordinary numbers: dates, amounts, times and file numbers must survive, so every numeric identifier
is checked by its structure (Luhn for SIN and card numbers, NANP area and exchange codes for phone
numbers, a plausible birth month and day for RAMQ numbers), and a number introduced as a file,
claim or invoice number is left alone.

Generic on purpose: every service that accepts free text from citizens calls `redact()`.
Measured on a labelled French/English corpus (tests/data/feedback/, `make bench`).
"""

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    SIN = "sin"
    RAMQ = "ramq"
    POSTAL_CODE = "postal_code"
    CARD = "card"
    ADDRESS = "address"


# French first: the placeholders are what organizations read in the comment.
PLACEHOLDERS: dict[Kind, str] = {
    Kind.EMAIL: "[courriel]",
    Kind.PHONE: "[téléphone]",
    Kind.SIN: "[NAS]",
    Kind.RAMQ: "[RAMQ]",
    Kind.POSTAL_CODE: "[code postal]",
    Kind.CARD: "[carte]",
    Kind.ADDRESS: "[adresse]",
}
# When two findings overlap, the more specific kind wins (a card number holds phone-like runs).
_PRIORITY = [Kind.EMAIL, Kind.CARD, Kind.RAMQ, Kind.SIN, Kind.PHONE, Kind.ADDRESS, Kind.POSTAL_CODE]


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: Kind


_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*\s?(?:@|\(at\)|\[at\])\s?"
    r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"
)
# 13 to 19 digits in groups separated by single spaces or dashes.
_CARD = re.compile(r"(?<![\d.,-])\d(?:[ -]?\d){12,18}(?!\d|[.,]\d)")
# 4 letters (3 of the surname, 1 of the given name) + YY MM(+50) DD + 2 digits.
_RAMQ = re.compile(r"(?<![\w])([A-Za-z]{4})[ -]?(\d{2})(\d{2})[ -]?(\d{2})(\d{2})(?![\w])")
_SIN = re.compile(r"(?<![\d.,/-])(\d{3})([ -]?)(\d{3})\2(\d{3})(?![\d/]|[.,-]\d)")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+\s?1|1)[\s.-]?)?"
    r"(?:\(\s?([2-9]\d{2})\s?\)|([2-9]\d{2}))[\s.-]?"
    r"([2-9]\d{2})[\s.-]?(\d{4})"
    r"(?:\s?(?:,\s?)?(?:poste|post\.|p\.|ext\.?|extension|x)\s?\d{1,6})?(?![\d/])"
)
# 7-digit local numbers are phone numbers only when introduced as one.
_LOCAL_PHONE = re.compile(
    r"(?i)(?:t[ée]l[ée]phone|t[ée]l\.?|phone|cell(?:ulaire)?|appel(?:ez|er)[- ]moi(?: au)?|"
    r"call me(?: at)?|joindre au|reach me at)\s*:?\s*(?:au\s+)?([2-9]\d{2}[\s.-]\d{4})(?![\d/])"
)
_POSTAL = re.compile(
    r"(?<![\w])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w])", re.IGNORECASE
)
_CAPITAL = r"[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ0-9][\w'’.-]*"
_PARTICLE = r"(?:de|du|des|de la|la|le|les|d'|d’|l'|l’|of|the)"
_STREET_FR = (
    r"rue|avenue|av\.|boulevard|boul\.|bd|chemin|ch\.|route|rang|place|montée|côte|allée|impasse|"
    r"croissant|promenade|terrasse|carré|autoroute|ruelle|voie|sentier|parc"
)
_STREET_EN = (
    r"street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|dr\.?|lane|ln\.?|crescent|cres\.?|"
    r"court|ct\.?|way|place|pl\.?|terrace|circle|highway|hwy"
)
_UNIT = r"(?:[,\s]+(?:app\.?|appartement|apt\.?|apartment|unit|unité|suite|bureau|#)\s?[\w-]{1,6})?"
# "1234, rue Saint-Denis", "12 B, boul. de la Vérendrye", "4500 chemin du Lac-Beauport"
_ADDRESS_FR = re.compile(
    rf"(?<![\w/.,-])\d{{1,6}}(?:-\d{{1,5}})?(?:\s?[A-Za-z](?![\w]))?,?\s+(?i:{_STREET_FR})\s+"
    rf"(?:{_PARTICLE}\s*)*(?:{_CAPITAL}|[a-zà-ÿ][\w'’-]+)(?:[\s-]+(?:{_PARTICLE}\s*)*{_CAPITAL})*{_UNIT}"
)
# "221 Baker Street", "55 Elgin St., apt 4", "1 Main St"
_ADDRESS_EN = re.compile(
    rf"(?<![\w/.,-])\d{{1,6}}(?:-\d{{1,5}})?\s+(?:{_CAPITAL}\s+){{1,4}}(?i:{_STREET_EN})(?![\w]){_UNIT}"
    rf"(?:\s+(?:North|South|East|West|N|S|E|W)\b)?"
)
# A number introduced like this is a file/claim/invoice number, never someone's identifier.
_FILE_CONTEXT = re.compile(
    r"(?i)(?:dossier|file|r[ée]f[ée]rence|ref\.?|r[ée]clamation|claim|facture|invoice|commande|order|"
    r"confirmation|billet|ticket|cas|case|demande|request|requ[êe]te|permis|licen[cs]e|num[ée]ro de|"
    r"no\.?|n°|#)\s*(?:de\s+|number\s+|num[ée]ro\s+)?(?:est\s+|is\s+|was\s+|[ée]tait\s+)?"
    r"(?:no\.?\s*|n°\s*|#\s*|:\s*)?$"
)
_SIN_CONTEXT = re.compile(r"(?i)(?:nas|sin|assurance sociale|social insurance)\W{0,20}$")


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum of SIN and payment card numbers: catches every single-digit typo."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _introduced_as_file_number(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(_FILE_CONTEXT.search(before)) and not _SIN_CONTEXT.search(before)


def _emails(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), Kind.EMAIL) for m in _EMAIL.finditer(text)]


def _cards(text: str) -> list[Span]:
    spans = []
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        groups = re.split(r"[ -]", match.group())
        separated_evenly = len(groups) == 1 or all(len(group) >= 3 for group in groups)
        if (
            13 <= len(digits) <= 19
            and digits[0] in "23456"
            and separated_evenly
            and luhn_valid(digits)
            and not _introduced_as_file_number(text, match.start())
        ):
            spans.append(Span(match.start(), match.end(), Kind.CARD))
    return spans


def _ramq(text: str) -> list[Span]:
    spans = []
    for match in _RAMQ.finditer(text):
        letters, _, month, day, _ = match.groups()
        month_value, day_value = int(month), int(day)
        plausible_month = 1 <= month_value <= 12 or 51 <= month_value <= 62  # +50: born female
        if letters.isalpha() and plausible_month and 1 <= day_value <= 31:
            spans.append(Span(match.start(), match.end(), Kind.RAMQ))
    return spans


def _sins(text: str) -> list[Span]:
    spans = []
    for match in _SIN.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        # No SIN starts with 0 or 8; a Luhn-valid 9-digit file number is left alone when named as one.
        if (
            digits[0] not in "08"
            and luhn_valid(digits)
            and not _introduced_as_file_number(text, match.start())
        ):
            spans.append(Span(match.start(), match.end(), Kind.SIN))
    return spans


def _phones(text: str) -> list[Span]:
    spans = []
    for match in _PHONE.finditer(text):
        raw = match.group()
        digits = re.sub(r"\D", "", raw.split("poste")[0].split("ext")[0])
        plain_run = raw.isdigit()
        if plain_run and len(digits) == 10 and _introduced_as_file_number(text, match.start()):
            continue  # "dossier 4185550123": an unseparated run named as a file number
        spans.append(Span(match.start(), match.end(), Kind.PHONE))
    spans.extend(Span(m.start(1), m.end(1), Kind.PHONE) for m in _LOCAL_PHONE.finditer(text))
    return spans


def _postal_codes(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), Kind.POSTAL_CODE) for m in _POSTAL.finditer(text)]


def _addresses(text: str) -> list[Span]:
    found = [Span(m.start(), m.end(), Kind.ADDRESS) for m in _ADDRESS_FR.finditer(text)]
    found += [Span(m.start(), m.end(), Kind.ADDRESS) for m in _ADDRESS_EN.finditer(text)]
    return [_trim(text, span) for span in found]


def _trim(text: str, span: Span) -> Span:
    """Trailing punctuation is not part of an address."""
    end = span.end
    while end > span.start and text[end - 1] in ".,;:!?)'’ ":
        end -= 1
    return Span(span.start, end, span.kind)


_DETECTORS = (_emails, _cards, _ramq, _sins, _phones, _addresses, _postal_codes)


def find(text: str) -> list[Span]:
    """Every piece of personal information in `text`, without overlaps, in reading order."""
    candidates = [span for detector in _DETECTORS for span in detector(text)]
    candidates.sort(key=lambda span: (_PRIORITY.index(span.kind), span.start, -(span.end - span.start)))
    chosen: list[Span] = []
    for span in candidates:
        if all(span.end <= kept.start or span.start >= kept.end for kept in chosen):
            chosen.append(span)
    return sorted(chosen)


def redact(text: str) -> tuple[str, list[Kind]]:
    """`text` with each finding replaced by its placeholder, and the kinds found (sorted, distinct)."""
    spans = find(text)
    if not spans:
        return text, []
    parts: list[str] = []
    cursor = 0
    for span in spans:
        parts.append(text[cursor : span.start])
        parts.append(PLACEHOLDERS[span.kind])
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts), sorted({span.kind for span in spans})
