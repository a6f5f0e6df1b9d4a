"""Every validation error our resolver can render is wholly in the language asked for.

The class is pydantic's every error type (pydantic_core's `ErrorType`), with the library's own
English message and explanations in the error: none of it may reach the answer.
"""

from typing import Any, get_args

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from numeriqc.core.problems import ValidationFailed
from numeriqc.core.validation import field_errors
from tests.support.languages import other_language

LIBRARY_TEXT = "Input should be a valid number, unable to parse string as an integer"
CONTEXT: dict[str, Any] = {
    "min_length": 1,
    "max_length": 2,
    "ge": 1,
    "le": 2,
    "gt": 1,
    "lt": 2,
    "expected": "'email' or 'sms'",
    "multiple_of": 2,
    "expected_tags": "'a', 'b'",
    "discriminator": "'kind'",
    "tag": "x",
    "pattern": "^[a-z]+$",
    "error": "input is too short",
    "reason": "invalid character in year",
    "max_characters": 10,
    "class_name": "Thing",
    "max_digits": 3,
    "decimal_places": 2,
    "whole_digits": 1,
    "class": "Thing",
    "expected_scheme": "https",
    "type": "int",
}


def _render(error: dict[str, Any], language: str) -> str:
    problem = ValidationFailed(errors=field_errors([error]))
    body = problem.body(language)  # type: ignore[arg-type]
    return " ".join([body["title"], *(item["detail"] for item in body["errors"])])


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("error_type", sorted(get_args(ErrorType)))
def test_every_pydantic_error_type_is_answered_in_one_language(error_type: str, language: str) -> None:
    error = {"type": error_type, "loc": ("body", "field"), "msg": LIBRARY_TEXT, "ctx": CONTEXT, "input": "x"}
    text = _render(error, language)
    assert "Input should" not in text and "unable to parse" not in text
    assert other_language(text, language) == [], text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_custom_validator_s_two_halves_are_split(language: str) -> None:
    class Phone(BaseModel):
        phone: str

        def model_post_init(self, _: Any) -> None:
            raise ValueError("Numéro de téléphone invalide. / Invalid phone number.")

    with pytest.raises(ValidationError) as refused:
        Phone(phone="x")
    text = _render(dict(refused.value.errors()[0]), language)
    expected = "Numéro de téléphone invalide." if language == "fr" else "Invalid phone number."
    assert expected in text and other_language(text, language) == [], text


def test_choices_are_listed_without_an_english_or() -> None:
    error = {
        "type": "literal_error",
        "loc": ("body", "channel"),
        "msg": "x",
        "ctx": {"expected": "'a' or 'b'"},
    }
    assert "'a', 'b'" in _render(error, "fr")
