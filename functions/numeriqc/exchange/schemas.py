"""Whether a dataset's JSON Schema is usable, whether a new version keeps old consumers working, and
whether a message matches its schema: every refusal names the field (and the message's row).

Compatibility is judged from the consumer's side: a message written under the new version must
still be read correctly by code written for the old one. So, at every level of `properties`: no
property removed, none made optional that was required, no type or enum widened, no new property
where the old version forbade additional ones. Anything else is breaking, and must be declared so.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

MAX_ERRORS = 100

_INVALID_SCHEMA = Message(
    "Ce n'est pas un JSON Schema valide : {reason}.", "This is not a valid JSON Schema: {reason}."
)
_NOT_OBJECT = Message(
    "Le schéma d'un message doit décrire un objet (type « object »).",
    "A message's schema must describe an object (type 'object').",
)
_BREAKING = Message(
    "Changement incompatible ({change}); déclarez la version « breaking » pour le publier.",
    "Incompatible change ({change}); declare the version 'breaking' to publish it.",
)
_RULES = {
    "required": Message("Ce champ est obligatoire.", "This field is required."),
    "type": Message("Le type attendu est {expected}.", "The expected type is {expected}."),
    "enum": Message("Valeur hors de la liste permise.", "Value not in the allowed list."),
    "additionalProperties": Message("Ce champ n'est pas prévu.", "This field is not expected."),
    "pattern": Message("Le format ne correspond pas.", "The format does not match."),
    "minLength": Message("Trop court.", "Too short."),
    "maxLength": Message("Trop long.", "Too long."),
    "minimum": Message("Trop petit.", "Too small."),
    "maximum": Message("Trop grand.", "Too large."),
}
_OTHER = Message("Ne respecte pas la règle « {rule} » du schéma.", "Breaks the schema's '{rule}' rule.")


def check_schema(schema: dict[str, Any], field: str = "body.schema") -> list[FieldError]:
    # imported on first use, not at cold start (docs/decisions/0002)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        return [FieldError(field, "invalid_schema", _INVALID_SCHEMA, reason=error.message[:200])]
    if schema.get("type") != "object":
        return [FieldError(f"{field}.type", "not_object", _NOT_OBJECT)]
    return []


def breaking_changes(old: dict[str, Any], new: dict[str, Any], at: str = "body.schema") -> list[FieldError]:
    """What in `new` would break a consumer of `old`, each named by where it is in the new schema."""
    return [
        FieldError(field, "breaking_change", _BREAKING, change=change)
        for field, change in _diff(old, new, at)
    ]


def _diff(old: dict[str, Any], new: dict[str, Any], at: str) -> Iterator[tuple[str, str]]:
    if old.get("type") != new.get("type"):
        yield f"{at}.type", f"type {old.get('type')} -> {new.get('type')}"
    if "enum" in new and not set(map(repr, new["enum"])) <= set(map(repr, old.get("enum", new["enum"]))):
        yield f"{at}.enum", "enum widened"
    old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
    for name in sorted(set(old.get("required") or []) - set(new.get("required") or [])):
        yield f"{at}.required", f"{name} no longer required"
    for name in sorted(set(old_props) - set(new_props)):
        yield f"{at}.properties.{name}", f"{name} removed"
    if old.get("additionalProperties") is False:
        for name in sorted(set(new_props) - set(old_props)):
            yield f"{at}.properties.{name}", f"{name} added where none were allowed"
    for name in sorted(set(old_props) & set(new_props)):
        if isinstance(old_props[name], dict) and isinstance(new_props[name], dict):
            yield from _diff(old_props[name], new_props[name], f"{at}.properties.{name}")


class MessageValidator:
    """Validates a batch of messages against one schema version (compiled once per batch)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        # imported on first use, not at cold start (docs/decisions/0002)
        from jsonschema import Draft202012Validator

        self._validator = Draft202012Validator(schema)

    def errors(self, data: dict[str, Any], at: str) -> list[FieldError]:
        found: dict[tuple[str, str], FieldError] = {}  # jsonschema repeats `required` per missing name
        for error in self._validator.iter_errors(data):
            for field_error in _field_errors(error, at):
                found.setdefault((field_error.field, field_error.code), field_error)
            if len(found) >= MAX_ERRORS:
                break
        return list(found.values())


def _field_errors(error: "ValidationError", at: str) -> list[FieldError]:
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    rule = str(error.validator)
    if rule == "required" and isinstance(error.instance, dict) and isinstance(error.validator_value, list):
        missing = [name for name in error.validator_value if name not in error.instance]
        return [FieldError(f"{at}{where}.{name}", "required", _RULES["required"]) for name in missing]
    if rule == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties") or {}) if isinstance(error.schema, dict) else set()
        extra = [name for name in error.instance if name not in known]
        return [FieldError(f"{at}{where}.{name}", "unexpected", _RULES[rule]) for name in extra]
    message = _RULES.get(rule)
    if message is None:
        return [FieldError(f"{at}{where}", rule, _OTHER, rule=rule)]
    return [FieldError(f"{at}{where}", rule, message, expected=error.validator_value)]
