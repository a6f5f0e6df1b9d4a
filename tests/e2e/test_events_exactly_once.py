"""Every accepted action's event arrives exactly once, and a refused request emits nothing: over
HTTP against the e2e target (the local platform, or a deployed stack: tests/e2e/target.py), with a
queue the suite creates in the target's account, subscribed through the API to every family.

The subscriptions are real SNS -> SQS subscriptions (locally in moto: the runtime's rules deliver
the bus's events to the family topics, moto delivers each topic to the queue), so the queue holds
what an organization would receive. Each family is one scenario: it performs accepted and refused actions
through the API and answers an `Outcome`: the events (subject, type) its accepted actions must
produce. Every request of a run, accepted or refused, names something unique to the run (its
service, a reference), and the platform is shared with other e2e tests: the events that mention
the run must be exactly the expected ones, counted by subject and type, each id once. An event for
a refused request, a second event for one fact, or one lost behind a refusal fails the test.

Time is real: a consultation is scheduled to open a second ago and the every-minute schedule is
fired with `/_local/tick` locally, or waited for on a deployed stack (`Target.until`), never by
sleeping. Events a scenario cannot name by the run (a
consultation's ULID) are claimed through `Outcome.marks`. An endpoint belongs to one organization:
exchange's second organization (made with the `numeriqc org` / `numeriqc key` CLI, against the
target) subscribes a queue of its own, listed in `Outcome.queues` and read with the main one.

A new family is covered by writing its scenario and listing it in `SCENARIOS`;
`test_every_family_that_emits_has_a_scenario` fails while a family whose code builds events is not
listed. Every family that emits has one now (organizations emits nothing).
"""

import json
import re
import secrets
import socket
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from numeriqc.core.events import EVENT_FAMILIES

from .target import Target, call

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
TYPE = "ca.qc.numeriqc.{}.v1"
QUEBEC = ZoneInfo("America/Toronto")


@dataclass
class Outcome:
    """What a scenario's actions must have caused, and must not have."""

    expected: Counter[tuple[str, str]] = field(default_factory=Counter)  # (subject, type) -> 1
    refused: int = 0
    # Ids the platform chose for the run's resources (a consultation's ULID): events that carry one
    # of them instead of the run's own names are the run's too.
    marks: set[str] = field(default_factory=set)
    # Queues of other organizations the scenario subscribed (an endpoint belongs to one organization):
    # what they receive is counted with the main queue's.
    queues: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Local:
    """The target, as a scenario reaches it."""

    target: Target
    org: str  # the organization of the target's key
    run: str  # unique to this run: services, recipients and references

    @property
    def url(self) -> str:
        return self.target.url

    @property
    def auth(self) -> dict[str, str]:
        return self.target.auth

    def aws(self, service: str) -> Any:
        return self.target.aws(service)

    def send(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        status, _, answer = call(method, f"{self.url}{path}", body, headers or self.auth)
        return status, json.loads(answer) if answer else None

    def post(self, path: str, body: Any, headers: dict[str, str] | None = None) -> tuple[int, Any]:
        return self.send("POST", path, body, headers)

    def created(self, path: str, body: Any, headers: dict[str, str] | None = None) -> Any:
        status, answer = self.post(path, body, headers)
        assert status == 201, answer
        return answer

    def ok(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        status, answer = self.send(method, path, body, headers)
        assert status == 200, answer
        return answer

    def refused(
        self,
        outcome: Outcome,
        path: str,
        body: Any,
        headers: dict[str, str] | None = None,
        method: str = "POST",
    ) -> None:
        status, answer = self.send(method, path, body, headers)
        assert 400 <= status < 500, answer
        assert answer["status"] == status  # a problem+json answer
        outcome.refused += 1

    def drain(self) -> None:
        self.target.settle()

    def tick(self) -> None:
        """Fire every schedule now (the every-minute ones included), as their next minute would."""
        self.target.tick()

    def queue(self, name: str) -> tuple[str, str]:
        """A new queue in the target's account, which the platform's topics may send to: URL, ARN."""
        sqs = self.aws("sqs")
        url = sqs.create_queue(QueueName=name)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        account = arn.split(":")[4]
        statement = {
            "Effect": "Allow",
            "Principal": {"Service": "sns.amazonaws.com"},
            "Action": "sqs:SendMessage",
            "Resource": arn,
            "Condition": {"StringEquals": {"aws:SourceAccount": account}},
        }
        policy = {"Version": "2012-10-17", "Statement": [statement]}
        sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(policy)})
        return str(url), str(arn)


# -- feedback -------------------------------------------------------------------------------------


def feedback(local: Local) -> Outcome:
    """Refusals between accepted submissions: a refusal must neither be announced nor stop the stream."""
    outcome = Outcome()
    slug = f"ev{local.run}"
    local.created("/v1/services", {"slug": slug, "name_fr": "Essai", "name_en": "Test"})
    service_id, unknown = f"{local.org}.{slug}", f"{local.org}.inconnu{local.run}"
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
    local.drain()  # the sender sends them; `numeriqc dev` plays SES's receipt (provider_receipts)
    topic = local.target.resource("NotificationsEmailEvents")
    for notification in sent:
        tags = {"org": [local.org], "notification": [notification]}
        receipt = {"eventType": "Delivery", "mail": {"messageId": f"ses-{notification}", "tags": tags}}
        for _ in range(2):  # SES delivers a receipt at least once: twice more here, still one fact
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


# -- consultations --------------------------------------------------------------------------------


def consultations(local: Local) -> Outcome:
    """A consultation's life on real time: scheduled to open a second ago, the every-minute schedule
    (`/_local/tick`) announces the opening; closed early, the next run announces the closing."""
    outcome = Outcome()
    question = {
        "id": "q1",
        "type": "single",
        "text": {"fr": "Mode de transport?"},
        "required": True,
        "options": [{"id": "bus", "label": {"fr": "Autobus"}}, {"id": "velo", "label": {"fr": "Vélo"}}],
    }
    ideas = {"id": "q2", "type": "statements", "text": {"fr": "Vos idées"}}
    draft = {"title": {"fr": f"Essai {local.run}"}, "questions": [question, ideas]}
    consultation = local.created("/v1/consultations", draft)["consultation_id"]
    outcome.marks.add(consultation)  # the events carry its id, not the title
    public = f"/v1/public/consultations/{consultation}"
    citizen = {"X-Forwarded-For": "198.51.100.40"}

    def ballot(choice: str) -> dict[str, Any]:
        return {"participant": secrets.token_urlsafe(24), "answers": {"q1": choice}}

    local.refused(outcome, f"{public}/answers", ballot("bus"), citizen, method="PUT")  # still a draft
    now = datetime.now(UTC)
    window = {
        "opens_at": (now - timedelta(seconds=1)).isoformat(),
        "closes_at": (now + timedelta(hours=1)).isoformat(),
    }
    local.ok("POST", f"/v1/consultations/{consultation}/schedule", window)
    local.tick()  # the schedule records the opening once, however many runs see it
    local.tick()
    outcome.expected[(consultation, TYPE.format("consultations.opened"))] += 1
    # a ballot is never announced; on a deployed stack, accepted once the schedule has opened it
    vote = ballot("bus")
    status = local.target.until(
        lambda: local.send("PUT", f"{public}/answers", vote, citizen)[0], lambda status: status == 200
    )
    assert status == 200
    local.refused(outcome, f"{public}/answers", ballot("avion"), citizen, method="PUT")  # no such option
    statement = {"participant": secrets.token_urlsafe(24), "text": "Plus d'autobus le soir."}
    submitted = local.created(f"{public}/statements", statement, citizen)["statement_id"]
    outcome.expected[(submitted, TYPE.format("consultations.statement.submitted"))] += 1
    too_long = {"participant": secrets.token_urlsafe(24), "text": "x" * 281}
    local.refused(outcome, f"{public}/statements", too_long, citizen)
    local.refused(outcome, f"/v1/consultations/{consultation}/publish", None)  # still open
    local.ok("POST", f"/v1/consultations/{consultation}/close")
    local.tick()
    outcome.expected[(consultation, TYPE.format("consultations.closed"))] += 1
    local.refused(outcome, f"{public}/statements", statement, citizen)  # closed now
    local.ok("POST", f"/v1/consultations/{consultation}/publish")
    outcome.expected[(consultation, TYPE.format("consultations.results.published"))] += 1
    local.refused(outcome, f"/v1/consultations/{consultation}/publish", None)  # published already
    return outcome


# -- exchange -------------------------------------------------------------------------------------


def _second_organization(local: Local, org_id: str) -> dict[str, str]:
    """A consumer organization, made as an operator would: `numeriqc org create`, `org add-account`
    (its queues live in the target's account), `key create`. The CLI reaches the test's local
    platform by NUMERIQC_DEV_ENV, like `numeriqc dev` itself, or the deployed stack by `--stack`."""
    numeriqc = local.target.cli
    names = ("--name-fr", "Organisme consommateur", "--name-en", "Consumer organization")
    numeriqc("org", "create", org_id, *names, "--contact", f"ti@{org_id}.example")
    numeriqc("org", "add-account", org_id, local.target.account_id())
    scopes = "exchange:consume,events:subscribe"
    return {
        "Authorization": f"Bearer {numeriqc('key', 'create', '--org', org_id, '--scopes', scopes)['key']}"
    }


def exchange(local: Local) -> Outcome:
    """demo owns a dataset and grants it to a second organization, which subscribes a queue of its own
    to its exchange events: the grant decisions are demo's events, the delivery the consumer's."""
    outcome = Outcome()
    consumer = f"ev{local.run}"
    consumer_auth = _second_organization(local, consumer)
    url, arn = local.queue(f"exchange-consumer-{local.run}")
    local.created(
        "/v1/subscriptions", {"family": "exchange", "protocol": "sqs", "endpoint": arn}, consumer_auth
    )
    outcome.queues.append(url)
    schema = {
        "type": "object",
        "properties": {"permit": {"type": "string", "pattern": "^[A-Z][0-9]{4}$"}},
        "required": ["permit"],
        "additionalProperties": False,
    }
    dataset = {
        "slug": f"ev{local.run}",
        "name_fr": "Permis",
        "name_en": "Permits",
        "classification": {"availability": "medium", "integrity": "high", "confidentiality": "medium"},
        "tier": "internal",
        "schema": schema,
    }
    dataset_id = local.created("/v1/exchange/datasets", dataset)["dataset_id"]
    grants = f"/v1/exchange/datasets/{dataset_id}/grants"
    later = (datetime.now(UTC) + timedelta(days=30)).isoformat()

    def decided(decision: str) -> None:
        outcome.expected[(f"{dataset_id}/{consumer}/{decision}", TYPE.format("exchange.grant.changed"))] += 1

    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    for path, body in (
        (f"{grants}/{local.org}", {"expires_at": later, "max_tier": "internal"}),  # to itself
        (f"{grants}/{consumer}", {"expires_at": later, "max_tier": "public"}),  # below the dataset's tier
        (f"{grants}/{consumer}", {"expires_at": past, "max_tier": "internal"}),  # already expired
    ):
        local.refused(outcome, path, body, method="PUT")
    local.refused(outcome, f"{grants}/{consumer}", None, method="DELETE")  # no grant to revoke yet
    local.ok("PUT", f"{grants}/{consumer}", {"expires_at": later, "max_tier": "confidential"})
    decided("granted")
    messages = f"/v1/exchange/datasets/{dataset_id}/messages"
    local.refused(outcome, messages, {"messages": [{"data": {"permit": "pas-un-permis"}}]})  # its schema
    status, published = local.post(messages, {"messages": [{"data": {"permit": "A0001"}}]})
    assert status == 202, published
    seq = published["first_seq"]
    outcome.expected[(f"{dataset_id}/{consumer}/{seq}-{seq}", TYPE.format("exchange.message.delivered"))] += 1
    local.drain()  # delivered while the grant holds (on a deployed stack: seen in the consumer's queue)
    delivered = TYPE.format("exchange.message.delivered")
    local.target.until(lambda: _peek(local, url), lambda events: delivered in {e["type"] for e in events})
    if local.target.local:  # a loopback receiver is the local runtime's exception, not a stack's
        # Push: the consumer's endpoint refuses every connection; after the last attempt the message is
        # in its pull queue and the failure is the consumer's event (loopback HTTP: the local runtime's).
        push = f"/v1/exchange/datasets/{dataset_id}/push"
        local.refused(outcome, push, {"url": "https://169.254.169.254/latest"}, consumer_auth, method="PUT")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            closed = probe.getsockname()[1]
        status, _ = local.send("PUT", push, {"url": f"http://127.0.0.1:{closed}/hook"}, consumer_auth)
        assert status == 201
        status, published = local.post(messages, {"messages": [{"data": {"permit": "A0003"}}]})
        assert status == 202, published
        seq = published["first_seq"]
        failed = TYPE.format("exchange.delivery.failed")
        outcome.expected[(f"{dataset_id}/{consumer}/{seq}-{seq}", failed)] += 1
        local.drain()
    local.ok("DELETE", f"{grants}/{consumer}")
    decided("revoked")
    local.refused(outcome, f"{grants}/{consumer}", None, method="DELETE")  # revoked already
    status, published = local.post(messages, {"messages": [{"data": {"permit": "A0002"}}]})
    assert status == 202, published  # logged, but reaches no one: no delivery event
    return outcome


def _consultation_subject(event: dict[str, Any]) -> str:
    return str(event["data"].get("statement_id") or event["data"]["consultation_id"])


def _exchange_subject(event: dict[str, Any]) -> str:
    data = event["data"]
    what = data.get("decision") or f"{data['first_seq']}-{data['last_seq']}"
    return f"{data['dataset_id']}/{data['consumer']}/{what}"


# -- barometer ------------------------------------------------------------------------------------


def barometer(local: Local) -> Outcome:
    """An indicator and a value reported twice alike (one fact). The platform's own events
    (`figures.recorded`, `site.published`) are the platform owner's, never sent to demo's
    subscription, and name no indicator of the run."""
    outcome = Outcome()
    indicator_id = f"ev-{local.run}"
    today = datetime.now(QUEBEC).date()
    indicator = {
        "indicator_id": indicator_id,
        "measure": 15,
        "name_fr": "Services offerts en ligne",
        "name_en": "Services offered online",
        "unit": "percent",
        "aggregation": "weighted_mean",
        "targets": [{"value": 80, "date": today.replace(year=today.year + 1, day=1).isoformat()}],
    }
    past = {**indicator, "targets": [{"value": 80, "date": (today - timedelta(days=1)).isoformat()}]}
    local.refused(outcome, "/v1/barometer/indicators", past)
    local.refused(outcome, "/v1/barometer/indicators", {**indicator, "name_fr": "<b>Services</b> en ligne"})
    local.created("/v1/barometer/indicators", indicator)
    outcome.expected[(indicator_id, TYPE.format("barometer.indicator.defined"))] += 1
    local.refused(outcome, "/v1/barometer/indicators", indicator)  # defined already
    last_month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    report = {"indicator_id": indicator_id, "period": last_month, "value": 60, "base": 120}
    local.created("/v1/barometer/reports", report)
    outcome.expected[(f"{indicator_id}/{last_month}/1", TYPE.format("barometer.report.recorded"))] += 1
    assert local.post("/v1/barometer/reports", report)[0] == 200  # the same value again: no second fact
    local.refused(outcome, "/v1/barometer/reports", {**report, "value": 150})  # a percent above 100
    local.refused(outcome, "/v1/barometer/reports", {**report, "value": 61})  # different, not a correction
    local.refused(outcome, "/v1/barometer/reports", {**report, "indicator_id": f"ev-inconnu-{local.run}"})
    return outcome


def _barometer_subject(event: dict[str, Any]) -> str:
    data = event["data"]
    return "/".join(str(data[name]) for name in ("indicator_id", "period", "version") if name in data)


@dataclass(frozen=True)
class Scenario:
    act: Callable[[Local], Outcome]
    subject: Callable[[dict[str, Any]], str]  # the accepted action an event is about


SCENARIOS: dict[str, Scenario] = {
    "feedback": Scenario(feedback, lambda event: str(event["data"]["feedback_id"])),
    "notifications": Scenario(notifications, lambda event: str(event["data"]["id"])),
    "consultations": Scenario(consultations, _consultation_subject),
    "exchange": Scenario(exchange, _exchange_subject),
    "barometer": Scenario(barometer, _barometer_subject),
}
# Families no code emits yet: listing a scenario above is what covers a family.
SILENT: set[str] = set()
# Families whose events concern an organization before it can subscribe (`organizations.onboarded`
# is about the organization just created): only the platform's own consumers hear them, and
# tests/integration/barometer/test_platform_families.py checks that the barometer counts them.
PLATFORM_ONLY = {"organizations"}


def emitting_families() -> set[str]:
    """The families the functions build events for (`cloud_event("<family>", ...)` in the source)."""
    found: set[str] = set()
    for path in (ROOT / "functions" / "numeriqc").rglob("*.py"):
        found.update(re.findall(r"cloud_event\(\s*\"([a-z-]+)\"", path.read_text()))
    return found


def test_every_family_that_emits_has_a_scenario() -> None:
    assert emitting_families() <= set(SCENARIOS) | PLATFORM_ONLY
    # a new family is listed one way or another
    assert set(EVENT_FAMILIES) == set(SCENARIOS) | SILENT | PLATFORM_ONLY


def _listen(local: Local, families: list[str]) -> str:
    url, arn = local.queue(f"every-family-{local.run}")
    for family in families:
        local.created("/v1/subscriptions", {"family": family, "protocol": "sqs", "endpoint": arn})
    return url


def _peek(local: Local, url: str) -> list[dict[str, Any]]:
    """The events waiting in the queue, left there (visible again at once) for `_take` to count."""
    answer = local.aws("sqs").receive_message(
        QueueUrl=url,
        MaxNumberOfMessages=10,
        VisibilityTimeout=0,
        WaitTimeSeconds=0 if local.target.local else 5,
    )
    return [json.loads(message["Body"]) for message in answer.get("Messages", [])]


def _take(local: Local, url: str) -> list[dict[str, Any]]:
    sqs, found = local.aws("sqs"), []
    wait = 0 if local.target.local else 5  # a deployed stack's deliveries: long polling
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=wait).get(
        "Messages", []
    ):
        for message in messages:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


def _ours(events: list[dict[str, Any]], outcomes: dict[str, Outcome], run: str) -> list[dict[str, Any]]:
    """Every event about this run: its services, references, the ids it was given."""
    marks = {run}.union(*(outcome.marks for outcome in outcomes.values()))
    return [event for event in events if any(mark in json.dumps(event["data"]) for mark in marks)]


def _all_arrived(ours: list[dict[str, Any]], outcomes: dict[str, Outcome]) -> bool:
    families = {event["source"].removeprefix("numeriqc/") for event in ours} & set(SCENARIOS)
    seen = Counter(
        (SCENARIOS[family].subject(event), event["type"])
        for family in families
        for event in ours
        if event["source"] == f"numeriqc/{family}"
    )
    return all(seen[fact] >= 1 for outcome in outcomes.values() for fact in outcome.expected)


def test_every_accepted_action_is_announced_exactly_once_and_no_refusal_is(target: Target) -> None:
    status, _, body = call("GET", f"{target.url}/v1/organization", headers=target.auth)
    assert status == 200, body
    local = Local(target, json.loads(body)["org_id"], uuid.uuid4().hex[:10])
    queue = _listen(local, sorted(SCENARIOS))
    outcomes = {family: scenario.act(local) for family, scenario in SCENARIOS.items()}
    queues = [queue, *(url for outcome in outcomes.values() for url in outcome.queues)]
    events: list[dict[str, Any]] = []

    def arrived() -> list[dict[str, Any]]:
        events.extend(event for url in queues for event in _take(local, url))
        return _ours(events, outcomes, local.run)

    target.until(arrived, lambda ours: _all_arrived(ours, outcomes))
    ours = arrived()  # nothing arrives late, nothing twice
    for family, outcome in outcomes.items():
        subject = SCENARIOS[family].subject
        found = [event for event in ours if event["source"] == f"numeriqc/{family}"]
        assert Counter((subject(event), event["type"]) for event in found) == outcome.expected, family
        assert all(count == 1 for count in Counter(event["id"] for event in found).values()), family
        assert outcome.refused >= 3, family
    assert {event["source"] for event in ours} == {f"numeriqc/{family}" for family in SCENARIOS}
