"""Indicators and reports through the real wiring: versions, aggregates across organizations, and
every refusal a 4xx problem naming its field, wholly in French or wholly in English."""

import re
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.dynamo import from_item
from numeriqc.core.problems import CONTENT_TYPE
from tests.support.barometer import define, indicator_body, report, reporter_key, target_date, this_month
from tests.support.platform import NewKey, bearer


def _items(platform: Any) -> list[dict[str, Any]]:
    table = platform.names["BarometerTable"]
    return [from_item(item) for item in aws.client("dynamodb").scan(TableName=table)["Items"]]


def _series(platform: Any, indicator_id: str = "services-en-ligne") -> dict[str, Any]:
    response = platform.http("GET", f"/v1/barometer/indicators/{indicator_id}/series")
    assert response.status == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_a_report_is_versioned_and_aggregated_across_organizations(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, mcn = reporter_key(new_key, "saaq"), reporter_key(new_key, "mcn")
    define(platform, saaq)
    first = report(platform, saaq, value=50, base=10)
    assert first.status == 201, first.text
    assert first.json()["version"] == 1
    assert report(platform, saaq, value=50, base=10).status == 200  # the same again: harmless
    assert report(platform, mcn, value=80, base=30).status == 201
    assert _series(platform)["points"] == [{"period": this_month(), "value": 72.5, "reports": 2}]

    refused = report(platform, saaq, value=60, base=10)
    assert refused.status == 409
    assert refused.json()["errors"][0]["field"] == "body.value"
    corrected = report(platform, saaq, value=60, base=10, correction=True)
    assert corrected.status == 201, corrected.text
    assert corrected.json()["version"] == 2
    assert _series(platform)["points"][0]["value"] == 75.0  # (60*10 + 80*30) / 40

    history = platform.http(
        "GET", f"/v1/barometer/reports/services-en-ligne/{this_month()}", headers=bearer(saaq)
    )
    assert [(item["version"], item["value"]) for item in history.json()["items"]] == [(1, 50), (2, 60)]
    other = platform.http(
        "GET", f"/v1/barometer/reports/services-en-ligne/{this_month()}", headers=bearer(mcn)
    )
    assert [item["value"] for item in other.json()["items"]] == [80]


def test_the_public_reads_the_measures_and_the_indicators_without_a_key(
    platform: Any, new_key: NewKey
) -> None:
    measures = platform.http("GET", "/v1/barometer/measures").json()["items"]
    assert [measure["number"] for measure in measures] == list(range(1, 17))
    assert measures[14]["title_fr"] == "Lancer le Baromètre numériQc"
    indicators = platform.http("GET", "/v1/barometer/indicators").json()["items"]
    assert {"feedback-csat", "notifications-delivery-rate"} <= {item["indicator_id"] for item in indicators}
    missing = platform.http("GET", "/v1/barometer/indicators/nulle-part")
    assert missing.status == 404
    assert missing.headers["content-type"].startswith(CONTENT_TYPE)


def test_writing_needs_the_barometer_scope(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq", {Scope.FEEDBACK_READ})
    response = platform.http("POST", "/v1/barometer/indicators", headers=bearer(key), json=indicator_body())
    assert response.status == 403
    assert platform.http("POST", "/v1/barometer/reports", json={}).status == 401


REPORT_REFUSALS = [
    ({"indicator_id": "inconnu-total"}, "body.indicator_id"),
    ({"period": "2026-13"}, "body.period"),
    ({"period": "2026-Q1"}, "body.period"),
    ({"period": "2999-01"}, "body.period"),
    ({"unit": "dollars"}, "body.unit"),
    ({"unit": "kilos"}, "body.unit"),
    ({"value": 100.5}, "body.value"),
    ({"value": "beaucoup"}, "body.value"),
    ({"value": None}, "body.value"),
    ({"base": 0}, "body.base"),
    ({"correction": "peut-être"}, "body.correction"),
    ({"extra": 1}, "body.extra"),
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_bad_report_is_a_4xx_naming_its_field_in_one_language(
    platform: Any, new_key: NewKey, service_clock: Any, language: str
) -> None:
    key = reporter_key(new_key)
    define(platform, key)
    for body, field in REPORT_REFUSALS:
        response = report(platform, key, language=language, **body)
        assert 400 <= response.status < 500, (body, response.text)
        problem = response.json()
        assert response.headers["content-language"] == language
        assert field in [error["field"] for error in problem["errors"]], (body, problem)
        _one_language(problem, language)
    assert not [item for item in _items(platform) if str(item["pk"]).startswith("REP")]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"targets": [{"value": 80, "date": "2020-01-01"}]}, "body.targets[0].date"),
        ({"name_fr": "<script>alert(1)</script>"}, "body.name_fr"),
        ({"description_en": "<a href=x>y</a>"}, "body.description_en"),
        ({"name_en": "＜img src=x onerror=alert(1)＞"}, "body.name_en"),
        ({"unit": "furlongs"}, "body.unit"),
        ({"measure": 17}, "body.measure"),
        ({"targets": []}, "body.targets"),
        ({"range": {"min": 5, "max": 1}}, "body.range"),
        ({"range": {"min": 0, "max": 200}}, "body.range"),
        ({"indicator_id": "Pas Valide"}, "body.indicator_id"),
    ],
)
def test_each_bad_definition_is_a_422_naming_its_field(
    platform: Any, new_key: NewKey, service_clock: Any, changes, field
) -> None:
    key = reporter_key(new_key)
    for language in ("fr", "en"):
        response = platform.http(
            "POST", "/v1/barometer/indicators", headers=bearer(key, language), json=indicator_body(**changes)
        )
        assert response.status == 422, response.text
        assert field in [error["field"] for error in response.json()["errors"]]
        _one_language(response.json(), language)
    assert _items(platform) == []


def test_a_taken_indicator_id_is_a_conflict(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    key = reporter_key(new_key)
    define(platform, key)
    again = platform.http("POST", "/v1/barometer/indicators", headers=bearer(key), json=indicator_body())
    assert again.status == 409
    platform_owned = platform.http(
        "POST",
        "/v1/barometer/indicators",
        headers=bearer(key),
        json=indicator_body(indicator_id="feedback-csat"),
    )
    assert platform_owned.status == 409
    assert target_date() > this_month()


_FRENCH_ONLY = (
    "Données",
    "champ",
    "attendu",
    "doit",
    "Aucun",
    "permis",
    "n'est",
    "unité",
    "valeur",
    "période",
)
_ENGLISH_ONLY = (
    "Invalid",
    "field",
    "expected",
    "must",
    "No indicator",
    "allowed",
    "is not",
    "unit",
    "value",
    "period",
)


def _one_language(problem: dict[str, Any], language: str) -> None:
    """Every text of the problem in `language`: no word only the other language uses."""
    texts = [problem["title"], problem.get("detail", "")] + [
        error["detail"] for error in problem.get("errors", [])
    ]
    other = _ENGLISH_ONLY if language == "fr" else _FRENCH_ONLY
    for text in texts:
        for word in other:
            assert not re.search(rf"\b{re.escape(word)}\b", text), (language, text)
