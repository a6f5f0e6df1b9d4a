"""The benefits register and the showcase through the real wiring: submitted, moderated by the
platform's moderating organization, then public on the API and on the site."""

from typing import Any

from tests.support.barometer import REPORTER, this_month
from tests.support.platform import NewKey, bearer

BENEFIT = {
    "benefit_id": "permis-en-ligne",
    "measure": 16,
    "title_fr": "Permis en ligne",
    "title_en": "Online licences",
    "kind": "dollars_saved",
    "method_fr": "Coût au comptoir évité",
    "method_en": "Counter cost avoided",
    "estimates": [{"period": "2026", "value": 250000}],
}
ACHIEVEMENT = {
    "achievement_id": "rendez-vous",
    "title_fr": "Prise de rendez-vous en ligne",
    "title_en": "Online appointment booking",
    "summary_fr": "Réserver sans attendre au téléphone.",
    "summary_en": "Book without waiting on the phone.",
    "links": ["https://saaq.gouv.qc.ca/rendez-vous"],
    "status": "delivered",
    "date": "2026-04-01",
    "measures": [7],
}


def _site_page(platform: Any, key: str) -> str:
    from numeriqc.core import aws

    bucket = platform.names["BarometerSiteBucket"]
    return aws.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read().decode()  # type: ignore[no-any-return]


def test_submitted_moderated_then_public_on_the_api_and_the_site(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    saaq, moderator = new_key("saaq", REPORTER), new_key("numeriqc", REPORTER)
    # Estimated and measured in the same year, whatever year the clock reads: with the estimate's
    # year written as "2026", the page showed no difference from 2027 on.
    this_year = {**BENEFIT, "estimates": [{"period": this_month()[:4], "value": 250000}]}
    assert platform.http("POST", "/v1/barometer/benefits", headers=bearer(saaq), json=this_year).status == 201
    assert (
        platform.http("POST", "/v1/barometer/showcase", headers=bearer(saaq), json=ACHIEVEMENT).status == 201
    )
    measured = platform.http(
        "POST",
        "/v1/barometer/benefits/permis-en-ligne/measurements",
        headers=bearer(saaq),
        json={"period": this_month()[:4], "measured": 200000, "reinvested": 50000},
    )
    assert measured.status == 200, measured.text
    assert platform.http("GET", "/v1/barometer/benefits").json()["items"] == []

    refused = platform.http(
        "POST",
        "/v1/barometer/moderation/benefit/permis-en-ligne",
        headers=bearer(saaq, "en"),
        json={"decision": "approved"},
    )
    assert refused.status == 403
    for kind, entry in (("benefit", "permis-en-ligne"), ("achievement", "rendez-vous")):
        answer = platform.http(
            "POST",
            f"/v1/barometer/moderation/{kind}/{entry}",
            headers=bearer(moderator),
            json={"decision": "approved"},
        )
        assert answer.status == 204, answer.text
    platform.drain()

    (benefit,) = platform.http("GET", "/v1/barometer/benefits").json()["items"]
    assert benefit["measurements"][this_month()[:4]]["reinvested"] == 50000
    assert [
        item["achievement_id"] for item in platform.http("GET", "/v1/barometer/showcase").json()["items"]
    ] == ["rendez-vous"]
    benefits_page = _site_page(platform, "en/benefits.html")
    assert "Online licences" in benefits_page and "$250,000" in benefits_page and "$50,000" in benefits_page
    assert "-50,000" in benefits_page.replace("$-", "-").replace("-$", "-")
    assert "Prise de rendez-vous en ligne" in _site_page(platform, "fr/vitrine.html")


def test_bad_entries_are_4xx_naming_the_field(platform: Any, new_key: NewKey, service_clock: Any) -> None:
    key = new_key("saaq", REPORTER)
    cases = [
        ("/v1/barometer/benefits", {**BENEFIT, "method_en": "<b>x</b>"}, "body.method_en"),
        ("/v1/barometer/benefits", {**BENEFIT, "kind": "bonheur"}, "body.kind"),
        (
            "/v1/barometer/benefits",
            {**BENEFIT, "estimates": [{"period": "2026-13", "value": 1}]},
            "body.estimates[0].period",
        ),
        ("/v1/barometer/showcase", {**ACHIEVEMENT, "links": ["javascript:alert(1)"]}, "body.links[0]"),
        ("/v1/barometer/showcase", {**ACHIEVEMENT, "measures": [17]}, "body.measures[0]"),
        ("/v1/barometer/showcase", {**ACHIEVEMENT, "summary_fr": "＜script＞"}, "body.summary_fr"),
        ("/v1/barometer/moderation/benefit/permis-en-ligne", {"decision": "peut-être"}, "body.decision"),
    ]
    for path, body, field in cases:
        answer = platform.http("POST", path, headers=bearer(key), json=body)
        assert 400 <= answer.status < 500, (path, answer.text)
        assert field in [error["field"] for error in answer.json().get("errors", [])], (field, answer.text)
    assert platform.http(
        "POST", "/v1/barometer/moderation/other/x-y-z", headers=bearer(key), json={}
    ).status in (
        400,
        404,
        422,
    )
