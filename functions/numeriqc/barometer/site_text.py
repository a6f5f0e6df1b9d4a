"""What the public site says in each language: labels, statuses and numbers. Pure logic.

Every word the site prints that is not data lives here, French and English side by side, so a page
template never holds a sentence of one language only. Numbers follow each language's conventions
(French: `1 234,5 %` with narrow no-break spaces; English: `1,234.5%`).
"""

from html import escape
from typing import Literal

from numeriqc.barometer.models import IndicatorStatus, IndicatorUnit

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, Lang] = ("fr", "en")
NNBSP = "\u202f"

STATUS_LABELS: dict[IndicatorStatus, tuple[str, str]] = {
    IndicatorStatus.MET: ("Cible atteinte", "Target met"),
    IndicatorStatus.ON_TRACK: ("En bonne voie", "On track"),
    IndicatorStatus.NOT_MET: ("Cible non atteinte", "Target not met"),
    IndicatorStatus.NOT_AVAILABLE: ("Résultat non disponible", "No result available"),
    IndicatorStatus.FUTURE: ("À atteindre", "To be achieved"),
}
# A symbol beside every status: colour is never the only carrier of meaning.
STATUS_SYMBOLS: dict[IndicatorStatus, str] = {
    IndicatorStatus.MET: "✔",
    IndicatorStatus.ON_TRACK: "↗",
    IndicatorStatus.NOT_MET: "✘",
    IndicatorStatus.NOT_AVAILABLE: "–",
    IndicatorStatus.FUTURE: "◷",
}
UNIT_SUFFIX: dict[IndicatorUnit, tuple[str, str]] = {
    IndicatorUnit.COUNT: ("", ""),
    IndicatorUnit.PERCENT: (f"{NNBSP}%", "%"),
    IndicatorUnit.DOLLARS: (f"{NNBSP}$", ""),
    IndicatorUnit.HOURS: (f"{NNBSP}h", " h"),
    IndicatorUnit.DAYS: (f"{NNBSP}jours", " days"),
    IndicatorUnit.SCORE: ("", ""),
}
UNIT_NAMES: dict[IndicatorUnit, tuple[str, str]] = {
    IndicatorUnit.COUNT: ("nombre", "count"),
    IndicatorUnit.PERCENT: ("pourcentage", "percentage"),
    IndicatorUnit.DOLLARS: ("dollars", "dollars"),
    IndicatorUnit.HOURS: ("heures", "hours"),
    IndicatorUnit.DAYS: ("jours", "days"),
    IndicatorUnit.SCORE: ("note", "score"),
}


def pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "fr" else pair[1]


def e(text: object) -> str:
    """Escaped for HTML text and attribute values: every piece of data goes through this."""
    return escape(str(text), quote=True)


def number(value: float, lang: Lang) -> str:
    """`1234.5` -> `1 234,5` (fr) or `1,234.5` (en); at most two decimals, none when whole."""
    rounded = round(value, 2)
    text = f"{rounded:,.0f}" if float(rounded).is_integer() else f"{rounded:,.2f}".rstrip("0")
    if lang == "fr":
        return text.replace(",", NNBSP).replace(".", ",")
    return text


def amount(value: float, unit: IndicatorUnit, lang: Lang) -> str:
    """A value with its unit: `82,5 %`, `$1,200`, `12 h`."""
    if unit is IndicatorUnit.DOLLARS and lang == "en":
        return f"${number(value, lang)}"
    return number(value, lang) + pick(UNIT_SUFFIX[unit], lang)


def status_label(status: IndicatorStatus, lang: Lang) -> str:
    return f"{STATUS_SYMBOLS[status]} {pick(STATUS_LABELS[status], lang)}"
