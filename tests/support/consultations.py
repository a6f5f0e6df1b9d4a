"""Helpers for the consultation tests: a questionnaire of every kind, an open consultation, answers.

Time is the shared `service_clock` fixture (tests.support.fixtures): a consultation opens when the
test moves the clock past its opening, never by sleeping.
"""

import json
import secrets
from datetime import timedelta
from typing import Any

from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.dynamo import from_item
from numeriqc_local.http.events import HttpRequest, HttpResponse
from tests.support.events import subscribe_queue, take_events
from tests.support.platform import NewKey, bearer


def text(fr: str, en: str | None = None) -> dict[str, str]:
    return {"fr": fr, "en": en} if en else {"fr": fr}


def option(option_id: str, fr: str, en: str) -> dict[str, Any]:
    return {"id": option_id, "label": text(fr, en)}


def questionnaire() -> list[dict[str, Any]]:
    """One question of every kind, and a conditional one (q_why shown when q_mode is 'bus')."""
    modes = [option("bus", "Autobus", "Bus"), option("auto", "Auto", "Car"), option("velo", "Vélo", "Bike")]
    return [
        {
            "id": "q_mode",
            "type": "single",
            "text": text("Mode de transport?", "Transport mode?"),
            "required": True,
            "options": modes,
        },
        {
            "id": "q_why",
            "type": "short_text",
            "text": text("Pourquoi l'autobus?", "Why the bus?"),
            "show_if": {"question": "q_mode", "any_of": ["bus"]},
        },
        {
            "id": "q_days",
            "type": "multiple",
            "text": text("Quels jours?", "Which days?"),
            "options": [option(d, d.upper(), d) for d in ("lun", "mar", "mer", "jeu")],
            "min_choices": 1,
            "max_choices": 2,
        },
        {
            "id": "q_rank",
            "type": "ranking",
            "text": text("Classez", "Rank"),
            "options": [option(p, p, p) for p in ("a", "b", "c")],
            "top_n": 2,
        },
        {
            "id": "q_score",
            "type": "scale",
            "text": text("Satisfaction", "Satisfaction"),
            "scale_min": 0,
            "scale_max": 10,
            "min_label": text("Nulle", "None"),
            "max_label": text("Totale", "Full"),
        },
        {"id": "q_comment", "type": "long_text", "text": text("Commentaires", "Comments")},
        {"id": "q_ideas", "type": "statements", "text": text("Énoncés", "Statements")},
    ]


def consultation_body(**extra: Any) -> dict[str, Any]:
    return {
        "title": text("Transport collectif à Québec", "Public transit in Québec City"),
        "description": text("Votre avis compte.", "Your opinion matters."),
        "questions": questionnaire(),
        **extra,
    }


def org_key(new_key: NewKey, org: str = "mtq") -> str:
    return new_key(org, {Scope.CONSULTATIONS_MANAGE})


def create(platform: Any, key: str, **extra: Any) -> dict[str, Any]:
    response = platform.http(
        "POST", "/v1/consultations", headers=bearer(key), json=consultation_body(**extra)
    )
    assert response.status == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def open_consultation(platform: Any, key: str, clock: Any, days: int = 7, **extra: Any) -> str:
    """A consultation scheduled to open in a minute and close in `days`; the clock moved into it."""
    created = create(platform, key, **extra)
    now = clock()
    window = {
        "opens_at": (now + timedelta(minutes=1)).isoformat(),
        "closes_at": (now + timedelta(days=days)).isoformat(),
    }
    cid = created["consultation_id"]
    scheduled = platform.http("POST", f"/v1/consultations/{cid}/schedule", headers=bearer(key), json=window)
    assert scheduled.status == 200, scheduled.text
    clock.advance(61)
    return str(cid)


def participant() -> str:
    return secrets.token_urlsafe(24)


def answer(
    platform: Any,
    cid: str,
    answers: dict[str, Any],
    who: str | None = None,
    ip: str = "203.0.113.9",
    language: str | None = None,
    **extra: Any,
) -> HttpResponse:
    """PUT the answers of `who` (a new participant when None) from the client at `ip`."""
    body = {"participant": who or participant(), "answers": answers, **extra}
    content = json.dumps(body).encode()
    headers = [("content-type", "application/json"), ("content-length", str(len(content)))]
    if language:
        headers.append(("accept-language", language))
    path = f"/v1/public/consultations/{cid}/answers"
    return platform.handle(HttpRequest("PUT", path, "", tuple(headers), content, source_ip=ip))  # type: ignore[no-any-return]


def items(platform: Any) -> list[dict[str, Any]]:
    """Every item the service wrote (a test-only Scan: the service itself never scans)."""
    table = platform.names["ConsultationsTable"]
    client = aws.client("dynamodb")
    found: list[dict[str, Any]] = []
    request: dict[str, Any] = {"TableName": table}
    while True:
        page = client.scan(**request)
        found += [from_item(item) for item in page["Items"]]
        if "LastEvaluatedKey" not in page:
            return found
        request["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def subscribe(platform: Any, key: str) -> str:
    """An SQS queue subscribed to the organization's consultation events; its URL."""
    return subscribe_queue(platform, key, "consultations", "consultation-events")


def received(url: str) -> list[dict[str, Any]]:
    """Every CloudEvent waiting in the queue (deleted once read)."""
    return take_events(url)
