"""Every accepted action's event arrives exactly once, and a refused request emits nothing: over
HTTP against a running `numeriqc dev`, with a queue subscribed through the API to every family.

The subscriptions are real SNS -> SQS subscriptions in moto (the runtime's rules deliver the bus's
events to the family topics, moto delivers each topic to the queue), so the queue holds what an
organization would receive. Each family is one scenario: it performs accepted and refused actions
through the API and answers an `Outcome`: the events (subject, type) its accepted actions must
produce. Every request of a run, accepted or refused, names something unique to the run (its
service, a reference), and the platform is shared with other e2e tests: the events that mention
the run must be exactly the expected ones, counted by subject and type, each id once. An event for
a refused request, a second event for one fact, or one lost behind a refusal fails the test.

A new family is covered by writing its scenario and listing it in `SCENARIOS`;
`test_every_family_that_emits_has_a_scenario` fails while a family whose code builds events is not
listed (consultations, exchange and barometer are coming).
"""

import json
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
import pytest

from numeriqc.core.events import EVENT_FAMILIES

from .test_feedback_e2e import call, demo_key

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
TYPE = "ca.qc.numeriqc.{}.v1"


@dataclass
class Outcome:
    """What a scenario's actions must have caused, and must not have."""

    expected: Counter[tuple[str, str]] = field(default_factory=Counter)  # (subject, type) -> 1
    refused: int = 0


@dataclass(frozen=True)
class Local:
    """The running platform, as a scenario reaches it."""

    url: str
    auth: dict[str, str]
    moto_url: str
    resources: dict[str, Any]
    run: str  # unique to this run: services, recipients and references

    def aws(self, service: str) -> Any:
        return boto3.client(
            service,
            endpoint_url=self.moto_url,
            region_name="ca-central-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def post(self, path: str, body: Any, headers: dict[str, str] | None = None) -> tuple[int, Any]:
        status, _, answer = call("POST", f"{self.url}{path}", body, headers or self.auth)
        return status, json.loads(answer) if answer else None

    def created(self, path: str, body: Any, headers: dict[str, str] | None = None) -> Any:
        status, answer = self.post(path, body, headers)
        assert status == 201, answer
        return answer

    def refused(self, outcome: Outcome, path: str, body: Any, headers: dict[str, str] | None = None) -> None:
        status, answer = self.post(path, body, headers)
        assert 400 <= status < 500, answer
        assert answer["status"] == status  # a problem+json answer
        outcome.refused += 1

    def drain(self) -> None:
        assert call("POST", f"{self.url}/_local/drain")[0] == 200


# -- feedback -------------------------------------------------------------------------------------


def feedback(local: Local) -> Outcome:
    """Refusals between accepted submissions: a refusal must neither be announced nor stop the stream."""
    outcome = Outcome()
    slug = f"ev{local.run}"
    local.created("/v1/services", {"slug": slug, "name_fr": "Essai", "name_en": "Test"})
    service_id, unknown = f"demo.{slug}", f"demo.inconnu{local.run}"
    contact = {"consent": True, "email": f"{local.run}@exemple.ca"}
    refused = {"X-Forwarded-For": "198.51.100.99"}

    def accept(body: dict[str, Any], ip: str) -> str:
        receipt = str(local.created("/v1/feedback", body, {"X-Forwarded-For": ip})["receipt_id"])
        outcome.expected[(receipt, TYPE.format("feedback.received"))] += 1
        if body["rating"] <= 2:
            outcome.expected[(receipt, TYPE.format("feedback.low-rating"))] += 1
        return receipt

    first = accept({"service_id": service_id, "rating": 5}, "198.51.100.1")
    local.refused(outcome, "/v1/feedback", {"service_id": unknown, "rating": 4}, refused)
    # the same submission within the window: its first receipt, no second fact
    again = local.created(
        "/v1/feedback", {"service_id": service_id, "rating": 5}, {"X-Forwarded-For": "198.51.100.1"}
    )
    assert again["receipt_id"] == first
    # contact details: a binary attribute in the stream record
    accept({"service_id": service_id, "rating": 1, "contact": contact}, "198.51.100.2")
    local.refused(outcome, "/v1/feedback", {"service_id": unknown, "rating": 1, "contact": contact}, refused)
    local.refused(outcome, "/v1/feedback", {"service_id": service_id, "rating": 9}, refused)
    local.refused(outcome, "/v1/feedback", {"service_id": service_id, "rating": 2, "contact": {}}, refused)
    accept({"service_id": service_id, "rating": 3, "comment": "Bien"}, "198.51.100.3")
    return outcome


# -- notifications --------------------------------------------------------------------------------


def notifications(local: Local) -> Outcome:
    outcome = Outcome()
    template = {"channel": "email", "name": f"ev{local.run}", "subject": "Rappel", "body": "Bonjour."}
    template_id = local.created("/v1/templates", template)["template_id"]
    recipients = [f"ev{number}-{local.run}@exemple.ca" for number in range(2)]
    sent = []
    for number, recipient in enumerate(recipients):
        consent = {"channel": "email", "recipient": recipient, "purpose": "rappels", "source": "e2e"}
        local.created("/v1/consents", consent)
        body = {
            "template_id": template_id,
            "email_address": recipient,
            "reference": f"ok{number}-{local.run}",
        }
        sent.append(local.created("/v1/notifications/email", body)["id"])
    local.drain()  # the sender sends them: `sending`, not a status callback yet
    topic = local.resources["NotificationsEmailEvents"]["arn"]
    for notification in sent:
        tags = {"org": ["demo"], "notification": [notification]}
        receipt = {"eventType": "Delivery", "mail": {"messageId": f"ses-{notification}", "tags": tags}}
        for _ in range(2):  # SES delivers a receipt at least once: twice here, still one fact
            local.aws("sns").publish(TopicArn=topic, Message=json.dumps(receipt))
        outcome.expected[(notification, TYPE.format("notifications.status"))] += 1
    marker = f"refus-{local.run}"
    for body in (
        {"email_address": f"inconnu-{local.run}@exemple.ca", "template_id": template_id},  # no consent
        {"email_address": recipients[0], "template_id": str(uuid.uuid4())},  # no such template
        {"email_address": "pas-une-adresse", "template_id": template_id},
    ):
        local.refused(outcome, "/v1/notifications/email", {**body, "reference": marker})
    return outcome


@dataclass(frozen=True)
class Scenario:
    act: Callable[[Local], Outcome]
    subject: Callable[[dict[str, Any]], str]  # the accepted action an event is about


SCENARIOS: dict[str, Scenario] = {
    "feedback": Scenario(feedback, lambda event: str(event["data"]["feedback_id"])),
    "notifications": Scenario(notifications, lambda event: str(event["data"]["id"])),
}
# Families no code emits yet: listing a scenario above is what covers a family.
SILENT = {"organizations", "consultations", "exchange", "barometer"}


def emitting_families() -> set[str]:
    """The families the functions build events for (`cloud_event("<family>", ...)` in the source)."""
    found: set[str] = set()
    for path in (ROOT / "functions" / "numeriqc").rglob("*.py"):
        found.update(re.findall(r"cloud_event\(\s*\"([a-z-]+)\"", path.read_text()))
    return found


def test_every_family_that_emits_has_a_scenario() -> None:
    assert emitting_families() <= set(SCENARIOS)
    assert set(EVENT_FAMILIES) == set(SCENARIOS) | SILENT  # a new family is listed one way or the other


def _listen(local: Local, families: list[str]) -> str:
    sqs = local.aws("sqs")
    url = sqs.create_queue(QueueName=f"every-family-{local.run}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    for family in families:
        local.created("/v1/subscriptions", {"family": family, "protocol": "sqs", "endpoint": arn})
    return str(url)


def _take(local: Local, url: str) -> list[dict[str, Any]]:
    sqs, found = local.aws("sqs"), []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


def test_every_accepted_action_is_announced_exactly_once_and_no_refusal_is(dev_platform: Any) -> None:
    resources = json.loads(dev_platform.dev_env.with_suffix(".json").read_text())["resources"]
    local = Local(
        dev_platform.url,
        {"Authorization": f"Bearer {demo_key(dev_platform)}"},
        dev_platform.moto_url,
        resources,
        uuid.uuid4().hex[:10],
    )
    queue = _listen(local, sorted(SCENARIOS))
    outcomes = {family: scenario.act(local) for family, scenario in SCENARIOS.items()}
    local.drain()
    events = _take(local, queue)
    local.drain()  # nothing arrives late, nothing twice
    events += _take(local, queue)

    # Every event about this run (its services, references) is an expected one, once.
    ours = [event for event in events if local.run in json.dumps(event["data"])]
    for family, outcome in outcomes.items():
        subject = SCENARIOS[family].subject
        found = [event for event in ours if event["source"] == f"numeriqc/{family}"]
        assert Counter((subject(event), event["type"]) for event in found) == outcome.expected, family
        assert all(count == 1 for count in Counter(event["id"] for event in found).values()), family
        assert outcome.refused >= 3, family
    assert {event["source"] for event in ours} == {f"numeriqc/{family}" for family in SCENARIOS}
