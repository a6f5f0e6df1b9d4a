"""A heuristic check that a text is wholly in one language: English library phrases and common
English words in French answers, French letters and words in English answers."""

import re

ENGLISH = re.compile(
    r"\b(input|should|field required|value error|extra inputs|unsupported|decode|must|the|is|are|"
    r"or|and|expected|valid|number|string|allowed|characters?|missing|invalid|email address)\b",
    re.IGNORECASE,
)
FRENCH = re.compile(
    r"[éèêëàâçôûùîï«»]|\b(le|la|les|est|une|un|des|doit|valeur|champ|requête|attendu|permis|courriel)\b",
    re.IGNORECASE,
)


# What an answer quotes is the caller's own (a field name, a value): it may be in any language.
# An apostrophe after a letter is an elision (l'adresse), not a quote.
QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|«[^»]*»")


def other_language(text: str, language: str) -> list[str]:
    """The words of `text` that belong to the other language (empty when it is wholly `language`)."""
    pattern = ENGLISH if language == "fr" else FRENCH
    return [match.group(0) for match in pattern.finditer(QUOTED.sub("", text))]
