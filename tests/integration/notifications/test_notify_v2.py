"""GOV.UK Notify's v2 surface through the real wiring: JWT keys, the same service as /v1, Notify's
shapes and error envelope (docs/notifications.md, "Moving from GC Notify")."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from numeriqc.core import aws, clock
from numeriqc.organizations import notify_keys
from numeriqc.organizations.adapters.notify_keys import NotifyKeyStore
from tests.support.notifications import EMAIL_TEMPLATE, SMS_TEMPLATE, consent, create_template
from tests.support.notify import notify_headers, notify_key, notify_key_ids, token
from tests.support.platform import NewKey, bearer

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal: no quiet hours
PHONE = "514 234 5678"
NOTIFY_FIELDS = {
    "id",
    "reference",
    "email_address",
    "phone_number",
    "line_1",
    "line_2",
    "line_3",
    "line_4",
    "line_5",
    "line_6",
    "line_7",
    "postcode",
    "postage",
    "type",
    "status",
    "template",
    "body",
    "subject",
    "created_at",
    "created_by_name",
    "sent_at",
    "completed_at",
    "scheduled_for",
    "is_cost_data_ready",
    "cost_in_pounds",
    "cost_details",
}


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    platform.clock.set(MORNING)


def _now(platform: Any) -> datetime:
    now: datetime = platform.clock.now()
    return now


def _v2(
    platform: Any, api_key: str, method: str, path: str, language: str | None = None, **kwargs: Any
) -> Any:
    return platform.http(method, path, headers=notify_headers(api_key, _now(platform), language), **kwargs)


def _errors(response: Any, status: int) -> list[dict[str, str]]:
    assert response.status == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status_code"] == status
    assert all(set(error) == {"error", "message"} for error in body["errors"])
    errors: list[dict[str, str]] = body["errors"]
    return errors


@pytest.fixture
def sms_setup(platform: Any, new_key: NewKey) -> tuple[str, str, str]:
    """(a /v1 key, a live Notify key, the SMS template's id as Notify writes it: a UUID)."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", PHONE)
    api_key = notify_key(platform, "saaq")
    template_uuid = str(uuid.UUID(int=_ulid_int(template["template_id"])))
    return key, api_key, template_uuid


def _ulid_int(ulid: str) -> int:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = 0
    for char in ulid:
        value = value * 32 + alphabet.index(char)
    return value


def test_a_v2_sms_is_the_same_notification_as_v1(platform: Any, sms_setup: tuple[str, str, str]) -> None:
    key, api_key, template_uuid = sms_setup
    body = {
        "phone_number": PHONE,
        "template_id": template_uuid,
        "reference": "dossier-42",
        "personalisation": {"prénom": "Zoé", "date": "1er mars"},
    }
    sent = _v2(platform, api_key, "POST", "/v2/notifications/sms", json=body)
    assert sent.status == 201, sent.text
    created = sent.json()
    assert set(created) == {"id", "reference", "content", "uri", "template", "scheduled_for"}
    assert created["content"]["body"] == "Bonjour Zoé, votre rendez-vous est le 1er mars."
    assert set(created["content"]) == {"body", "from_number"}
    assert created["template"] == {
        "id": template_uuid,
        "version": 1,
        "uri": created["template"]["uri"],
    }
    uuid.UUID(created["id"])  # a UUID string, as Notify's clients expect
    platform.drain()

    read = _v2(platform, api_key, "GET", f"/v2/notifications/{created['id']}").json()
    assert set(read) == NOTIFY_FIELDS
    assert read["type"] == "sms"
    assert read["phone_number"] == "+15142345678"
    assert read["reference"] == "dossier-42"
    assert read["status"] in {"sending", "delivered"}
    # The same notification through /v1: the UUID's bits are its ULID.
    listed = platform.http("GET", "/v1/notifications", headers=bearer(key)).json()["items"]
    assert [str(uuid.UUID(int=_ulid_int(item["id"]))) for item in listed] == [created["id"]]
    assert listed[0]["reference"] == "dossier-42"


def test_a_v1_send_is_readable_through_v2(platform: Any, sms_setup: tuple[str, str, str]) -> None:
    key, api_key, template_uuid = sms_setup
    listed = platform.http("GET", "/v1/templates", headers=bearer(key)).json()["items"]
    sent = platform.http(
        "POST",
        "/v1/notifications/sms",
        headers=bearer(key),
        json={
            "template_id": listed[0]["template_id"],
            "phone_number": PHONE,
            "personalisation": {"prénom": "Zoé", "date": "2 mars"},
        },
    )
    assert sent.status == 201, sent.text
    notify_id = str(uuid.UUID(int=_ulid_int(sent.json()["id"])))
    read = _v2(platform, api_key, "GET", f"/v2/notifications/{notify_id}")
    assert read.status == 200, read.text
    assert read.json()["template"]["id"] == template_uuid
    assert read.json()["body"] == "Bonjour Zoé, votre rendez-vous est le 2 mars."


def test_email_templates_preview_and_listing(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, EMAIL_TEMPLATE)
    consent(platform, key, "email", "zoe@exemple.ca")
    api_key = notify_key(platform, "saaq")
    tid = str(uuid.UUID(int=_ulid_int(template["template_id"])))
    body = {
        "email_address": "zoe@exemple.ca",
        "template_id": tid,
        "reference": "r-1",
        "personalisation": {"prénom": "Zoé", "document": "permis"},
        "email_reply_to_id": str(uuid.uuid4()),
        "one_click_unsubscribe_url": "https://exemple.ca/d",
    }
    sent = _v2(platform, api_key, "POST", "/v2/notifications/email", json=body)
    assert sent.status == 201, sent.text
    assert sent.json()["content"]["subject"] == "Rappel : permis"
    assert set(sent.json()["content"]) == {"body", "subject", "from_email", "one_click_unsubscribe_url"}

    got = _v2(platform, api_key, "GET", f"/v2/template/{tid}").json()
    assert (got["id"], got["type"], got["version"], got["subject"]) == (
        tid,
        "email",
        1,
        "Rappel : ((document))",
    )
    assert _v2(platform, api_key, "GET", f"/v2/template/{tid}/version/1").json()["version"] == 1
    assert _errors(_v2(platform, api_key, "GET", f"/v2/template/{tid}/version/2"), 404)[0]["error"] == (
        "NoResultFound"
    )
    assert [
        t["id"]
        for t in _v2(platform, api_key, "GET", "/v2/templates", query={"type": "email"}).json()["templates"]
    ] == [tid]
    assert _v2(platform, api_key, "GET", "/v2/templates", query={"type": "sms"}).json() == {"templates": []}
    preview = _v2(
        platform,
        api_key,
        "POST",
        f"/v2/template/{tid}/preview",
        json={"personalisation": {"prénom": "Zoé", "document": "permis"}},
    ).json()
    assert (preview["subject"], preview["type"]) == ("Rappel : permis", "email")
    assert "<strong>permis</strong>" in preview["html"]

    listing = _v2(platform, api_key, "GET", "/v2/notifications", query={"template_type": "email"}).json()
    assert [item["reference"] for item in listing["notifications"]] == ["r-1"]
    assert set(listing["links"]) >= {"current"}
    for query, expected in (
        ({"reference": "r-1"}, 1),
        ({"reference": "autre"}, 0),
        ({"template_type": "sms"}, 0),
        ({"status": "created"}, 1),
        ({"status": "delivered"}, 0),
        ({"older_than": sent.json()["id"]}, 0),
    ):
        found = _v2(platform, api_key, "GET", "/v2/notifications", query=query).json()["notifications"]
        assert len(found) == expected, query
    received = _v2(platform, api_key, "GET", "/v2/received-text-messages").json()
    assert received["received_text_messages"] == []


def test_refusals_are_notify_envelopes_in_english_or_french(
    platform: Any, sms_setup: tuple[str, str, str]
) -> None:
    _, api_key, template_uuid = sms_setup
    sms = {
        "phone_number": PHONE,
        "template_id": template_uuid,
        "personalisation": {"prénom": "Z", "date": "x"},
    }
    unknown = {**sms, "template_id": str(uuid.uuid4())}
    errors = _errors(_v2(platform, api_key, "POST", "/v2/notifications/sms", json=unknown), 400)
    assert errors == [{"error": "BadRequestError", "message": "Template not found"}]
    french = _errors(_v2(platform, api_key, "POST", "/v2/notifications/sms", "fr", json=unknown), 400)
    assert french == [{"error": "BadRequestError", "message": "Gabarit introuvable"}]

    errors = _errors(
        _v2(platform, api_key, "POST", "/v2/notifications/sms", json={**sms, "phone_number": "12"}), 400
    )
    assert errors[0]["error"] == "ValidationError"
    assert errors[0]["message"].startswith("phone_number ")

    no_consent = {**sms, "phone_number": "514 234 9999"}
    errors = _errors(_v2(platform, api_key, "POST", "/v2/notifications/sms", json=no_consent), 400)
    assert "consent" in errors[0]["message"].lower()

    errors = _errors(_v2(platform, api_key, "POST", "/v2/notifications/sms", json={**sms, "extra": 1}), 400)
    assert errors[0]["error"] == "ValidationError"
    letter = _errors(
        _v2(platform, api_key, "POST", "/v2/notifications/letter", json={"template_id": "x"}), 400
    )
    assert letter[0]["message"].startswith("Cannot send letters")
    assert _errors(_v2(platform, api_key, "GET", f"/v2/notifications/{uuid.uuid4()}"), 404)[0] == {
        "error": "NoResultFound",
        "message": "No result found",
    }
    assert _errors(_v2(platform, api_key, "GET", "/v2/notifications/pas-un-uuid"), 400)[0]["error"] == (
        "BadRequestError"
    )
    assert _errors(_v2(platform, api_key, "GET", "/v2/notifications", query={"status": "x"}), 400)


def test_tokens_stale_forged_replayed_revoked_or_foreign_are_refused(
    platform: Any, sms_setup: tuple[str, str, str]
) -> None:
    _, api_key, _ = sms_setup
    now = _now(platform)

    def answer(authorization: str, language: str | None = None) -> list[dict[str, str]]:
        headers = {"Authorization": authorization, **({"Accept-Language": language} if language else {})}
        return _errors(platform.http("GET", "/v2/templates", headers=headers), 403)

    stale = f"Bearer {token(api_key, now - timedelta(seconds=31))}"
    assert answer(stale) == [
        {"error": "AuthError", "message": "Error: Your system clock must be accurate to within 30 seconds"}
    ]
    assert answer(stale, "fr-CA")[0]["message"].startswith("Erreur : l'horloge")
    assert answer(f"Bearer {token(api_key, now + timedelta(seconds=31))}")[0]["error"] == "AuthError"
    forged = api_key[:-36] + str(uuid.uuid4())
    assert (
        answer(f"Bearer {token(forged, now)}")[0]["message"]
        == "Invalid token: signature, api token not found"
    )
    stranger = "cle-" + str(uuid.uuid4()) + "-" + str(uuid.uuid4())
    assert answer(f"Bearer {token(stranger, now)}")[0]["message"] == "Invalid token: API key not found"

    # The same token within its first second is the client's; a second later it is a replay.
    same = f"Bearer {token(api_key, now)}"
    assert platform.http("GET", "/v2/templates", headers={"Authorization": same}).status == 200
    assert platform.http("GET", "/v2/templates", headers={"Authorization": same}).status == 200
    platform.clock.advance(2)
    assert answer(same)[0]["message"] == "Invalid token: this token has already been used"
    once = f"Bearer {token(api_key, _now(platform), jti='n-1')}"
    assert platform.http("GET", "/v2/templates", headers={"Authorization": once}).status == 200
    assert answer(once)[0]["message"] == "Invalid token: this token has already been used"

    # A Notify token never opens a /v1 route, and a /v1 key cannot be a JWT's signer.
    v1 = platform.http(
        "GET", "/v1/templates", headers={"Authorization": f"Bearer {token(api_key, _now(platform))}"}
    )
    assert v1.status == 401
    # Revocation is the operator's (`numeriqc notify-key revoke`, as for /v1 keys): the same rule.
    store = NotifyKeyStore(aws.client("dynamodb"), platform.names["OrganizationsTable"])
    assert notify_keys.revoke_key(store, "saaq", notify_key_ids(platform, "saaq")[0], clock.now)
    platform.clock.advance(31)  # the authorizer's cache of the service's keys
    assert (
        answer(f"Bearer {token(api_key, _now(platform))}")[0]["message"] == "Invalid token: API key revoked"
    )


def test_missing_token_is_a_401(platform: Any) -> None:
    # API Gateway answers a request without the identity source itself: {"message": "Unauthorized"}.
    assert platform.http("GET", "/v2/templates").status == 401


def test_keys_through_the_api_and_test_keys_never_deliver(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", PHONE)
    made = platform.http(
        "POST", "/v1/notify/keys", headers=bearer(key), json={"name": "Essais", "kind": "test"}
    )
    assert made.status == 201, made.text
    api_key = made.json()["key"]
    record = made.json()["record"]
    assert api_key[-73:-37] == record["service_id"]
    assert api_key[-36:] not in str(record)
    stored = aws.client("dynamodb").scan(TableName=platform.names["OrganizationsTable"])["Items"]
    assert api_key[-36:] not in str(stored)
    tid = str(uuid.UUID(int=_ulid_int(template["template_id"])))
    body = {"phone_number": PHONE, "template_id": tid, "personalisation": {"prénom": "Z", "date": "d"}}
    sent = _v2(platform, api_key, "POST", "/v2/notifications/sms", json=body)
    assert sent.status == 201, sent.text
    platform.drain()
    assert platform.outbox() == []
    read = _v2(platform, api_key, "GET", f"/v2/notifications/{sent.json()['id']}").json()
    assert read["status"] == "delivered"


# -- team keys and their guest list (core/guest_list.py) -----------------------------------------------

OTHER_PHONE = "514 234 5679"
TEAM_ONLY = "Can’t send to this recipient using a team-only API key"


def _team_setup(platform: Any, new_key: NewKey) -> tuple[str, str, str]:
    """(a /v1 key, a team key made through the API, the SMS template's UUID); both phones consent."""
    key = new_key("saaq")
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", PHONE)
    consent(platform, key, "sms", OTHER_PHONE)
    made = platform.http(
        "POST", "/v1/notify/keys", headers=bearer(key), json={"name": "Équipe", "kind": "team"}
    )
    assert made.status == 201, made.text
    assert made.json()["record"]["kind"] == "team"
    return key, made.json()["key"], str(uuid.UUID(int=_ulid_int(template["template_id"])))


def _sms(platform: Any, api_key: str, template_uuid: str, phone: str, language: str | None = None) -> Any:
    body = {
        "phone_number": phone,
        "template_id": template_uuid,
        "personalisation": {"prénom": "Z", "date": "d"},
    }
    return _v2(platform, api_key, "POST", "/v2/notifications/sms", language, json=body)


def test_a_team_key_delivers_to_the_guest_list_only(platform: Any, new_key: NewKey) -> None:
    key, team_key, template_uuid = _team_setup(platform, new_key)
    listed = platform.http(
        "PUT",
        "/v1/notify/guest-list",
        headers=bearer(key),
        json={"recipients": ["+1 (514) 234-5678", "Equipe@Example.QC.ca"]},
    )
    assert listed.status == 200, listed.text
    assert listed.json()["entries"] == 2

    sent = _sms(platform, team_key, template_uuid, "５１４-２３４-５６７８")  # another spelling, listed
    assert sent.status == 201, sent.text
    refused = _errors(_sms(platform, team_key, template_uuid, OTHER_PHONE), 400)
    assert refused == [{"error": "BadRequestError", "message": TEAM_ONLY}]
    french = _errors(_sms(platform, team_key, template_uuid, OTHER_PHONE, language="fr"), 400)
    assert french == [
        {
            "error": "BadRequestError",
            "message": "Impossible d'envoyer à ce destinataire avec une clé d'API d'équipe",
        }
    ]
    platform.drain()
    assert [message.to for message in platform.outbox()] == [["+15142345678"]]  # delivered for real, once

    # Team-key notifications live with live ones (as on Notify): a live key lists and reads it.
    live_key = notify_key(platform, "saaq", kind="live")
    listing = _v2(platform, live_key, "GET", "/v2/notifications").json()["notifications"]
    assert [item["id"] for item in listing] == [sent.json()["id"]]
    stored = str(aws.client("dynamodb").scan(TableName=platform.names["OrganizationsTable"])["Items"])
    assert "5142345678" not in stored and "equipe@" not in stored.lower()


def test_the_guest_list_is_replaced_whole_or_not_at_all(platform: Any, new_key: NewKey) -> None:
    key, team_key, template_uuid = _team_setup(platform, new_key)
    assert (
        platform.http(
            "PUT", "/v1/notify/guest-list", headers=bearer(key), json={"recipients": [PHONE]}
        ).status
        == 200
    )
    bad = {"recipients": [OTHER_PHONE, "pas un numéro"]}
    for language, word in (("fr", "courriel"), ("en", "email")):
        headers = {**bearer(key), "Accept-Language": language}
        refused = platform.http("PUT", "/v1/notify/guest-list", headers=headers, json=bad)
        assert refused.status == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        problem = refused.json()
        assert [error["field"] for error in problem["errors"]] == ["body.recipients.1"]
        assert word in problem["errors"][0]["detail"]
    assert _sms(platform, team_key, template_uuid, PHONE).status == 201  # the list is unchanged
    assert _sms(platform, team_key, template_uuid, OTHER_PHONE).status == 400

    # An empty list: the team key may send to no one (within the keys' 30 s cache: the clock moves).
    assert (
        platform.http("PUT", "/v1/notify/guest-list", headers=bearer(key), json={"recipients": []}).status
        == 200
    )
    platform.clock.set(MORNING + timedelta(minutes=1))
    assert _sms(platform, team_key, template_uuid, PHONE).status == 400


def test_team_keys_and_their_guest_list_are_one_read(platform: Any) -> None:
    """The authorizer's one Query per cold service brings the guest list with the keys."""
    notify_key(platform, "saaq", kind="team")
    notify_key(platform, "saaq", kind="live")
    client = aws.client("dynamodb")
    store = NotifyKeyStore(client, platform.names["OrganizationsTable"])
    service = notify_keys.service_id("saaq")
    notify_keys.replace_guest_list(store, b"pepper" * 6, "saaq", [PHONE, "a@b.ca"])
    calls: list[str] = []

    def count(model: Any, **_: Any) -> None:
        calls.append(model.name)

    client.meta.events.register("before-call.dynamodb", count)
    try:
        keys = store.notify_keys(service)
    finally:
        client.meta.events.unregister("before-call.dynamodb", count)
    assert calls == ["Query"]
    assert sorted(record.kind for record in keys) == ["live", "team"]
    assert {len(record.guest_list) for record in keys if record.kind == "team"} == {2}
    assert {len(record.guest_list) for record in keys if record.kind == "live"} == {0}
