"""What free text the barometer accepts in names, descriptions and summaries. Pure logic.

Every text an organization writes is published on the public site. The site escapes everything it
shows, always; on top of that, text that looks like markup (a tag, a comment, a processing
instruction) is refused at the door with a 422 naming the field, checked on the NFKC form so
full-width look-alikes of `<` count too. Text is stored in NFC.
"""

import re
import unicodedata

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError

_MARKUP = re.compile(r"<\s*[A-Za-z/!?]|&#?[A-Za-z0-9]+;|javascript\s*:", re.IGNORECASE)
MARKUP_REFUSED = Message(
    "Le balisage HTML ou le script n'est pas permis dans ce texte.",
    "HTML markup or script is not allowed in this text.",
)


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(unicodedata.normalize("NFKC", text)))


def markup_errors(fields: dict[str, str]) -> list[FieldError]:
    """One 422 field error per text field (`body.name_fr` ...) that holds markup."""
    return [FieldError(path, "markup", MARKUP_REFUSED) for path, text in fields.items() if has_markup(text)]


def normalized(text: str) -> str:
    return unicodedata.normalize("NFC", text)
