"""French first, English second: pick the reader's language and look messages up in one catalogue."""

from typing import Literal

Language = Literal["fr", "en"]
SUPPORTED: tuple[Language, ...] = ("fr", "en")
DEFAULT_LANGUAGE: Language = "fr"


def negotiate(accept_language: str | None) -> Language:
    """The best supported language for an Accept-Language header (RFC 9110 q-values); French by default."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()[:2]))
    for negative_quality, _, primary in sorted(ranked):
        if negative_quality < 0 and primary in SUPPORTED:
            return primary
    return DEFAULT_LANGUAGE


class Message:
    """A message in both official languages, with `{name}` parameters."""

    def __init__(self, fr: str, en: str) -> None:
        self.fr = fr
        self.en = en

    def render(self, language: Language, **params: object) -> str:
        template = self.fr if language == "fr" else self.en
        return template.format(**params) if params else template
