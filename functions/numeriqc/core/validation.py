"""Turn pydantic / Powertools validation errors into field errors a person can read, in both languages.

An error is rendered from its type alone, with our own text in each language; the library's
message (`msg`, and the English explanations some types carry in `ctx`) is never passed through,
so a French answer never carries an English sentence. A type missing from the catalogue gets
the generic message, still in one language. Custom validators write `français / English` (one
" / " between the two), and each answer keeps its own half.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError

_MESSAGES: dict[str, Message] = {
    "missing": Message("Ce champ est obligatoire.", "This field is required."),
    "json_invalid": Message("Le corps n'est pas un JSON valide.", "The body is not valid JSON."),
    "extra_forbidden": Message("Ce champ n'est pas permis.", "This field is not allowed."),
    "string_type": Message("Une chaîne de caractères est attendue.", "A string is expected."),
    "string_too_short": Message(
        "Au moins {min_length} caractère(s) sont attendus.", "At least {min_length} character(s) expected."
    ),
    "string_too_long": Message(
        "Au plus {max_length} caractères sont permis.", "At most {max_length} characters are allowed."
    ),
    "string_pattern_mismatch": Message("Le format n'est pas valide.", "The format is not valid."),
    "int_type": Message("Un nombre entier est attendu.", "An integer is expected."),
    "int_parsing": Message("Un nombre entier est attendu.", "An integer is expected."),
    "bool_parsing": Message("Une valeur booléenne est attendue.", "A boolean is expected."),
    "float_parsing": Message("Un nombre est attendu.", "A number is expected."),
    "float_type": Message("Un nombre est attendu.", "A number is expected."),
    "greater_than_equal": Message("La valeur doit être au moins {ge}.", "The value must be at least {ge}."),
    "less_than_equal": Message("La valeur doit être au plus {le}.", "The value must be at most {le}."),
    "greater_than": Message("La valeur doit dépasser {gt}.", "The value must exceed {gt}."),
    "less_than": Message("La valeur doit être sous {lt}.", "The value must be below {lt}."),
    "literal_error": Message("Valeurs permises : {expected}.", "Allowed values: {expected}."),
    "enum": Message("Valeurs permises : {expected}.", "Allowed values: {expected}."),
    "list_type": Message("Une liste est attendue.", "A list is expected."),
    "too_short": Message(
        "Au moins {min_length} élément(s) attendu(s).", "At least {min_length} item(s) expected."
    ),
    "too_long": Message(
        "Au plus {max_length} éléments sont permis.", "At most {max_length} items are allowed."
    ),
    "model_attributes_type": Message("Un objet JSON est attendu.", "A JSON object is expected."),
    "dict_type": Message("Un objet JSON est attendu.", "A JSON object is expected."),
    "url_parsing": Message("Une URL valide est attendue.", "A valid URL is expected."),
    "url_scheme": Message("Le schéma de l'URL n'est pas permis.", "The URL scheme is not allowed."),
    "datetime_parsing": Message(
        "Une date et heure ISO 8601 est attendue.", "An ISO 8601 date-time is expected."
    ),
    "datetime_from_date_parsing": Message(
        "Une date et heure ISO 8601 est attendue.", "An ISO 8601 date-time is expected."
    ),
    "personalisation_too_large": Message(
        "La personnalisation dépasse {max_characters} caractères au total.",
        "The personalisation exceeds {max_characters} characters in total.",
    ),
    "value_error": Message("Valeur invalide.", "Invalid value."),
    "assertion_error": Message("Valeur invalide.", "Invalid value."),
    "string_unicode": Message("Le texte n'est pas de l'Unicode valide.", "The text is not valid Unicode."),
    "string_sub_type": Message("Une chaîne de caractères est attendue.", "A string is expected."),
    "int_from_float": Message("Un nombre entier est attendu.", "An integer is expected."),
    "int_parsing_size": Message("Ce nombre est trop grand.", "This number is too large."),
    "finite_number": Message("Un nombre fini est attendu.", "A finite number is expected."),
    "multiple_of": Message(
        "La valeur doit être un multiple de {multiple_of}.", "The value must be a multiple of {multiple_of}."
    ),
    "bool_type": Message("Une valeur booléenne est attendue.", "A boolean is expected."),
    "none_required": Message("Ce champ doit être absent ou nul.", "This field must be absent or null."),
    "model_type": Message("Un objet JSON est attendu.", "A JSON object is expected."),
    "dataclass_type": Message("Un objet JSON est attendu.", "A JSON object is expected."),
    "tuple_type": Message("Une liste est attendue.", "A list is expected."),
    "set_type": Message("Une liste est attendue.", "A list is expected."),
    "iterable_type": Message("Une liste est attendue.", "A list is expected."),
    "json_type": Message("Un texte JSON est attendu.", "A JSON text is expected."),
    "url_type": Message("Une URL valide est attendue.", "A valid URL is expected."),
    "url_syntax_violation": Message("Une URL valide est attendue.", "A valid URL is expected."),
    "url_too_long": Message("L'URL est trop longue.", "The URL is too long."),
    "datetime_type": Message(
        "Une date et heure ISO 8601 est attendue.", "An ISO 8601 date-time is expected."
    ),
    "datetime_object_invalid": Message("Cette date et heure n'existe pas.", "This date-time does not exist."),
    "datetime_past": Message(
        "Une date et heure passée est attendue.", "A date-time in the past is expected."
    ),
    "datetime_future": Message(
        "Une date et heure future est attendue.", "A date-time in the future is expected."
    ),
    "timezone_aware": Message(
        "Indiquez le fuseau horaire (ex. -05:00).", "Give the time zone (e.g. -05:00)."
    ),
    "timezone_naive": Message("N'indiquez pas de fuseau horaire.", "Give no time zone."),
    "date_type": Message(
        "Une date ISO 8601 (AAAA-MM-JJ) est attendue.", "An ISO 8601 date (YYYY-MM-DD) is expected."
    ),
    "date_parsing": Message(
        "Une date ISO 8601 (AAAA-MM-JJ) est attendue.", "An ISO 8601 date (YYYY-MM-DD) is expected."
    ),
    "date_from_datetime_parsing": Message(
        "Une date ISO 8601 (AAAA-MM-JJ) est attendue.", "An ISO 8601 date (YYYY-MM-DD) is expected."
    ),
    "date_from_datetime_inexact": Message(
        "Une date sans heure est attendue.", "A date without a time is expected."
    ),
    "date_past": Message("Une date passée est attendue.", "A date in the past is expected."),
    "date_future": Message("Une date future est attendue.", "A date in the future is expected."),
    "time_type": Message("Une heure ISO 8601 (HH:MM) est attendue.", "An ISO 8601 time (HH:MM) is expected."),
    "time_parsing": Message(
        "Une heure ISO 8601 (HH:MM) est attendue.", "An ISO 8601 time (HH:MM) is expected."
    ),
    "time_delta_type": Message("Une durée est attendue.", "A duration is expected."),
    "time_delta_parsing": Message("Une durée est attendue.", "A duration is expected."),
    "uuid_type": Message("Un UUID est attendu.", "A UUID is expected."),
    "uuid_parsing": Message("Un UUID est attendu.", "A UUID is expected."),
    "decimal_type": Message("Un nombre est attendu.", "A number is expected."),
    "decimal_parsing": Message("Un nombre est attendu.", "A number is expected."),
    "union_tag_invalid": Message("Valeurs permises : {expected_tags}.", "Allowed values: {expected_tags}."),
    "union_tag_not_found": Message(
        "Le champ {discriminator} manque.", "The field {discriminator} is missing."
    ),
    "form_invalid": Message("Le corps n'est pas lisible.", "The body is not readable."),
    "unsupported_content_type": Message(
        "Le type de contenu doit être application/json.", "The content type must be application/json."
    ),
}
_FALLBACK = Message("Valeur invalide.", "Invalid value.")


def field_path(location: Iterable[Any]) -> str:
    """`("body", "contact", "email")` -> `body.contact.email`; list indexes as `[0]`."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path or "body"


def field_errors(errors: Iterable[Mapping[str, Any]]) -> list[FieldError]:
    """One FieldError per pydantic error, always with our own message for its type."""
    result = []
    for error in errors:
        code = str(error.get("type", "value_error"))
        context = {name: _plain(value) for name, value in dict(error.get("ctx") or {}).items()}
        message = _MESSAGES.get(code, _FALLBACK)
        if code == "value_error":
            message = _halves(str(context.get("error", ""))) or message
        if not _has_params(message, context):
            message = _FALLBACK
        location = tuple(error.get("loc", ()))
        if code == "json_invalid":
            location = ("body",)
        result.append(FieldError(field_path(location), code, message, **context))
    return result


def _plain(value: Any) -> Any:
    """Context values as shown: pydantic joins choices with an English " or ", we list them."""
    return value.replace(" or ", ", ") if isinstance(value, str) else value


def _halves(text: str) -> Message | None:
    """A custom validator's `français / English`, or None when it is not written that way."""
    french, separator, english = text.partition(" / ")
    return (
        Message(french.strip(), english.strip()) if separator and french.strip() and english.strip() else None
    )


def _has_params(message: Message, context: Mapping[str, Any]) -> bool:
    try:
        message.render("en", **context)
        message.render("fr", **context)
    except (KeyError, IndexError, ValueError):
        return False
    return True
