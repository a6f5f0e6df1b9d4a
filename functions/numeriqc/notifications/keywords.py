"""SMS reply keywords (CRTC / CTIA practice, in both official languages). Pure logic."""

import unicodedata
from enum import StrEnum


class Keyword(StrEnum):
    STOP = "stop"
    HELP = "help"
    START = "start"
    OTHER = "other"


_WORDS = {
    "STOP": Keyword.STOP,
    "ARRET": Keyword.STOP,  # ARRÊT once accents are folded
    "FIN": Keyword.STOP,
    "UNSUBSCRIBE": Keyword.STOP,
    "AIDE": Keyword.HELP,
    "HELP": Keyword.HELP,
    "INFO": Keyword.HELP,
    "START": Keyword.START,
    "ABONNER": Keyword.START,
    "UNSTOP": Keyword.START,
}
HELP_REPLY = (
    "numériQc : rappels des organismes publics du Québec. Répondez ARRÊT pour ne plus en recevoir. "
    "/ Québec public bodies' reminders. Reply STOP to opt out."
)
STOP_REPLY = (
    "numériQc : vous ne recevrez plus de textos. Répondez ABONNER pour vous réabonner. "
    "/ You will receive no more texts. Reply START to opt back in."
)
START_REPLY = (
    "numériQc : vous recevrez de nouveau nos textos. Répondez ARRÊT pour arrêter. "
    "/ You will receive our texts again. Reply STOP to stop."
)


def keyword(body: str) -> Keyword:
    """The keyword of a reply: its first word, case and accents folded (« Arrêt. » is STOP)."""
    words = body.strip().split()
    if not words:
        return Keyword.OTHER
    folded = unicodedata.normalize("NFKD", words[0]).encode("ascii", "ignore").decode().upper()
    return _WORDS.get(folded.strip(".!,;:"), Keyword.OTHER)
