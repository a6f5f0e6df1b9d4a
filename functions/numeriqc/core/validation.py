"""Turn pydantic / Powertools validation errors into field errors a person can read, in both languages."""

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
    "unsupported_content_type": Message(
        "Le type de contenu doit être application/json.", "The content type must be application/json."
    ),
}
_FALLBACK = Message("Valeur invalide : {reason}", "Invalid value: {reason}")


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
    """One FieldError per pydantic error, with the catalogue message or the validator's own reason."""
    result = []
    for error in errors:
        code = str(error.get("type", "value_error"))
        context = dict(error.get("ctx") or {})
        message = _MESSAGES.get(code)
        if message is None or not _has_params(message, context):
            # Custom validators raise ValueError with their own (bilingual) text: keep it.
            message, context = _FALLBACK, {"reason": str(context.get("error", error.get("msg", code)))}
        location = tuple(error.get("loc", ()))
        if code == "json_invalid":
            location = ("body",)
        result.append(FieldError(field_path(location), code, message, **context))
    return result


def _has_params(message: Message, context: Mapping[str, Any]) -> bool:
    try:
        message.render("en", **context)
        message.render("fr", **context)
    except (KeyError, IndexError):
        return False
    return True
