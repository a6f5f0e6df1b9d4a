"""Template language: `((placeholder))`, `((name??text))`, `[[fr]]…[[/fr]] [[en]]…[[/en]]`. Pure logic.

A template version is compiled once per (language, output) into a list of segments: literal text
and references to personalisation values. Rendering a row is then a join, which is what makes
planning 100,000 rows cheap. Placeholder names compare case- and space-insensitively, as in
GOV.UK Notify: `((Prénom))` matches `prénom`.
"""

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError
from numeriqc.notifications import markdown
from numeriqc.notifications.models import Channel, TemplateEdit, Value
from numeriqc.notifications.sms_length import transliterate

FIELD = re.compile(r"\(\(([^()]*?)\)\)")
_BLOCK = re.compile(r"\[\[(fr|en)\]\](.*?)\[\[/\1\]\]", re.S)
_STRAY_MARKER = re.compile(r"\[\[/?(fr|en)\]\]")
_NAME = re.compile(r"^[^\s?()][^?()]{0,79}$")
_TOKEN = re.compile(r"\x00(\d+)\x00")
TRUTHY = frozenset({"yes", "oui", "true", "vrai", "1", "y", "o"})

Output = Literal["text", "html", "sms", "subject"]

_MISSING = Message(
    "Le champ de personnalisation « {name} » manque.", "Personalisation field '{name}' is missing."
)
_UNKNOWN = Message(
    "« {name} » n'est pas un champ de ce gabarit.", "'{name}' is not a placeholder of this template."
)
_BAD_NAME = Message("Nom de champ invalide : « {name} ».", "Invalid placeholder name: '{name}'.")
_BAD_BLOCK = Message(
    "Bloc de langue mal formé : [[fr]]…[[/fr]] et [[en]]…[[/en]] vont par paires, sans imbrication.",
    "Malformed language block: [[fr]]…[[/fr]] and [[en]]…[[/en]] come in pairs, not nested.",
)
_SUBJECT_REQUIRED = Message("Un courriel doit avoir un objet.", "An email needs a subject.")
_NO_SUBJECT = Message("Un texto n'a pas d'objet.", "An SMS has no subject.")
_GSM_EMAIL = Message("gsm7_safe ne s'applique qu'aux textos.", "gsm7_safe only applies to SMS.")
_NUL = Message("Le caractère NUL n'est pas permis.", "The NUL character is not allowed.")


def normalise(name: str) -> str:
    return "".join(name.lower().split())


def _parts(inner: str) -> tuple[str, str | None]:
    name, separator, text = inner.partition("??")
    return name.strip(), (text if separator else None)


def select_language(text: str, language: str) -> str:
    """Keep the blocks of `language` (both, French first as written, for `bilingual`)."""
    keep = {"fr", "en"} if language == "bilingual" else {language}
    return _BLOCK.sub(lambda m: f"\n\n{m[2].strip()}\n\n" if m[1] in keep else "", text).strip()


def placeholders(*texts: str | None) -> list[str]:
    """Every placeholder name, normalised, in order of first appearance."""
    names: dict[str, None] = {}
    for text in texts:
        for match in FIELD.finditer(text or ""):
            names[normalise(_parts(match[1])[0])] = None
    return list(names)


def content_errors(channel: Channel, edit: TemplateEdit) -> list[FieldError]:
    """What is wrong with a template's content, each error naming its field."""
    errors: list[FieldError] = []
    if channel is Channel.EMAIL and not edit.subject:
        errors.append(FieldError("body.subject", "subject_required", _SUBJECT_REQUIRED))
    if channel is Channel.SMS and edit.subject:
        errors.append(FieldError("body.subject", "subject_not_allowed", _NO_SUBJECT))
    if channel is Channel.EMAIL and edit.gsm7_safe:
        errors.append(FieldError("body.gsm7_safe", "sms_only", _GSM_EMAIL))
    for field, text in (("body.subject", edit.subject), ("body.body", edit.body)):
        if not text:
            continue
        if "\x00" in text:
            errors.append(FieldError(field, "nul", _NUL))
        if _STRAY_MARKER.search(_BLOCK.sub("", text)):
            errors.append(FieldError(field, "language_block", _BAD_BLOCK))
        for match in FIELD.finditer(text):
            name = _parts(match[1])[0]
            if not _NAME.match(name):
                errors.append(FieldError(field, "placeholder_name", _BAD_NAME, name=name))
    return errors


def personalisation_errors(
    names: list[str], personalisation: dict[str, Value], prefix: str = "body.personalisation"
) -> list[FieldError]:
    """Missing and unknown placeholders, each named (`body.personalisation.date`)."""
    given = {normalise(key): key for key in personalisation}
    errors = [
        FieldError(f"{prefix}.{name}", "missing_placeholder", _MISSING, name=name)
        for name in names
        if name not in given
    ]
    wanted = set(names)
    errors.extend(
        FieldError(f"{prefix}.{key}", "unknown_placeholder", _UNKNOWN, name=key)
        for normal, key in given.items()
        if normal not in wanted
    )
    return errors


@dataclass(frozen=True)
class Compiled:
    """Literal strings interleaved with ("var", name) / ("if", name, rendered text) references."""

    segments: tuple[str | tuple[str, str, str], ...]
    escape: bool

    def render(self, values: dict[str, str]) -> str:
        out: list[str] = []
        for segment in self.segments:
            if isinstance(segment, str):
                out.append(segment)
                continue
            kind, name, text = segment
            value = values.get(name, "")
            if kind == "var":
                out.append(html.escape(value) if self.escape else value)
            elif value.strip().lower() in TRUTHY:
                out.append(text)
        return "".join(out)


@lru_cache(maxsize=512)
def compile_text(text: str, language: str, output: Output) -> Compiled:
    """Compile one template text for one language and output (cached: versions never change)."""
    chosen = select_language(text, language)
    references: list[tuple[str, str, str]] = []

    def token(match: re.Match[str]) -> str:
        name, conditional = _parts(match[1])
        if conditional is None:
            references.append(("var", normalise(name), ""))
        else:
            rendered = markdown.inline_html(conditional) if output == "html" else conditional
            references.append(("if", normalise(name), rendered))
        return f"\x00{len(references) - 1}\x00"

    tokenised = FIELD.sub(token, chosen)
    if output == "html":
        tokenised = markdown.to_html(tokenised)
    elif output == "text":
        tokenised = markdown.to_text(tokenised)
    elif output == "subject":
        tokenised = " ".join(tokenised.split())
    segments: list[str | tuple[str, str, str]] = []
    position = 0
    for match in _TOKEN.finditer(tokenised):
        if match.start() > position:
            segments.append(tokenised[position : match.start()])
        segments.append(references[int(match[1])])
        position = match.end()
    if position < len(tokenised):
        segments.append(tokenised[position:])
    return Compiled(tuple(segments), escape=output == "html")


def values_of(personalisation: dict[str, Value]) -> dict[str, str]:
    """Personalisation as text, keyed by normalised name (booleans as yes/no for conditionals)."""
    out: dict[str, str] = {}
    for key, value in personalisation.items():
        out[normalise(key)] = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    return out


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


_BLANKS = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")
_EMPTY_HTML = re.compile(r"(<br>)+(?=</p>)|<p>(<br>)*</p>\n?|(?<=<p>)(<br>)+")


def tidy_text(text: str) -> str:
    """A conditional that shows nothing leaves an empty line: never more than one blank line."""
    return _BLANKS.sub("\n\n", text).strip()


def render_email(subject: str, body: str, values: dict[str, str], language: str) -> RenderedEmail:
    rendered_subject = " ".join(compile_text(subject, language, "subject").render(values).split())
    text = tidy_text(compile_text(body, language, "text").render(values))
    body_html = _EMPTY_HTML.sub("", compile_text(body, language, "html").render(values))
    html_language = "fr" if language == "bilingual" else language
    return RenderedEmail(
        rendered_subject, text, markdown.html_document(body_html, html_language, rendered_subject)
    )


def render_sms(body: str, values: dict[str, str], language: str, gsm7_safe: bool) -> str:
    text = tidy_text(compile_text(body, language, "sms").render(values))
    return transliterate(text) if gsm7_safe else text
