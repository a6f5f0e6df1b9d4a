"""Schemas: a message's faults are named by row and field; a new version that would break old
consumers is refused unless declared breaking; a schema that is not a JSON Schema is refused."""

from typing import Any

import pytest

from numeriqc.exchange import schemas

BASE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "permit": {"type": "string", "pattern": "^[A-Z][0-9]{4}$"},
        "points": {"type": "integer", "minimum": 0, "maximum": 15},
        "class": {"enum": ["A", "B"]},
        "address": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
    "required": ["permit", "points"],
    "additionalProperties": False,
}


def fields(errors: list[Any]) -> list[tuple[str, str]]:
    return sorted((error.field, error.code) for error in errors)


def test_a_valid_message_has_no_errors() -> None:
    data = {"permit": "A1234", "points": 3, "class": "A", "address": {"city": "Québec"}}
    assert schemas.MessageValidator(BASE).errors(data, "body.messages[0].data") == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"points": 3}, [("body.messages[4].data.permit", "required")]),
        ({}, [("body.messages[4].data.permit", "required"), ("body.messages[4].data.points", "required")]),
        ({"permit": "A1234", "points": "3"}, [("body.messages[4].data.points", "type")]),
        ({"permit": "a1", "points": 3}, [("body.messages[4].data.permit", "pattern")]),
        ({"permit": "A1234", "points": 16}, [("body.messages[4].data.points", "maximum")]),
        ({"permit": "A1234", "points": -1}, [("body.messages[4].data.points", "minimum")]),
        ({"permit": "A1234", "points": 1, "class": "C"}, [("body.messages[4].data.class", "enum")]),
        ({"permit": "A1234", "points": 1, "nas": "x"}, [("body.messages[4].data.nas", "unexpected")]),
        (
            {"permit": "A1234", "points": 1, "address": {}},
            [("body.messages[4].data.address.city", "required")],
        ),
    ],
)
def test_each_fault_names_its_row_and_field(data: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert fields(schemas.MessageValidator(BASE).errors(data, "body.messages[4].data")) == expected


def test_errors_render_in_both_languages_without_the_value() -> None:
    [error] = schemas.MessageValidator(BASE).errors({"permit": "SECRET-VALUE", "points": 1}, "d")
    french, english = error.render("fr"), error.render("en")
    assert french["detail"] != english["detail"]
    assert "SECRET-VALUE" not in french["detail"] + english["detail"]


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "object", "properties": {"a": {"type": "nope"}}},
        {"type": "array"},
        {"type": "object", "required": 3},
    ],
)
def test_a_schema_that_cannot_describe_a_message_is_refused(schema: dict[str, Any]) -> None:
    [error] = schemas.check_schema(schema)
    assert error.field.startswith("body.schema")


def changed(**changes: Any) -> dict[str, Any]:
    schema = {**BASE, "properties": dict(BASE["properties"])}
    for name, value in changes.items():
        if name in ("required", "additionalProperties"):
            schema[name] = value
        elif value is None:
            schema["properties"].pop(name)
        else:
            schema["properties"][name] = value
    return schema


def test_adding_an_optional_property_where_allowed_is_compatible() -> None:
    old = {**BASE, "additionalProperties": True}
    new = {**old, "properties": {**BASE["properties"], "note": {"type": "string"}}}
    assert schemas.breaking_changes(old, new) == []


@pytest.mark.parametrize(
    ("new", "field"),
    [
        (changed(points={"type": "string"}), "body.schema.properties.points.type"),
        (changed(permit=None), "body.schema.properties.permit"),
        (changed(required=["permit"]), "body.schema.required"),
        (changed(note={"type": "string"}), "body.schema.properties.note"),
        (changed(**{"class": {"enum": ["A", "B", "C"]}}), "body.schema.properties.class.enum"),
        (
            changed(address={"type": "object", "properties": {}}),
            "body.schema.properties.address.properties.city",
        ),
    ],
)
def test_every_kind_of_breaking_change_is_named(new: dict[str, Any], field: str) -> None:
    assert field in [error.field for error in schemas.breaking_changes(BASE, new)]
