"""An Idempotency-Key reused by a test key and then a live key (or the reverse) never gets the other's
answer: the key kind is part of the scope (`core.idempotency.write_scope`).

Every write route that declares the Idempotency-Key header and takes an API key, in every service's
resolver, is covered: the routes are read from the resolvers, and a route without a case here fails
the first test. (A public route has no key kind: its scope is its own, e.g. `public:<consultation>`.)
"""

import importlib
import pkgutil
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

import numeriqc
from numeriqc.core import aws
from numeriqc.core.auth import KeyKind
from numeriqc.notifications import notify_shapes
from tests.integration.barometer.test_register import ACHIEVEMENT, BENEFIT
from tests.support.barometer import define as barometer_define
from tests.support.barometer import indicator_body as barometer_indicator_body
from tests.support.barometer import this_month
from tests.support.consultations import consultation_body, text
from tests.support.consultations import create as create_consultation
from tests.support.exchange import PERMIT_SCHEMA
from tests.support.exchange import dataset_body as exchange_dataset_body
from tests.support.exchange import messages as exchange_messages
from tests.support.exchange import register as exchange_register
from tests.support.feedback import register
from tests.support.notifications import SMS_TEMPLATE, consent, create_template
from tests.support.platform import NewKey, bearer, key_maker

# What to set up for a route: the body both keys send, or (the path with its parameters, the body).
Setup = Callable[[Any, str], dict[str, Any] | tuple[str, dict[str, Any]]]


def _idempotent_routes() -> set[str]:
    """`METHOD /path` of every keyed operation, in every service API, that takes an Idempotency-Key."""
    found = set()
    for service in pkgutil.iter_modules(numeriqc.__path__):
        try:
            module = importlib.import_module(f"numeriqc.{service.name}.handlers.api")
        except ModuleNotFoundError:
            continue
        schema = module.app.get_openapi_schema()
        for path, item in (schema.paths or {}).items():
            for method in ("get", "put", "post", "delete", "patch"):
                operation = getattr(item, method, None)
                names = {parameter.name for parameter in (operation and operation.parameters) or []}
                if "idempotency-key" in names and operation.security:
                    found.add(f"{method.upper()} {path}")
    return found


def _sms_template(platform: Any, key: str) -> str:
    return str(create_template(platform, key, SMS_TEMPLATE)["template_id"])


def _sms_body(platform: Any, key: str) -> dict[str, Any]:
    consent(platform, key, "sms", "514 234 5678")
    return {
        "template_id": _sms_template(platform, key),
        "phone_number": "514 234 5678",
        "personalisation": {"prénom": "Zoé", "date": "1er mars"},
    }


def _email_body(platform: Any, key: str) -> dict[str, Any]:
    template = create_template(
        platform, key, {"channel": "email", "name": "Rappel", "subject": "Rappel", "body": "Bonjour ((nom))"}
    )
    consent(platform, key, "email", "zoe@exemple.ca")
    return {
        "template_id": template["template_id"],
        "email_address": "zoe@exemple.ca",
        "personalisation": {"nom": "Zoé"},
    }


def _as_notify(body: dict[str, Any]) -> dict[str, Any]:
    """A /v1 send body as Notify's (/v2): the template id written as the UUID of its bits. The /v2
    routes also take a /v1 key (the authorizer reads either), which lets these cases share keys."""
    return {**body, "template_id": notify_shapes.to_uuid(body["template_id"])}


def _reminder_body(platform: Any, key: str) -> dict[str, Any]:
    consent(platform, key, "sms", "514 234 5678")
    return {
        "channel": "sms",
        "template_id": _sms_template(platform, key),
        "recipient": "514 234 5678",
        "personalisation": {"prénom": "Zoé", "date": "31 mars"},
        "due_date": (platform.clock() + timedelta(days=10)).date().isoformat(),
        "days_before": [7],
    }


def _bulk_body(platform: Any, key: str) -> dict[str, Any]:
    consent(platform, key, "sms", "514 234 5678")
    rows = [{"phone_number": "514 234 5678", "prénom": "Zoé", "date": "lundi"}]
    return {"template_id": _sms_template(platform, key), "rows": rows}


def _export_body(platform: Any, key: str) -> dict[str, Any]:
    register(platform, key)
    return {"service_id": "saaq.permis"}


def _subscription_body(platform: Any, key: str) -> dict[str, Any]:
    sqs = aws.client("sqs")
    url = sqs.create_queue(QueueName="saaq-evenements")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return {"family": "feedback", "protocol": "sqs", "endpoint": arn}


def _consultation_body(platform: Any, key: str) -> dict[str, Any]:
    return consultation_body()


def _consultation_export(platform: Any, key: str) -> tuple[str, dict[str, Any]]:
    consultation_id = create_consultation(platform, key)["consultation_id"]
    return f"/v1/consultations/{consultation_id}/exports", {"content": "answers", "format": "csv"}


def _consultation_statement(platform: Any, key: str) -> tuple[str, dict[str, Any]]:
    consultation_id = create_consultation(platform, key)["consultation_id"]
    return f"/v1/consultations/{consultation_id}/statements", {"text": text("Plus d'autobus le soir")}


def _sms_poll(platform: Any, key: str) -> tuple[str, dict[str, Any]]:
    question = {"id": "q", "type": "scale", "text": text("Note?"), "scale_min": 0, "scale_max": 10}
    created = create_consultation(platform, key, eligibility="sms-poll", questions=[question])
    consultation_id = created["consultation_id"]
    now = platform.clock()
    window = {"opens_at": now.isoformat(), "closes_at": (now + timedelta(days=1)).isoformat()}
    path = f"/v1/consultations/{consultation_id}/schedule"
    assert platform.http("POST", path, headers=bearer(key), json=window).status == 200
    return f"/v1/consultations/{consultation_id}/sms-poll", {"phone_numbers": ["514 234 5678"]}


def _rating_request(platform: Any, key: str) -> tuple[str, dict[str, Any]]:
    register(platform, key)
    return "/v1/services/saaq.permis/rating-requests", {"phone_number": "514 234 5678"}


def _dataset_body(platform: Any, key: str) -> dict[str, Any]:
    return exchange_dataset_body("permis")


def _dataset_route(suffix: str, body: dict[str, Any]) -> Setup:
    def setup(platform: Any, key: str) -> tuple[str, dict[str, Any]]:
        dataset_id = exchange_register(platform, key, "permis")["dataset_id"]
        return f"/v1/exchange/datasets/{dataset_id}/{suffix}", body

    return setup


def _grant(platform: Any, key: str) -> tuple[str, dict[str, Any]]:
    key_maker(platform)("mtq")  # the consumer organization exists
    dataset_id = exchange_register(platform, key, "permis")["dataset_id"]
    expires = (platform.clock() + timedelta(days=30)).isoformat()
    return f"/v1/exchange/datasets/{dataset_id}/grants/mtq", {"expires_at": expires, "max_tier": "restricted"}


def _push(platform: Any, key: str) -> tuple[str, dict[str, Any]]:
    """saaq, the caller, is a consumer of mtq's dataset; loopback HTTP is the local runtime's allowance."""
    owner = key_maker(platform)("mtq")
    dataset_id = exchange_register(platform, owner, "routes")["dataset_id"]
    expires = (platform.clock() + timedelta(days=30)).isoformat()
    body = {"expires_at": expires, "max_tier": "restricted"}
    granted = platform.http(
        "PUT", f"/v1/exchange/datasets/{dataset_id}/grants/saaq", headers=bearer(owner), json=body
    )
    assert granted.status == 200, granted.text
    return f"/v1/exchange/datasets/{dataset_id}/push", {"url": "http://127.0.0.1:9/hook"}


def _indicator_body(platform: Any, key: str) -> dict[str, Any]:
    return barometer_indicator_body()


def _report_body(platform: Any, key: str) -> dict[str, Any]:
    barometer_define(platform, key)
    return {"indicator_id": "services-en-ligne", "period": this_month(), "value": 50, "base": 10}


def _idempotency_records(platform: Any) -> int:
    table = platform.names["IdempotencyTable"].rsplit("/", 1)[-1]
    return int(aws.client("dynamodb").scan(TableName=table, Select="COUNT")["Count"])


# Routes whose answer is the state of the resource they write: the same for both kinds.
SAME_STATE_ANSWERS = {
    "POST /v1/barometer/reports",  # one report per (organization, indicator, period)
    "PUT /v1/exchange/datasets/{dataset_id}/grants/{consumer}",
}

# Each route: what to set up, and the body both keys send.
CASES: dict[str, Setup] = {
    "POST /v1/services": lambda platform, key: {"slug": "permis", "name_fr": "Permis", "name_en": "Licence"},
    "POST /v1/feedback/exports": _export_body,
    "POST /v1/templates": lambda platform, key: SMS_TEMPLATE,
    "POST /v1/notifications/email": _email_body,
    "POST /v1/notifications/sms": _sms_body,
    "POST /v1/notifications/bulk": _bulk_body,
    "POST /v1/consents/imports": lambda platform, key: {"upload": True},
    "POST /v2/notifications/sms": lambda platform, key: _as_notify(_sms_body(platform, key)),
    "POST /v2/notifications/email": lambda platform, key: _as_notify(_email_body(platform, key)),
    "POST /v1/reminders": _reminder_body,
    "POST /v1/subscriptions": _subscription_body,
    "POST /v1/consultations": _consultation_body,
    "POST /v1/consultations/{consultation_id}/exports": _consultation_export,
    "POST /v1/consultations/{consultation_id}/statements": _consultation_statement,
    "POST /v1/consultations/{consultation_id}/sms-poll": _sms_poll,
    "POST /v1/services/{service_id}/rating-requests": _rating_request,
    "POST /v1/exchange/datasets": _dataset_body,
    "POST /v1/exchange/datasets/{dataset_id}/schemas": _dataset_route("schemas", {"schema": PERMIT_SCHEMA}),
    "POST /v1/exchange/datasets/{dataset_id}/messages": _dataset_route(
        "messages", {"messages": exchange_messages(2)}
    ),
    "PUT /v1/exchange/datasets/{dataset_id}/grants/{consumer}": _grant,
    "PUT /v1/exchange/datasets/{dataset_id}/push": _push,
    "POST /v1/barometer/indicators": _indicator_body,
    "POST /v1/barometer/reports": _report_body,
    "POST /v1/barometer/benefits": lambda platform, key: dict(BENEFIT),
    "POST /v1/barometer/showcase": lambda platform, key: dict(ACHIEVEMENT),
}


def test_every_route_that_takes_an_idempotency_key_has_a_case() -> None:
    assert _idempotent_routes() == set(CASES)


# The bodies' dates (a barometer target a year ahead, this month's report) are read on the
# platform's clock, as the services read them: on the real clock they fell in the past for a
# platform started on 2027-12-31.
@pytest.mark.usefixtures("service_clock")
@pytest.mark.parametrize("first_kind", [KeyKind.TEST, KeyKind.LIVE])
@pytest.mark.parametrize("route", sorted(CASES))
def test_a_key_reused_across_key_kinds_never_returns_the_others_answer(
    platform: Any, new_key: NewKey, route: str, first_kind: KeyKind
) -> None:
    method, path = route.split(" ", 1)
    second_kind = KeyKind.LIVE if first_kind is KeyKind.TEST else KeyKind.TEST
    first_key, second_key = new_key("saaq", kind=first_kind), new_key("saaq", kind=second_kind)
    setup = CASES[route](platform, first_key)
    path, body = setup if isinstance(setup, tuple) else (path, setup)

    def post(key: str) -> Any:
        headers = {**bearer(key), "Idempotency-Key": "cle-partagee-1"}
        return platform.http(method, path, headers=headers, json=body)

    remembered = _idempotency_records(platform)
    first = post(first_key)
    assert 200 <= first.status < 300, first.text
    assert post(first_key).json() == first.json()  # the same kind replays: the scope is the same
    assert _idempotency_records(platform) == remembered + 1
    other = post(second_key)
    # Never the first answer: the work was done again for this kind, under its own scope (or refused
    # on its own merits). A route whose answer is the resource's state (a PUT, a natural key) may
    # answer the same body: the record the second kind left is what shows its scope was its own.
    assert other.status < 500, other.text
    if 200 <= other.status < 300:  # a refusal (409: it exists) remembers nothing, and is not a replay
        assert _idempotency_records(platform) == remembered + 2
    if route not in SAME_STATE_ANSWERS:
        assert other.json() != first.json()
