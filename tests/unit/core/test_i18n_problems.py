import json

import pytest

from numeriqc.core.i18n import Message, negotiate
from numeriqc.core.problems import PROBLEM_BASE, FieldError, NotFound, ValidationFailed
from numeriqc.core.validation import field_errors, field_path


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "fr"),
        ("", "fr"),
        ("en", "en"),
        ("en-CA,en;q=0.9", "en"),
        ("fr-CA", "fr"),
        ("de, en;q=0.5", "en"),
        ("de", "fr"),
        ("en;q=0.4, fr;q=0.8", "fr"),
        ("fr;q=0, en", "en"),
        ("en;q=garbage", "fr"),
    ],
)
def test_language_negotiation_prefers_french_and_honours_quality(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected


def test_problem_body_is_rfc9457_in_the_requested_language() -> None:
    problem = NotFound(Message("Aucun abonnement {id}.", "No subscription {id}."), id="X1")
    french = problem.body("fr", instance="/v1/subscriptions/X1")
    english = problem.body("en")
    assert french == {
        "type": PROBLEM_BASE + "introuvable",
        "title": "Ressource introuvable",
        "status": 404,
        "detail": "Aucun abonnement X1.",
        "instance": "/v1/subscriptions/X1",
    }
    assert english["title"] == "Resource not found"
    assert english["detail"] == "No subscription X1."
    json.dumps(french)  # serializable as is


def test_validation_problem_lists_each_field() -> None:
    problem = ValidationFailed(
        errors=[FieldError("body.family", "missing", Message("Obligatoire.", "Required."))]
    )
    body = problem.body("en")
    assert body["status"] == 422
    assert body["errors"] == [{"field": "body.family", "code": "missing", "detail": "Required."}]


def test_pydantic_errors_become_localized_field_errors() -> None:
    errors = field_errors(
        [
            {"type": "missing", "loc": ("body", "family"), "msg": "Field required"},
            {"type": "string_too_long", "loc": ("body", "name"), "msg": "...", "ctx": {"max_length": 200}},
            {"type": "json_invalid", "loc": ("body", 12), "msg": "JSON decode error", "ctx": {"error": "x"}},
            {"type": "custom_rule", "loc": ("query", "limit"), "msg": "Value error, too big"},
        ]
    )
    rendered_fr = [error.render("fr") for error in errors]
    rendered_en = [error.render("en") for error in errors]
    assert [error["field"] for error in rendered_fr] == ["body.family", "body.name", "body", "query.limit"]
    assert rendered_fr[0]["detail"] == "Ce champ est obligatoire."
    assert rendered_en[1]["detail"] == "At most 200 characters are allowed."
    # A type we do not know gets our generic message: the library's own text never passes through.
    assert (rendered_fr[3]["detail"], rendered_en[3]["detail"]) == ("Valeur invalide.", "Invalid value.")


def test_field_path_formats_nested_locations() -> None:
    assert field_path(("body", "rows", 3, "email")) == "body.rows[3].email"
    assert field_path(()) == "body"
