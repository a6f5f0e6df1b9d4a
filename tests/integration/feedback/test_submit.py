"""Citizen submissions through the real wiring: redaction, abuse rules, one transactional write."""

from typing import Any

from numeriqc.core import aws
from numeriqc.core.dynamo import from_item
from numeriqc.core.problems import CONTENT_TYPE
from tests.support.feedback import org_key, register, submit
from tests.support.platform import NewKey, bearer

COMMENT = (
    "Écrivez-moi à marie.tremblay@videotron.ca ou au 418-555-0142. Mon NAS est 046 454 286? Non: "
    "130 692 544. J'habite au 1234, rue Saint-Denis, H2X 1Y4. Dossier 2024-00123, payé 125,50 $."
)


def _items(platform: Any) -> list[dict[str, Any]]:
    table = platform.names["FeedbackTable"]
    return [from_item(item) for item in aws.client("dynamodb").scan(TableName=table)["Items"]]


def _feedback_items(platform: Any) -> list[dict[str, Any]]:
    return [item for item in _items(platform) if item.get("kind") == "feedback"]


def test_a_submission_is_redacted_stored_once_and_answered_with_a_receipt(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    register(platform, org_key(new_key))
    response = submit(
        platform,
        {
            "service_id": "saaq.permis",
            "rating": 2,
            "drivers": {"ease": "negative", "employee_helpfulness": "positive"},
            "comment": COMMENT,
            "channel": "web",
            "page_url": "https://saaq.gouv.qc.ca/permis/jean@exemple.ca?nom=Tremblay#haut",
        },
    )
    assert response.status == 201, response.text
    receipt = response.json()
    assert receipt["service_id"] == "saaq.permis"
    assert set(receipt["removed"]) == {"email", "phone", "sin", "address", "postal_code"}
    (item,) = _feedback_items(platform)
    assert item["feedback_id"] == receipt["receipt_id"]
    assert item["comment"] == (
        "Écrivez-moi à [courriel] ou au [téléphone]. Mon NAS est 046 454 286? Non: "
        "[NAS]. J'habite au [adresse], [code postal]. Dossier 2024-00123, payé 125,50 $."
    )
    assert item["page_url"] == "https://saaq.gouv.qc.ca/permis/[courriel]"
    assert item["status"] == "new"
    # Nothing of the original text, nor the client's address, is anywhere in the table.
    everything = repr(_items(platform))
    for secret in ("marie.tremblay", "555-0142", "130 692 544", "Saint-Denis", "H2X", "203.0.113.7", "nom="):
        assert secret not in everything


def test_bad_input_names_every_field_in_french_or_english(platform: Any, new_key: NewKey) -> None:
    body = {
        "service_id": "SAAQ",
        "rating": 9,
        "comment": "x" * 2001,
        "channel": "fax",
        "drivers": {"mood": "ok"},
    }
    response = submit(platform, body)
    assert response.status == 422
    assert response.header("content-type") == CONTENT_TYPE
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"body.service_id", "body.rating", "body.comment", "body.channel"} <= fields
    assert any(field.startswith("body.drivers") for field in fields)
    english = submit(platform, body, language="en").json()
    assert english["title"] == "Invalid data"
    assert response.json()["title"] == "Données invalides"


def test_an_unknown_service_is_a_422_naming_service_id(platform: Any, service_clock: Any) -> None:
    response = submit(platform, {"service_id": "saaq.inconnu", "rating": 4})
    assert response.status == 422
    (error,) = response.json()["errors"]
    assert error["field"] == "body.service_id"
    assert error["code"] == "unknown_service"
    assert _items(platform) == []


def test_honeypot_is_answered_like_success_and_never_stored(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    register(platform, org_key(new_key))
    response = submit(platform, {"service_id": "saaq.permis", "rating": 5, "website": "http://spam.example"})
    assert response.status == 201
    assert response.json()["receipt_id"]
    assert _feedback_items(platform) == []
    assert not [item for item in _items(platform) if str(item["pk"]).startswith(("AGG", "RATE", "DUP"))]


def test_the_same_submission_within_five_minutes_gets_the_same_receipt_and_is_stored_once(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    register(platform, org_key(new_key))
    body = {"service_id": "saaq.permis", "rating": 4, "comment": "Très bien, merci"}
    first = submit(platform, body).json()
    service_clock.advance(240)
    again = submit(platform, {**body, "comment": "  très BIEN,   merci "}).json()  # same words
    assert again["receipt_id"] == first["receipt_id"]
    other_client = submit(platform, body, ip="198.51.100.9").json()
    assert other_client["receipt_id"] != first["receipt_id"]
    assert len(_feedback_items(platform)) == 2
    service_clock.advance(61)  # 5 minutes and 1 second after the first
    later = submit(platform, body).json()
    assert later["receipt_id"] != first["receipt_id"]
    assert len(_feedback_items(platform)) == 3


def test_ten_submissions_a_minute_per_client_then_429_with_retry_after(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    register(platform, org_key(new_key))
    service_clock.set(service_clock.now().replace(second=0))
    for rating in range(10):
        response = submit(
            platform, {"service_id": "saaq.permis", "rating": rating % 5 + 1, "comment": str(rating)}
        )
        assert response.status == 201, response.text
    refused = submit(platform, {"service_id": "saaq.permis", "rating": 3, "comment": "onze"}, language="en")
    assert refused.status == 429
    assert refused.header("retry-after") == "60"
    assert refused.header("content-type") == CONTENT_TYPE
    assert "10" in refused.json()["detail"]
    assert submit(platform, {"service_id": "saaq.permis", "rating": 3}, ip="198.51.100.9").status == 201
    service_clock.advance(60)
    assert submit(platform, {"service_id": "saaq.permis", "rating": 3, "comment": "onze"}).status == 201
    assert len(_feedback_items(platform)) == 12
    # The limit is counted under a keyed hash: the client's address itself is stored nowhere.
    assert "203.0.113.7" not in repr(_items(platform))


def test_consented_contact_is_stored_encrypted_apart_and_readable_with_manage_scope(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    register(platform, key)
    contact = {
        "consent": True,
        "name": "Marie Tremblay",
        "email": "marie@exemple.ca",
        "phone": "418 555-0142",
    }
    receipt = submit(platform, {"service_id": "saaq.permis", "rating": 1, "contact": contact}).json()
    assert "marie@exemple.ca" not in repr(_items(platform))
    (stored,) = [item for item in _items(platform) if item.get("kind") == "contact"]
    assert stored["sk"] == f"CONTACT#{receipt['receipt_id']}"
    answer = platform.http("GET", f"/v1/feedback/{receipt['receipt_id']}/contact", headers=bearer(key))
    assert answer.status == 200, answer.text
    assert answer.json() == {"name": "Marie Tremblay", "email": "marie@exemple.ca", "phone": "+14185550142"}
    reader = new_key("saaq", set())
    assert (
        platform.http("GET", f"/v1/feedback/{receipt['receipt_id']}/contact", headers=bearer(reader)).status
        == 403
    )


def test_contact_without_consent_or_means_is_refused(platform: Any) -> None:
    no_consent = submit(platform, {"service_id": "saaq.permis", "rating": 3, "contact": {"email": "a@b.ca"}})
    assert no_consent.status == 422
    assert "body.contact.consent" in {error["field"] for error in no_consent.json()["errors"]}
    no_means = submit(platform, {"service_id": "saaq.permis", "rating": 3, "contact": {"consent": True}})
    assert no_means.status == 422
    assert {error["field"] for error in no_means.json()["errors"]} == {"body.contact"}
    bad_phone = submit(
        platform,
        {"service_id": "saaq.permis", "rating": 3, "contact": {"consent": True, "phone": "12345678"}},
    )
    assert [error["field"] for error in bad_phone.json()["errors"]] == ["body.contact.phone"]
