"""Personal information in citizens' free text: find it, and replace it with typed placeholders.

Canada.ca's feedback tool redacts postal codes, SIN, phone numbers, emails and addresses but keeps
the original for staff; here the original is never kept, so what a person wrote about themselves
never reaches a table, a log, an event or an export. Detection is deliberately conservative about
ordinary numbers: dates, amounts, times and file numbers must survive, so every numeric identifier
is checked by its structure (Luhn for SIN and card numbers, NANP area and exchange codes for phone
numbers, a plausible birth month and day for RAMQ numbers), and a number introduced as a file,
claim or invoice number is left alone.

Every detector reads a normalized view of the text, never the text itself, and what it finds is
mapped back to the original characters it came from, so the original span is what is replaced:
- the base view (`_normalized`): compatibility normalization (NFKC: full-width ＠４１８ becomes
  @418), format characters (Cf: zero-width spaces and joiners, soft hyphens, bidi controls)
  removed, the digits of every script mapped to 0-9 (`unicodedata.decimal`), every dash to `-`,
  every space to ` `. Emails, RAMQ numbers, postal codes, addresses and names are read there;
- the numeric view (`_numeric`), for card, SIN and phone numbers: the base view, plus look-alike
  letters inside digit runs read as digits (O and o as 0; l, I and | as 1), digits spelled out in
  words read as digits ("quatre un huit ...", "four one eight ..."), spaced single digits joined,
  and slashes, underscores and spaced dashes between digit groups read as `-`.

Names of persons are found from their cue (`_names`): a title (M., Mme, Dr, Me ...), a label
(Nom :, Owner:), a relation or a role (ma fille, the agent), a self-introduction, a signature or
a contact block, thanks (merci à, thanks to: only names of `first_names.FIRST_NAMES` there), and
a known first name followed by a surname. Words that name places, organizations and ordinary
things (`_NOT_NAMES`) never start a name, so "Service Canada" or "rue Saint-Denis" stay.

Generic on purpose: every service that accepts free text from citizens calls `redact()` (and
`redact_url()` for a page address). Measured on a labelled French/English corpus
(tests/data/feedback/, `make bench`).
"""

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from itertools import pairwise
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from numeriqc.core.first_names import FIRST_NAMES, folded


class _Pattern:
    """A regular expression compiled on its first use, not at import.

    `core.pii` imports this module, and with it every function that only wants `keyed_hash` (the
    authorizer, the senders); compiling these patterns costs tens of milliseconds that only a
    function that redacts should pay, once per container (measured in `make bench`)."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def sub(self, replacement: Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(replacement, text)


def _words(text: str) -> frozenset[str]:
    """A word list written as text, already folded (`first_names.folded`: no case, no accents), as
    it is compared: folding it here would cost milliseconds of every cold start."""
    return frozenset(text.split())


class Kind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    SIN = "sin"
    RAMQ = "ramq"
    POSTAL_CODE = "postal_code"
    CARD = "card"
    ADDRESS = "address"
    NAME = "name"


# French first: the placeholders are what organizations read in the comment.
PLACEHOLDERS: dict[Kind, str] = {
    Kind.EMAIL: "[courriel]",
    Kind.PHONE: "[téléphone]",
    Kind.SIN: "[NAS]",
    Kind.RAMQ: "[RAMQ]",
    Kind.POSTAL_CODE: "[code postal]",
    Kind.CARD: "[carte]",
    Kind.ADDRESS: "[adresse]",
    Kind.NAME: "[nom]",
}
# When two findings overlap, the more specific kind wins (a card number holds phone-like runs).
_PRIORITY = [
    Kind.EMAIL,
    Kind.CARD,
    Kind.RAMQ,
    Kind.SIN,
    Kind.PHONE,
    Kind.ADDRESS,
    Kind.POSTAL_CODE,
    Kind.NAME,
]


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: Kind


# --- Views: normalized copies of the text that remember where each character came from ---------


@dataclass(frozen=True)
class _View:
    """A normalized copy of a text; character i came from original[starts[i]:ends[i]]."""

    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int, kind: Kind) -> Span:
        return Span(self.starts[start], self.ends[end - 1], kind)


@cache
def _fold(char: str) -> str:
    """One character of an NFKC-normalized text as the detectors read it ("" drops it)."""
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    if category == "Pd" or char == "\u2212":
        return "-"
    if char.isspace() and char != "\n":
        return " "
    return char


def _normalized(text: str) -> _View:
    """The base view. A character and the combining marks after it normalize together."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index, length = 0, len(text)
    while index < length:
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        if end == index + 1 and text[index] < "\x80":
            folded_chars = text[index]
        else:
            folded_chars = "".join(_fold(char) for char in unicodedata.normalize("NFKC", text[index:end]))
        for char in folded_chars:
            chars.append(char)
            starts.append(index)
            ends.append(end)
        index = end
    return _View("".join(chars), starts, ends)


Pieces = Callable[[re.Match[str]], Iterable[tuple[str, int, int]]]


def _rewrite(view: _View, pattern: _Pattern, pieces: Pieces) -> _View:
    """`view` with each match of `pattern` replaced by `pieces(match)`: (text, start, end) where
    start:end are positions in `view` the new text stands for. Other characters are kept."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for match in pattern.finditer(view.text):
        chars.append(view.text[cursor : match.start()])
        starts.extend(view.starts[cursor : match.start()])
        ends.extend(view.ends[cursor : match.start()])
        for text, start, end in pieces(match):
            for char in text:
                chars.append(char)
                starts.append(view.starts[start])
                ends.append(view.ends[end - 1])
        cursor = match.end()
    if cursor == 0:
        return view
    chars.append(view.text[cursor:])
    starts.extend(view.starts[cursor:])
    ends.extend(view.ends[cursor:])
    return _View("".join(chars), starts, ends)


_LOOKALIKE_RUN = _Pattern(r"(?<![A-Za-z])[0-9OoIl|]+(?![A-Za-z])")
_LOOKALIKES = str.maketrans("OoIl|", "00111")
_DIGIT_WORDS = {
    "zéro": "0", "zero": "0", "oh": "0", "un": "1", "une": "1", "one": "1", "deux": "2", "two": "2",
    "trois": "3", "three": "3", "quatre": "4", "four": "4", "cinq": "5", "five": "5", "six": "6",
    "sept": "7", "seven": "7", "huit": "8", "eight": "8", "neuf": "9", "nine": "9",
}  # fmt: skip
_DIGIT_WORD = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
_DIGIT_TOKEN = _Pattern(rf"(?i)(?<!\w)(?:{_DIGIT_WORD}|\d)(?!\w)")
# Seven or more digits spelled one by one ("quatre un huit cinq cinq cinq ...", "4 1 8 5 5 5 ...").
_SPELLED = _Pattern(rf"(?i)(?<![\w-])(?:{_DIGIT_WORD}|\d)(?:[\s,.-]+(?:{_DIGIT_WORD}|\d)(?!\w)){{6,}}")
_GROUP_SEPARATOR = _Pattern(r"(?<=\d)(?:[ ]*[_/\\|][ ]*|[ ]+-[ ]*|[ ]*-[ ]+|[ ]{2,})(?=\d)")


def _digit_run(match: re.Match[str]) -> str:
    """A run of digits and look-alike letters, not inside a word, is a number if it holds a digit."""
    run = match.group()
    digits = sum(char.isdigit() for char in run)
    return run.translate(_LOOKALIKES) if digits and len(run) >= 2 else run


def _spelled_digits(match: re.Match[str]) -> Iterable[tuple[str, int, int]]:
    for token in _DIGIT_TOKEN.finditer(match.group()):
        digit = _DIGIT_WORDS.get(token.group().casefold(), token.group())
        yield digit, match.start() + token.start(), match.start() + token.end()


def _separator(match: re.Match[str]) -> Iterable[tuple[str, int, int]]:
    yield (" " if match.group().isspace() else "-"), match.start(), match.end()


def _numeric(base: _View) -> _View:
    """The numeric view: where phone, SIN and card numbers are read (see the module docstring)."""
    looked = _LOOKALIKE_RUN.sub(_digit_run, base.text)  # same length: positions unchanged
    view = _View(looked, base.starts, base.ends) if looked != base.text else base
    view = _rewrite(view, _SPELLED, _spelled_digits)
    return _rewrite(view, _GROUP_SEPARATOR, _separator)


# --- Structured identifiers -----------------------------------------------------------------------

# A dot belongs to _DOT only, never to _LOCAL: one way to read "a.b.c", so no backtracking blow-up.
_LOCAL = r"[A-Za-z0-9][A-Za-z0-9_%+-]*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_AT = rf"(?:[ ]?@[ ]?|[ ]?{_OPEN}[ ]?(?:at|arobase|arobas|@)[ ]?{_CLOSE}[ ]?|[ ]+(?:at|arobase|arobas)[ ]+)"
_DOT = rf"(?:[.。]|[ ]?{_OPEN}[ ]?(?:dot|point|\.)[ ]?{_CLOSE}[ ]?|[ ]+(?:dot|point)[ ]+)"
_EMAIL = _Pattern(
    rf"(?i)(?<![\w.+-]){_LOCAL}(?:{_DOT}{_LOCAL})*{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}([A-Za-z]{{2,}})(?![\w@-])"
)
_PLAIN_EMAIL = _Pattern(r"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}")
# A spelled-out "at"/"dot" is an address only with a domain ending people actually use.
_SPELLED_TLDS = _words("com ca net org fr qc info io me edu gov gouv co us uk be ch biz eu de es it mail")
# 13 to 19 digits in groups separated by single spaces or dashes.
_CARD = _Pattern(r"(?<!\d)(?<!\d[.,-])\d(?:[ -]?\d){12,18}(?!\d|[.,]\d)")
# 4 letters (3 of the surname, 1 of the given name) + YY MM(+50) DD + 2 digits.
_RAMQ = _Pattern(r"(?<![\w])([A-Za-z]{4})[ -]?(\d{2})(\d{2})[ -]?(\d{2})(\d{2})(?![\w])")
# Not inside a longer number: no digit, nor digit and separator, on either side ("/" alone may be
# a path's: ".../nas/130692544/").
_SIN = _Pattern(r"(?<!\d)(?<!\d[.,/-])(\d{3})([ .-]?)(\d{3})\2(\d{3})(?!\d|[/.,-]\d)")
_PHONE = _Pattern(
    r"(?<![\w+])(?:(?:\+\s?1|1)[\s.-]?)?"
    r"(?:\(\s?([2-9]\d{2})\s?\)|([2-9]\d{2}))[\s.-]?"
    r"([2-9]\d{2})[\s.-]?(\d{4})"
    r"(?:\s?(?:,\s?)?(?:poste|post\.|p\.|ext\.?|extension|x)\s?\d{1,6})?(?!\d|/\d)"
)
# 7-digit local numbers are phone numbers only when introduced as one.
_LOCAL_PHONE = _Pattern(
    r"(?i)(?:t[ée]l[ée]phone|t[ée]l\.?|phone|cell(?:ulaire)?|appel(?:ez|er)[- ]moi(?: au)?|"
    r"call me(?: at)?|joindre au|reach me at)\s*:?\s*(?:au\s+)?([2-9]\d{2}[\s.-]\d{4})(?![\d/])"
)
# Postal codes never hold D F I O Q U: an O where a digit goes is a zero typed as a letter.
_POSTAL = _Pattern(
    r"(?<![\w])[ABCEGHJ-NPRSTVXY][\dO][ABCEGHJ-NPRSTV-Z][ -]?[\dO][ABCEGHJ-NPRSTV-Z][\dO](?![\w])",
    re.IGNORECASE,
)
# A number introduced like this is a file/claim/invoice number, never someone's identifier.
_FILE_CONTEXT = _Pattern(
    r"(?i)(?:dossier|file|r[ée]f[ée]rence|r[ée]f\.?|r[ée]clamation|claim|facture|invoice|commande|order|"
    r"confirmation|billet|ticket|cas|case|demande|request|requ[êe]te|permis|licen[cs]e|num[ée]ro de|"
    r"no\.?|n°|#)\s*(?:de\s+|number\s+|num[ée]ro\s+)?(?:est\s+|is\s+|was\s+|[ée]tait\s+)?"
    r"(?:no\.?\s*|n°\s*|#\s*|:\s*)?$"
)
_SIN_CONTEXT = _Pattern(r"(?i)(?:nas|sin|assurance sociale|social insurance)\W{0,20}$")


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


def _emails(view: _View) -> list[Span]:
    spans = []
    position = 0
    while match := _EMAIL.search(view.text, position):
        spelled = not _PLAIN_EMAIL.fullmatch(match.group())
        if not spelled or match.group(1).casefold() in _SPELLED_TLDS:
            spans.append(view.span(match.start(), match.end(), Kind.EMAIL))
            position = match.end()
        else:  # "me at Nathalie.Roy@x.ca": the real address starts later
            position = match.start() + 1
    return spans


def _cards(view: _View) -> list[Span]:
    spans = []
    for match in _CARD.finditer(view.text):
        digits = re.sub(r"\D", "", match.group())
        groups = re.split(r"[ -]", match.group())
        separated_evenly = len(groups) == 1 or all(len(group) >= 3 for group in groups)
        if (
            13 <= len(digits) <= 19
            and digits[0] in "23456"
            and separated_evenly
            and luhn_valid(digits)
            and not _introduced_as_file_number(view.text, match.start())
        ):
            spans.append(view.span(match.start(), match.end(), Kind.CARD))
    return spans


def _ramq(view: _View) -> list[Span]:
    spans = []
    for match in _RAMQ.finditer(view.text):
        letters, _, month, day, _ = match.groups()
        month_value, day_value = int(month), int(day)
        plausible_month = 1 <= month_value <= 12 or 51 <= month_value <= 62  # +50: born female
        if letters.isalpha() and plausible_month and 1 <= day_value <= 31:
            spans.append(view.span(match.start(), match.end(), Kind.RAMQ))
    return spans


def _sins(view: _View) -> list[Span]:
    spans = []
    for match in _SIN.finditer(view.text):
        digits = match.group(1) + match.group(3) + match.group(4)
        # No SIN starts with 0 or 8; a Luhn-valid 9-digit file number is left alone when named as one.
        if (
            digits[0] not in "08"
            and luhn_valid(digits)
            and not _introduced_as_file_number(view.text, match.start())
        ):
            spans.append(view.span(match.start(), match.end(), Kind.SIN))
    return spans


def _phones(view: _View) -> list[Span]:
    spans = []
    for match in _PHONE.finditer(view.text):
        raw = match.group()
        digits = re.sub(r"\D", "", raw.split("poste")[0].split("ext")[0])
        plain_run = raw.isdigit()
        if plain_run and len(digits) == 10 and _introduced_as_file_number(view.text, match.start()):
            continue  # "dossier 4185550123": an unseparated run named as a file number
        spans.append(view.span(match.start(), match.end(), Kind.PHONE))
    spans.extend(view.span(m.start(1), m.end(1), Kind.PHONE) for m in _LOCAL_PHONE.finditer(view.text))
    return spans


def _postal_codes(view: _View) -> list[Span]:
    return [
        view.span(m.start(), m.end(), Kind.POSTAL_CODE)
        for m in _POSTAL.finditer(view.text)
        if sum(char.isdigit() for char in m.group()) >= 2
    ]


# --- Addresses ---------------------------------------------------------------------------------

_CAPITAL = r"[A-ZÀ-ÖØ-Þ0-9][\w'’.-]*"
_PARTICLE = r"(?:de|du|des|de la|la|le|les|d'|d’|l'|l’|of|the)"
# Street types after which a lower-case name is still a street ("rue principale").
_STREET_FR_STRONG = r"rue|avenue|boulevard|chemin|route|rang|montée"
_STREET_FR = (
    rf"{_STREET_FR_STRONG}|r\.|av\.?|ave\.?|boul\.?|blvd\.?|bd\.?|ch\.|rte\.?|rg\.?|place|pl\.|mtée|"
    r"côte|allée|impasse|imp\.|croissant|crois\.|promenade|prom\.|terrasse|carré|autoroute|aut\.|"
    r"ruelle|voie|sentier|parc|cercle|quai|square|esplanade|passage|rond-point|circuit"
)
_STREET_EN = (
    r"street|st\.?|avenue|ave\.?|av\.|road|rd\.?|boulevard|blvd\.?|drive|dr\.?|lane|ln\.?|crescent|"
    r"cres\.?|court|ct\.?|way|place|pl\.?|terrace|terr?\.?|circle|cir\.?|highway|hwy\.?|parkway|"
    r"pkwy\.?|square|sq\.?|trail|trl\.?|row|grove|close|gate|heights|hts\.?|rue|rang|chemin|montée"
)
_DIRECTION = r"(?:Est|Ouest|Nord|Sud|East|West|North|South|[NSEO]\.?|[NS][EOW]\.?|E\.|W\.?)(?![\w])"
_UNIT_WORD = r"(?i:app\.?|appartement|apt\.?|apartment|unit|unité|suite|bureau|local|logement|porte|#|no\.?)"
_UNIT = rf"(?:[,\s]+{_UNIT_WORD}\s?[\w-]{{1,6}})?"
_UNIT_BEFORE = rf"(?:{_UNIT_WORD}\s?[\w-]{{1,6}}\s*[-,–]?\s*)?"
# 1234 | 12 B | 12B | 12-345 (unit-civic) | 12 - 345
_CIVIC = r"\d{1,6}(?:\s?[A-Za-z](?![\w]))?(?:\s?-\s?\d{1,6})?"
_ADDRESS_NAME = (
    rf"(?:{_PARTICLE}\s*)*{_CAPITAL}(?:[\s-]+(?:{_PARTICLE}\s*)*{_CAPITAL})*|"
    rf"(?:{_PARTICLE}\s*)*[a-zà-ÿ][\w'’-]+"
)
# "1234, rue Saint-Denis", "4500, boul. Saint-Laurent Est, app. 12", "4500 chemin du Lac-Beauport"
_ADDRESS_FR = _Pattern(
    rf"(?<![\w/.,-]){_UNIT_BEFORE}{_CIVIC},?\s+(?:"
    rf"(?i:{_STREET_FR_STRONG})(?![\w])\s+(?:{_ADDRESS_NAME})|"
    rf"(?i:{_STREET_FR})(?![\w])\s+(?:{_PARTICLE}\s*)*{_CAPITAL}(?:[\s-]+(?:{_PARTICLE}\s*)*{_CAPITAL})*"
    rf")(?:,?\s+{_DIRECTION})?{_UNIT}"
)
# "221 Baker Street", "55 Elgin St., apt 4", "12-345 3e Avenue", "1 Main St", "10 1st Ave. W."
_ADDRESS_EN = _Pattern(
    rf"(?<![\w/.,-]){_UNIT_BEFORE}{_CIVIC},?\s+(?:{_CAPITAL}\s+){{1,4}}(?i:{_STREET_EN})(?![\w]){_UNIT}"
    rf"(?:,?\s+{_DIRECTION})?{_UNIT}"
)
# The street type left out: "1200 de la Gauchetière", "35 des Érables".
_ADDRESS_PARTICLE = _Pattern(
    rf"(?<![\w/.,-])\d{{1,6}},?\s+(?:de la|de l['’]|du|des)\s*[A-ZÀ-ÖØ-Þ][\w'’-]+{_UNIT}"
)


# Abbreviations whose final period belongs to the address ("123 Main St.", "av. du Parc O.").
_ABBREVIATIONS = _words(
    "st ave av rd dr blvd boul bd ch pl cres ct ln hwy pkwy trl hts sq cir terr ter rte rg imp aut prom "
    "crois mtee o e n s w ne nw se sw no app apt"
)


def _trim(view: _View, start: int, end: int) -> Span:
    """Trailing punctuation is not part of an address, except the period of an abbreviation."""
    while end > start and view.text[end - 1] in ".,;:!?)'’ \n":
        if view.text[end - 1] == ".":
            word = re.search(r"(\w+)$", view.text[start : end - 1])
            if word and folded(word.group(1)) in _ABBREVIATIONS:
                break
        end -= 1
    return view.span(start, end, Kind.ADDRESS)


def _addresses(view: _View) -> list[Span]:
    patterns = (_ADDRESS_FR, _ADDRESS_EN, _ADDRESS_PARTICLE)
    return [_trim(view, m.start(), m.end()) for pattern in patterns for m in pattern.finditer(view.text)]


# --- Names of persons ---------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
# "Tremblay", "TREMBLAY", "McDonald", "O'Brien", "Jean-François", "J."
# An apostrophe only before a capital: "D'Amour" is a name, "L'équipe" is not.
_NAME_PART = rf"[{_UP}](?:[{_UP}{_LO}]|['’](?=[{_UP}]))*[{_UP}{_LO}]"
_NAME_TOKEN = rf"(?:{_NAME_PART}(?:-{_NAME_PART})*|[{_UP}]\.)(?![\w'’-])"
_NAME = _Pattern(rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,2}}")
_TOKEN = _Pattern(_NAME_TOKEN)

_TITLE = (
    r"(?<![\w.])(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Dr\.?|Dre\.?|Me|Prof\.?|"
    r"(?i:monsieur|madame|mademoiselle|docteure?|doctor|ma[iî]tre|miss|sir))(?:(?<=\.)[ \t]*|[ \t]+)"
)
_RELATION_FR = (
    r"fille|fils|m[èe]re|p[èe]re|conjointe?|[ée]poux|[ée]pouse|mari|femme|voisine?|amie?|fr[èe]re|"
    r"s(?:œ|oe)ur|grand-m[èe]re|grand-p[èe]re|grand-maman|grand-papa|oncle|tante|cousine?|"
    r"petit-fils|petite-fille|enfant|gar[çc]on|b[ée]b[ée]|neveu|ni[èe]ce|beau-p[èe]re|belle-m[èe]re|"
    r"beau-fr[èe]re|belle-s(?:œ|oe)ur|copain|copine|chum|blonde|coll[èe]gue|patronne?|coloc(?:ataire)?|"
    r"locataire|proche|aidante?"
)
_ROLE_FR = (
    r"infirmi[èe]re?|infirmier|agente?|employ[ée]e?|pr[ée]pos[ée]e?|inspect(?:eur|rice)|intervenante?|"
    r"travailleu(?:r|se)\s+social(?:e)?|m[ée]decin|docteure?|pharmacienne?|technicienne?|"
    r"conseill(?:er|[èe]re)|commis|polici[èe]re|policier|r[ée]ceptionniste|secr[ée]taire|"
    r"direct(?:eur|rice)|gestionnaire|fonctionnaire|professeure?|enseignante?|[ée]ducat(?:eur|rice)|"
    r"superviseure?|responsable|repr[ée]sentante?|avocate?|notaire|juge|chauffeu(?:r|se)|"
    r"caissi[èe]re?|caissier|dame|monsieur|madame"
)
_RELATION_EN = (
    r"daughter|son|mother|mom|mum|father|dad|wife|husband|partner|spouse|neighbou?r|friend|brother|"
    r"sister|grandmother|grandfather|grandma|grandpa|uncle|aunt|cousin|grandson|granddaughter|child|"
    r"kid|boss|colleague|co-?worker|landlord|landlady|tenant|roommate|nephew|niece|caregiver"
)
_ROLE_EN = (
    r"agent|officer|nurse|doctor|clerk|employee|representative|rep|inspector|social\s+worker|"
    r"caseworker|worker|advis[eo]r|counsell?or|pharmacist|technician|receptionist|secretary|manager|"
    r"supervisor|director|teacher|lawyer|notary|judge|driver|cashier|lady|gentleman|attendant|guard"
)
# A cue that only a person's name follows: any capitalized word that is not a _NOT_NAMES word.
_STRONG_CUE = _Pattern(
    "|".join(
        [
            _TITLE,
            rf"(?i:(?<![\w])(?:ma|mon|notre|votre|sa|son|leur|mes|nos)\s+(?:{_RELATION_FR}))[ \t]*,?[ \t]*",
            rf"(?i:(?<![\w])(?:l['’]|(?:le|la|une?|cette|cet|ce|notre|votre|mon|ma)\s+)(?:{_ROLE_FR}))"
            r"[ \t]*,?[ \t]*",
            rf"(?i:(?<![\w])(?:my|our|your|his|her|their)\s+(?:{_RELATION_EN}))[ \t]*,?[ \t]*",
            rf"(?i:(?<![\w])(?:the|an?|this|that|your|my|our)\s+(?:{_ROLE_EN}))[ \t]*,?[ \t]*",
            r"(?i:(?<![\w])(?:je\s+m['’]appelle|je\s+me\s+nomme|mon\s+nom\s+(?:est|c['’]est)|moi\s+c['’]est|"
            r"my\s+name\s+is|i\s+am\s+called|named|nomm[ée]e?|appel[ée]e?|qui\s+s['’]appelle))[ \t]*",
            r"(?im:(?:^|(?<=[\s(;,]))(?:nom(?:\s+de\s+famille|\s+complet)?|pr[ée]nom(?:\s+et\s+nom)?|"
            r"(?:full\s+|first\s+|last\s+|given\s+|family\s+)?name|surname|owner|propri[ée]taire|titulaire|"
            r"demandeu(?:r|se)|demanderesse|requ[ée]rante?|contact|personne[- ]ressource|signataire|"
            r"patiente?|cliente?|applicant|holder|de|from|attn|attention|a/s|sign[ée]e?|signed)"
            r"[ \t]*:[ \t]*)",
        ]
    )
)
# After thanks, a capitalized word is a name only if it is a known first name.
_THANKS = _Pattern(
    r"(?i:(?<![\w])(?:merci(?:\s+beaucoup|\s+bien|\s+encore)?(?:\s+[àa])?|thank\s+you(?:\s+to)?|"
    r"thanks?(?:\s+a\s+lot)?(?:\s+to)?|gr[âa]ce\s+[àa]|bravo\s+[àa]|kudos\s+to|f[ée]licitations\s+[àa]|"
    r"shout-?out\s+to))[ \t]*,?[ \t]*"
)
_CLOSING = (
    r"(?i:cordialement|salutations(?:\s+distingu[ée]es)?|bien\s+[àa]\s+vous|sinc[èe]rement|"
    r"respectueusement|merci(?:\s+beaucoup|\s+encore)?|au\s+plaisir|(?:best|kind|warm)\s+regards|regards|"
    r"sincerely|thanks|thank\s+you|cheers|respectfully|best)"
)
# A closing and a name alone after it, or a dash and a name that ends the text.
_SIGNATURE = _Pattern(
    rf"(?<![\w]){_CLOSING}(?:[ \t]*[,.!]?[ \t]*\n[ \t]*|[ \t]*[-—–]{{1,2}}[ \t]*|,[ \t]*)"
    rf"(?P<name>{_NAME.pattern})[ \t]*(?=$|\n|,|\()"
    rf"|(?:^|(?<=[\s.!]))[-—–]{{1,2}}[ \t]*(?P<dashed>{_NAME.pattern})[ \t]*$"
)
_NAME_LINE = _Pattern(rf"(?m)^[ \t]*({_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,2}})[ \t]*$")
# Capitalized words that never start or continue a person's name: places, organizations,
# ordinary words a sentence begins with, days and months, politeness.
_NOT_NAMES = _words(
    """
    service services canada quebec montreal laval gatineau sherbrooke ottawa levis longueuil
    saguenay trois-rivieres rimouski terrebonne ontario toronto vancouver alberta manitoba centre
    center bureau ministere ministry revenu revenue hopital hospital sante health gouvernement
    government ville city municipalite clsc cisss ciusss saaq ramq cnesst cra arc desjardins hydro
    poste postes post agence agency commission regie office direction registre registry clinique
    clinic pharmacie pharmacy banque bank ecole school universite university cegep college caisse
    tribunal cour court police surete ambulance urgence emergency info gouv internet merci thanks
    thank bonjour bonsoir salut hello hi allo bravo super parfait excellent genial great good
    awesome perfect nice bonne bon encore again beaucoup much very really vraiment tout tous le la
    les un une des du de je tu il elle on nous vous ils elles ce cette ces mon ma mes son sa ses et
    ou mais donc car ni si quand pour par avec sans dans sur sous chez depuis apres avant aussi tres
    trop plus moins pas non oui ok okay the a an and or but so if when for by with without in at to
    from of as it he she we you they i my your his her our their this that these those there here
    yes no not please svp stp lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday
    wednesday thursday friday saturday sunday janvier fevrier mars avril mai juin juillet aout
    septembre octobre novembre decembre january february march april may june july august september
    october november december noel christmas paques easter madame monsieur mme docteur doctor maitre
    rue avenue boulevard chemin route street road drive place parc park pont bridge metro station
    aeroport airport eglise church bibliotheque library arena edifice building salle hall formulaire
    form site web page application app portail portal courriel email telephone phone dossier file
    numero number carte card permis licence license passeport passport assurance insurance aide help
    accueil comptoir counter guichet ligne line attente wait rendez-vous appointment bilan note nom
    name prenom adresse address code postal francais french anglais english inc ltee ltd corp
    """
)
# The word just before a free-standing "first name + surname" that makes it a place or a building.
_PLACE_BEFORE = _words(
    """
    rue avenue av boul boulevard chemin ch route rang place pont parc hopital ecole metro station
    aeroport centre pavillon chez cegep college polyvalente eglise salle arena bibliotheque edifice
    complexe marche street bridge hospital school park church library building airport via saint
    sainte st ste fondation foundation prix award clsc chsld cisss ciusss clinique pharmacie caisse
    residence universite musee theatre stade autoroute lac mont riviere ile quartier secteur paroisse
    carrefour galeries promenades square avenue
    """
)
_PLACE_AFTER = _words(
    """
    street st avenue ave road rd boulevard blvd drive hospital school park bridge airport centre
    center building library arena hall institute college university foundation station square
    pharmacy
    """
)


def _cut(view: _View, match: re.Match[str], needs_first_name: bool) -> Span | None:
    """The name at the start of `match`: its tokens up to the first word that is not a name."""
    tokens = list(_TOKEN.finditer(view.text, match.start(), match.end()))
    kept = []
    for token in tokens:
        if folded(token.group().rstrip(".")) in _NOT_NAMES:
            break
        kept.append(token)
    if not kept or (kept[0].group().endswith(".") and len(kept) == 1):
        return None
    if needs_first_name and folded(kept[0].group()) not in FIRST_NAMES:
        return None
    if _word_after(view.text, kept[-1].end()) in _PLACE_AFTER:
        return None  # "Dr. Bethune Street", "Jean Talon Station"
    return view.span(kept[0].start(), kept[-1].end(), Kind.NAME)


def _cued_names(view: _View, cue: _Pattern, needs_first_name: bool) -> list[Span]:
    spans = []
    for match in cue.finditer(view.text):
        name = _NAME.match(view.text, match.end())
        if name is None:
            continue
        # In a text written in capitals, a capitalized word says nothing: only a known first name.
        shouted = match.group().strip(" \t,:").isupper() and name.group().isupper()
        found = _cut(view, name, needs_first_name or shouted)
        if found:
            spans.append(found)
    return spans


def _word_before(text: str, start: int) -> str:
    words = re.findall(r"[\w'’.]+", text[max(0, start - 30) : start])
    return folded(words[-1].rstrip(".").split("'")[-1].split("’")[-1]) if words else ""


def _free_standing_names(view: _View) -> list[Span]:
    """A known first name followed by a capitalized surname, unless a place word surrounds them."""
    spans = []
    for match in _NAME.finditer(view.text):
        tokens = list(_TOKEN.finditer(view.text, match.start(), match.end()))
        for first, last in pairwise(tokens):
            if (
                folded(first.group()) in FIRST_NAMES
                and folded(last.group().rstrip(".")) not in _NOT_NAMES
                and not last.group().endswith(".")
                and _word_before(view.text, first.start()) not in _PLACE_BEFORE
                and _word_after(view.text, last.end()) not in _PLACE_AFTER
            ):
                spans.append(view.span(first.start(), last.end(), Kind.NAME))
                break
    return spans


def _word_after(text: str, end: int) -> str:
    words = re.findall(r"[\w'’]+", text[end : end + 30])
    return folded(words[0]) if words else ""


def _signed_names(view: _View) -> list[Span]:
    spans = []
    for match in _SIGNATURE.finditer(view.text):
        group = "name" if match.group("name") else "dashed"
        name = _NAME.match(view.text, match.start(group), match.end(group))
        found = _cut(view, name, needs_first_name=False) if name else None
        if found:
            spans.append(found)
    return spans


def _names(view: _View) -> list[Span]:
    return (
        _cued_names(view, _STRONG_CUE, needs_first_name=False)
        + _cued_names(view, _THANKS, needs_first_name=True)
        + _signed_names(view)
        + _free_standing_names(view)
    )


def _contact_block_names(view: _View, found: list[Span]) -> list[Span]:
    """A line holding only a name, next to a line with an email, a phone number or an address."""
    contacts = [span for span in found if span.kind in (Kind.EMAIL, Kind.PHONE, Kind.ADDRESS)]
    if not contacts:
        return []
    spans = []
    for match in _NAME_LINE.finditer(view.text):
        if any(_same_neighbour_line(view, match, span) for span in contacts):
            name = _NAME.match(view.text, match.start(1), match.end(1))
            found_name = _cut(view, name, needs_first_name=False) if name else None
            if found_name:
                spans.append(found_name)
    return spans


def _same_neighbour_line(view: _View, match: re.Match[str], span: Span) -> bool:
    """Whether `span` lies on the line just after or just before the line of `match`."""
    text = view.text
    after_start = match.end() + 1
    after_end = text.find("\n", after_start)
    after_end = len(text) if after_end == -1 else after_end
    before_end = match.start() - 1
    before_start = text.rfind("\n", 0, max(before_end, 0)) + 1
    lines = [(after_start, after_end), (before_start, before_end)]
    for start, end in lines:
        if 0 <= start < end <= len(text) and view.starts[start] <= span.start < view.ends[end - 1]:
            return True
    return False


# --- Putting it together -------------------------------------------------------------------------

_BASE_DETECTORS = (_emails, _ramq, _addresses, _postal_codes, _names)
_NUMERIC_DETECTORS = (_cards, _ramq, _sins, _phones)


def _without_overlaps(candidates: list[Span]) -> list[Span]:
    candidates.sort(key=lambda span: (_PRIORITY.index(span.kind), span.start, -(span.end - span.start)))
    chosen: list[Span] = []
    for span in candidates:
        if span.end > span.start and all(span.end <= kept.start or span.start >= kept.end for kept in chosen):
            chosen.append(span)
    return sorted(chosen)


def find(text: str) -> list[Span]:
    """Every piece of personal information in `text`, without overlaps, in reading order.

    Spans are positions in `text` itself, whatever the normalized view they were read in."""
    base = _normalized(text)
    numeric = _numeric(base)
    candidates = [span for detector in _BASE_DETECTORS for span in detector(base)]
    candidates += [span for detector in _NUMERIC_DETECTORS for span in detector(numeric)]
    chosen = _without_overlaps(candidates)
    blocks = _contact_block_names(base, chosen)
    return _without_overlaps(chosen + blocks) if blocks else chosen


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


# Percent-encoding is undone this many times at most: "%2540" is "%40" once, "@" twice.
_MAX_DECODINGS = 3


def redact_url(url: str) -> tuple[str, list[Kind]]:
    """Scheme, host, port and redacted path only, and the kinds removed from the path.

    The user-info part (`user:password@`) is credentials and is dropped; query strings and
    fragments carry names, emails and tokens and are dropped. The path is percent-decoded before
    it is read (`jean%40exemple.ca` is an email), redacted, and encoded again."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"{host}:{port}" if port is not None else host
    path = parts.path
    for _ in range(_MAX_DECODINGS):
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    redacted, kinds = redact(path)
    return urlunsplit((parts.scheme, netloc, _UNSAFE_IN_PATH.sub(_encoded, redacted), "", "")), kinds


# What a decoded path may hold that would change the URL's meaning: encoded again, nothing else.
_UNSAFE_IN_PATH = _Pattern(r"[\s%?#\x00-\x1f\x7f]")


def _encoded(match: re.Match[str]) -> str:
    return quote(match.group(), safe="")
