"""`core.request_body`: what every resolver refuses before validation, by class."""

import json

import pytest

from numeriqc.core.problems import MalformedRequest, UnsupportedMediaType
from numeriqc.core.request_body import MAX_DEPTH, check_content_type, parse_json


@pytest.mark.parametrize(
    "media_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "text/json",
        "application/jsonx",
    ],
)
def test_a_body_in_another_media_type_is_415_on_every_write_method(media_type: str) -> None:
    for method in ("POST", "put", "PATCH"):
        with pytest.raises(UnsupportedMediaType) as refused:
            check_content_type(method, media_type, "x=1")
        assert refused.value.errors[0].field == "header.content-type"


@pytest.mark.parametrize(
    ("method", "media_type", "body"),
    [
        ("POST", "application/json", "{}"),
        ("POST", "Application/JSON; charset=utf-8", "{}"),
        ("POST", "application/merge-patch+json", "{}"),
        ("POST", None, "{}"),  # no content type: read as JSON, as Powertools does
        ("POST", "text/plain", ""),  # no body
        ("GET", "text/plain", "ignored"),  # reads take no body
    ],
)
def test_json_no_body_and_reads_pass(method: str, media_type: str | None, body: str) -> None:
    check_content_type(method, media_type, body)


def test_nesting_up_to_the_limit_parses_and_one_level_more_is_refused() -> None:
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(MalformedRequest) as refused:
        parse_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert refused.value.errors[0].code == "too_deep"


def test_nesting_past_the_recursion_limit_is_a_problem_not_a_recursion_error() -> None:
    for opening, closing in (("[", "]"), ('{"a":', "}")):
        with pytest.raises(MalformedRequest):
            parse_json(opening * 100_000 + "1" + closing * 100_000)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('"\\ud800"', "body"),
        ('{"name": "a\\udc00b"}', "body.name"),
        ('{"p": {"x": ["ok", "\\udbff"]}}', "body.p.x[1]"),
        ('{"\\ud83d": 1}', "body.\ufffd"),
        ('[{"k": "\\udfff\\ud800"}]', "body[0].k"),
    ],
)
def test_a_lone_surrogate_anywhere_is_refused_naming_its_field(text: str, field: str) -> None:
    with pytest.raises(MalformedRequest) as refused:
        parse_json(text)
    error = refused.value.errors[0]
    assert (error.field, error.code) == (field, "invalid_unicode")
    error.render("fr")["field"].encode("utf-8")  # the answer itself is valid UTF-8


def test_paired_surrogates_and_every_other_character_pass() -> None:
    text = json.dumps({"emoji": "😀", "escaped": "\ud83d\ude00", "fr": "Zoé", "nul": "\u0000"})
    assert parse_json(text)["escaped"] == "😀"


def test_a_syntax_error_stays_the_resolver_s_own_400() -> None:
    with pytest.raises(json.JSONDecodeError):
        parse_json("{")
