"""SMS polls end to end through the real wiring: the organization sends the poll (consent, STOP and
the outbox of the notification service), citizens reply by SMS (the inbound topic), replies are
routed to the poll (keywords win, one help, one "closed"), counted once per number and changeable;
and the secret ballot holds over every item both services wrote and every log line."""

import json
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.dynamo import from_item
from tests.support.consultations import answer, text
from tests.support.notifications import consent
from tests.support.platform import NewKey, bearer

QUEBEC = ZoneInfo("America/Toronto")
A, B, C = "+15142345678", "+14182661234", "+18195552345"  # C never consented
POLL = {
    "title": text("Parc du quartier", "Neighbourhood park"),
    "eligibility": "sms-poll",
    "live_results": True,
    "questions": [
        {
            "id": "q_jeu",
            "type": "single",
            "text": text("Quel module de jeu?", "Which play structure?"),
            "options": [
                {"id": "glissade", "label": text("Glissade", "Slide")},
                {"id": "balancoire", "label": text("Balançoire", "Swing")},
                {"id": "jeu_eau", "label": text("Jeux d'eau", "Splash pad")},
            ],
        }
    ],
}


def keys(new_key: NewKey) -> str:
    return new_key(
        "ville", {Scope.CONSULTATIONS_MANAGE, Scope.NOTIFICATIONS_MANAGE, Scope.NOTIFICATIONS_SEND}
    )


def daytime(clock: Any) -> None:
    """Move the clock to the next 10:00 in Québec: SMS questions respect the quiet hours (21-8 h)."""
    now = clock()
    local = now.astimezone(QUEBEC)
    target = local.replace(hour=10, minute=0, second=0, microsecond=0)
    if target <= local:
        target += timedelta(days=1)
    clock.advance((target - local).total_seconds())


def open_poll(platform: Any, key: str, clock: Any, body: dict[str, Any] = POLL, days: int = 3) -> str:
    daytime(clock)
    created = platform.http("POST", "/v1/consultations", headers=bearer(key), json=body)
    assert created.status == 201, created.text
    cid = created.json()["consultation_id"]
    now = clock()
    window = {
        "opens_at": (now + timedelta(minutes=1)).isoformat(),
        "closes_at": (now + timedelta(days=days)).isoformat(),
    }
    assert (
        platform.http("POST", f"/v1/consultations/{cid}/schedule", headers=bearer(key), json=window).status
        == 200
    )
    clock.advance(61)
    return str(cid)


def reply(platform: Any, number: str, body: str, message_id: str) -> None:
    topic = platform.names.arn("NotificationsInboundSmsTopic")
    message = {"originationNumber": number, "messageBody": body, "inboundMessageId": message_id}
    aws.client("sns").publish(TopicArn=topic, Message=json.dumps(message))


def _texts(platform: Any, number: str) -> list[str]:
    platform.drain()
    return [m.body for m in platform.outbox() if m.kind == "sms" and number in m.to]


def _counts(platform: Any, key: str, cid: str) -> dict[str, int]:
    results = platform.http("GET", f"/v1/consultations/{cid}/results", headers=bearer(key))
    assert results.status == 200, results.text
    (question,) = results.json()["questions"]
    return {option["id"]: option["count"] for option in question["options"]}


def table_items(platform: Any, table: str) -> list[dict[str, Any]]:
    client = aws.client("dynamodb")
    found: list[dict[str, Any]] = []
    request: dict[str, Any] = {"TableName": platform.names[table]}
    while True:
        page = client.scan(**request)
        found += [from_item(item) for item in page["Items"]]
        if "LastEvaluatedKey" not in page:
            return found
        request["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def test_an_sms_poll_is_sent_with_consent_answered_by_reply_and_counted_once_per_number(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = keys(new_key)
    for number in (A, B):
        consent(platform, key, "sms", number)
    cid = open_poll(platform, key, service_clock)

    sent = platform.http(
        "POST",
        f"/v1/consultations/{cid}/sms-poll",
        headers=bearer(key),
        json={"phone_numbers": ["514 234 5678", "(418) 266-1234", "819-555-2345", "514-234-5678"]},
    )
    assert sent.status == 202, sent.text
    assert sent.json()["queued"] == 3  # the same number twice is asked once
    (poll,) = _texts(platform, A)
    assert "Quel module de jeu?" in poll and "3 = Jeux d'eau" in poll
    assert _texts(platform, C) == []  # no consent for this organization: refused by notifications

    reply(platform, A, "2", "in-a1")
    reply(platform, A, "2", "in-a1")  # SNS delivered it twice
    reply(platform, B, "peut-être", "in-b1")  # unreadable: one help
    reply(platform, B, "bof", "in-b2")  # unreadable again: no second help
    reply(platform, B, "3.", "in-b3")
    platform.drain()
    assert _counts(platform, key, cid) == {"glissade": 0, "balancoire": 1, "jeu_eau": 1}
    helps = [body for body in _texts(platform, B) if "de 1 à 3" in body]
    assert len(helps) == 1

    reply(platform, A, "1", "in-a2")  # a changed mind, while open: the last answer counts
    reply(platform, A, "Arrêt", "in-a3")  # a keyword wins over any answer: not counted
    platform.drain()
    assert _counts(platform, key, cid) == {"glissade": 1, "balancoire": 0, "jeu_eau": 1}
    assert any("ABONNER" in body for body in _texts(platform, A))  # STOP confirmed

    # The public answer route cannot reach an SMS poll: its ballots come from replies only.
    refused = answer(platform, cid, {"q_jeu": "glissade"}, language="en")
    assert refused.status == 422
    assert refused.json()["errors"][0]["field"] == "path.consultation_id"

    # After closing: a reply is not counted, and gets "closed" once.
    service_clock.advance(4 * 86400)
    reply(platform, B, "1", "in-b4")
    reply(platform, B, "2", "in-b5")
    platform.drain()
    assert [body for body in _texts(platform, B) if "fermée" in body] == [
        "numériQc : cette question est fermée; votre réponse n'a pas été comptée."
    ]
    assert _counts(platform, key, cid) == {"glissade": 1, "balancoire": 0, "jeu_eau": 1}
    # The secret ballot over SMS polls: tests/integration/consultations/test_secret_ballot.py.


def test_sending_a_poll_refuses_bad_input_naming_the_field_in_french_or_english(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = keys(new_key)
    two_questions = {**POLL, "questions": [*POLL["questions"], {**POLL["questions"][0], "id": "q_2"}]}
    created = platform.http("POST", "/v1/consultations", headers=bearer(key), json=two_questions)
    assert created.status == 422
    assert created.json()["errors"][0] == {
        "field": "body.questions",
        "code": "sms_poll_one_question",
        "detail": "Un sondage par texto pose une seule question : un choix unique (10 options au plus) "
        "ou une échelle.",
    }
    cid = open_poll(platform, key, service_clock)
    invalid = platform.http(
        "POST",
        f"/v1/consultations/{cid}/sms-poll",
        headers={**bearer(key), "Accept-Language": "en"},
        json={"phone_numbers": ["514 234 5678", "123 456 7"]},
    )
    assert invalid.status == 422
    assert invalid.json()["errors"] == [
        {
            "field": "body.phone_numbers[1]",
            "code": "invalid",
            "detail": "This phone number is not valid (for example 514 234 5678).",
        }
    ]
    assert _texts(platform, A) == []  # nothing half-sent
    empty = platform.http(
        "POST", f"/v1/consultations/{cid}/sms-poll", headers=bearer(key), json={"phone_numbers": []}
    )
    assert empty.status == 422 and empty.json()["errors"][0]["field"] == "body.phone_numbers"
    ordinary = open_poll(platform, key, service_clock, {**POLL, "eligibility": "open"})
    not_poll = platform.http(
        "POST", f"/v1/consultations/{ordinary}/sms-poll", headers=bearer(key), json={"phone_numbers": [A]}
    )
    assert not_poll.status == 422
    assert not_poll.json()["errors"][0] == {
        "field": "path.consultation_id",
        "code": "not_sms_poll",
        "detail": "Cette consultation n'est pas un sondage par texto.",
    }
