"""An organization cannot turn a citizen's unsubscribe, complaint or STOP back into consent through
`POST /v1/consents`; only a new act of the citizen can (START / ABONNER; the signed token of their
unsubscribe link). `given_at` in the future, before the withdrawal or without a time zone is refused
naming the field, with nothing written."""

import json
from datetime import timedelta
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.notifications.adapters.table import NotificationsTable, consent_key
from numeriqc.notifications.ports import Conflict
from tests.support.notifications import (
    EMAIL_TEMPLATE,
    SMS_TEMPLATE,
    consent,
    create_template,
    raw_emails,
    send_sms,
)
from tests.support.platform import NewKey, bearer

ZOE = "zoe@example.com"


def _record(platform: Any, key: str, language: str | None = None, **extra: Any) -> Any:
    body = {"channel": "email", "recipient": ZOE, "purpose": "rappels", "source": "formulaire-web", **extra}
    return platform.http("POST", "/v1/consents", headers=bearer(key, language), json=body)


def _state(platform: Any, key: str, channel: str = "email", recipient: str = ZOE) -> dict[str, Any]:
    answer = platform.http(
        "POST", "/v1/consents/lookup", headers=bearer(key), json={"channel": channel, "recipient": recipient}
    )
    assert answer.status == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def _unsubscribed_by_the_citizen(platform: Any, key: str) -> str:
    """Zoé gets an email, and clicks its one-click unsubscribe link: answers the link's token."""
    template = create_template(platform, key, EMAIL_TEMPLATE)
    consent(platform, key, "email", ZOE)
    body = {"template_id": template["template_id"], "email_address": ZOE,
            "personalisation": {"prénom": "Zoé", "document": "permis"}}  # fmt: skip
    assert platform.http("POST", "/v1/notifications/email", headers=bearer(key), json=body).status == 201
    platform.drain()
    url = raw_emails()[-1]["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("/", 3)[3]
    assert platform.http("POST", path, body="List-Unsubscribe=One-Click").status == 200
    return path.rsplit("/", 1)[1]


@pytest.mark.parametrize(("language", "word"), [("fr", "citoyen"), ("en", "citizen")])
def test_a_citizens_unsubscribe_cannot_be_overwritten_by_the_organization(
    platform: Any, new_key: NewKey, service_clock: Any, language: str, word: str
) -> None:
    key = new_key("saaq")
    _unsubscribed_by_the_citizen(platform, key)
    service_clock.advance(60)
    for extra in ({}, {"given_at": service_clock().isoformat()}, {"source": "appel-telephonique"}):
        refused = _record(platform, key, language, **extra)
        assert refused.status == 409, refused.text
        assert refused.header("content-language") == language
        assert word in refused.json()["detail"]
    assert _state(platform, key)["status"] == "withdrawn"


def test_the_citizens_own_token_restores_consent_and_no_other_token_does(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key, other_key = new_key("saaq"), new_key("mtq")
    token = _unsubscribed_by_the_citizen(platform, key)
    other_token = _unsubscribed_by_the_citizen(platform, other_key)  # mtq's link for the same address
    service_clock.advance(60)
    for forged in (other_token, token[:-3] + "xyz", "pas-un-jeton"):
        refused = _record(platform, key, citizen_token=forged)
        assert refused.status == 422, refused.text
        assert [e["field"] for e in refused.json()["errors"]] == ["body.citizen_token"]
    assert _state(platform, key)["status"] == "withdrawn"

    restored = _record(platform, key, citizen_token=token)
    assert restored.status == 201, restored.text
    assert _state(platform, key)["status"] == "active"


def test_a_stop_reply_cannot_be_overwritten_only_start_lifts_it(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = new_key("saaq")
    consent(platform, key, "sms", "514 234 5678")
    topic = platform.names.arn("NotificationsInboundSmsTopic")

    def reply(word: str, message_id: str) -> None:
        message = {"originationNumber": "+15142345678", "messageBody": word, "inboundMessageId": message_id}
        aws.client("sns").publish(TopicArn=topic, Message=json.dumps(message))
        platform.drain()

    reply("ARRÊT", "in-1")
    service_clock.advance(60)
    sms = {"channel": "sms", "recipient": "514 234 5678"}
    refused = _record(platform, key, "en", **sms)
    assert refused.status == 409, refused.text
    assert "START" in refused.json()["detail"]
    template = create_template(platform, key, SMS_TEMPLATE)
    assert send_sms(platform, key, template["template_id"], "514 234 5678").status == 422

    reply("ABONNER", "in-2")
    assert _record(platform, key, **sms).status == 201
    assert send_sms(platform, key, template["template_id"], "514 234 5678").status == 201


def test_the_organization_may_record_again_over_its_own_withdrawal_after_it(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = new_key("saaq")
    assert _record(platform, key).status == 201
    lookup = {"channel": "email", "recipient": ZOE}
    withdrawn = platform.http("POST", "/v1/consents/withdraw", headers=bearer(key), json=lookup).json()
    service_clock.advance(3600)
    before = (service_clock() - timedelta(hours=2)).isoformat()
    refused = _record(platform, key, given_at=before)
    assert refused.status == 422, refused.text
    assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [
        ("body.given_at", "before_withdrawal")
    ]
    assert withdrawn["withdrawn_at"][:19] in refused.json()["errors"][0]["detail"]
    assert _state(platform, key)["status"] == "withdrawn"
    assert _record(platform, key, given_at=service_clock().isoformat()).status == 201
    assert _state(platform, key)["status"] == "active"


@pytest.mark.parametrize(
    ("shift", "zone", "code"),
    [
        (timedelta(minutes=1), True, "in_the_future"),
        (timedelta(days=3650), True, "in_the_future"),
        (timedelta(0), False, "no_time_zone"),
    ],
)
def test_a_given_at_in_the_future_or_without_time_zone_is_refused_naming_the_field(
    platform: Any, new_key: NewKey, service_clock: Any, shift: timedelta, zone: bool, code: str
) -> None:
    key = new_key("saaq")
    moment = service_clock() + shift
    given_at = moment.isoformat() if zone else moment.replace(tzinfo=None).isoformat()
    for language in ("fr", "en"):
        refused = _record(platform, key, language, given_at=given_at)
        assert refused.status == 422, refused.text
        assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [("body.given_at", code)]
    lookup = {"channel": "email", "recipient": ZOE}
    assert platform.http("POST", "/v1/consents/lookup", headers=bearer(key), json=lookup).status == 404


def test_a_withdrawal_landing_between_the_read_and_the_write_is_never_overwritten(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    """The write is conditional on the withdrawal that was read (`save_consent(withdrawn_at=...)`)."""
    key = new_key("saaq")
    assert _record(platform, key).status == 201
    lookup = {"channel": "email", "recipient": ZOE}
    assert platform.http("POST", "/v1/consents/withdraw", headers=bearer(key), json=lookup).status == 200
    table = NotificationsTable(aws.client("dynamodb"), platform.names["NotificationsTable"])
    pk, _ = consent_key("saaq", "email", "")
    [item] = aws.client("dynamodb").query(
        TableName=platform.names["NotificationsTable"],
        KeyConditionExpression="pk = :pk AND begins_with(sk, :sk)",
        ExpressionAttributeValues={":pk": {"S": pk}, ":sk": {"S": "CONSENT#email#"}},
    )["Items"]
    rh, seen = item["rh"]["S"], item["withdrawn_at"]["S"]
    active = {"rh": rh, "channel": "email", "purpose": "p", "source": "s", "status": "active",
              "given_at": service_clock().isoformat()}  # fmt: skip
    with pytest.raises(Conflict):  # read before the withdrawal: not written
        table.save_consent("saaq", "email", rh, active, withdrawn_at=None)
    with pytest.raises(Conflict):  # read another withdrawal: not written
        table.save_consent("saaq", "email", rh, active, withdrawn_at="2000-01-01T00:00:00+00:00")
    assert _state(platform, key)["status"] == "withdrawn"
    table.save_consent("saaq", "email", rh, active, withdrawn_at=seen)
    assert _state(platform, key)["status"] == "active"
