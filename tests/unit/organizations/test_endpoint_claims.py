"""SubscriptionService: an endpoint belongs to one organization, and a refusal leaves nothing behind.

Stand-ins for the ports (records, SNS, accounts, resolver); the real table and SNS are exercised by
tests/integration/organizations/test_endpoint_ownership.py.
"""

from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from numeriqc.core.clock import FrozenClock
from numeriqc.core.problems import Conflict, NotFound, ValidationFailed
from numeriqc.organizations.adapters.topics import SnsTopics
from numeriqc.organizations.models import Protocol, Subscription, SubscriptionIn
from numeriqc.organizations.ports import EndpointRefused, EndpointTaken, SubscriptionExists
from numeriqc.organizations.subscriptions import SubscriptionService, endpoint_identity

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
QUEUE = "arn:aws:sqs:ca-central-1:111122223333:saaq-evenements"
TOPIC = "arn:aws:sns:ca-central-1:999999999999:feedback"


class Records:
    """SubscriptionRecords and AccountRecords: claims by endpoint identity, like the table's."""

    def __init__(self) -> None:
        self.claims: dict[str, tuple[str, set[str]]] = {}
        self.items: dict[tuple[str, str], tuple[Subscription, str]] = {}
        self.registered = {"saaq": ["111122223333"], "mtq": ["111122223333"]}

    def claim(self, org_id: str, subscription: Subscription, identity: str) -> None:
        owner, families = self.claims.get(identity, (org_id, set()))
        if families and (owner != org_id or subscription.family in families):
            raise EndpointTaken(owner)
        self.claims[identity] = (org_id, families | {subscription.family})
        self.items[(org_id, subscription.subscription_id)] = (subscription, "")

    def attach(self, org_id: str, subscription: Subscription, subscription_arn: str) -> None:
        self.items[(org_id, subscription.subscription_id)] = (subscription, subscription_arn)

    def release(self, org_id: str, subscription: Subscription, identity: str) -> None:
        owner, families = self.claims[identity]
        assert owner == org_id
        self.claims[identity] = (owner, families - {subscription.family})
        del self.items[(org_id, subscription.subscription_id)]

    def subscription(self, org_id: str, subscription_id: str) -> tuple[Subscription, str] | None:
        return self.items.get((org_id, subscription_id))

    def subscriptions(self, org_id: str) -> list[tuple[Subscription, str]]:
        return [value for (org, _), value in self.items.items() if org == org_id]

    def add_account(self, org_id: str, account_id: str) -> None:
        self.registered.setdefault(org_id, []).append(account_id)

    def remove_account(self, org_id: str, account_id: str) -> None:
        self.registered[org_id].remove(account_id)

    def accounts(self, org_id: str) -> list[str]:
        return self.registered.get(org_id, [])


class Sns:
    """TopicGateway: one ARN per call, or the error it was told to raise."""

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.subscribed: list[str] = []
        self.unsubscribed: list[str] = []

    def subscribe(self, topic_arn: str, protocol: str, endpoint: str, filter_policy: dict[str, Any]) -> str:
        if self.error:
            raise self.error
        self.subscribed.append(endpoint)
        return f"{topic_arn}:sub-{len(self.subscribed)}"

    def unsubscribe(self, subscription_arn: str) -> None:
        self.unsubscribed.append(subscription_arn)

    def pending(self, subscription_arn: str) -> bool:
        return False


class Resolver:
    def addresses(self, host: str) -> list[str]:
        return {"hooks.saaq.example": ["142.213.1.10"], "internal.saaq.example": ["10.1.2.3"]}[host]


def _service(records: Records, sns: Sns) -> SubscriptionService:
    return SubscriptionService(
        records, {"feedback": TOPIC, "notifications": TOPIC + "-n"}, sns,
        accounts=records, resolver=Resolver(), clock=FrozenClock(NOW),
    )  # fmt: skip


def _request(endpoint: str = QUEUE, protocol: str = "sqs", family: str = "feedback") -> SubscriptionIn:
    return SubscriptionIn.model_validate({"family": family, "protocol": protocol, "endpoint": endpoint})


def test_another_organizations_endpoint_is_a_409_and_sns_is_never_asked() -> None:
    records, sns = Records(), Sns()
    service = _service(records, sns)
    service.subscribe("saaq", _request())
    with pytest.raises(Conflict) as refused:
        service.subscribe("mtq", _request())
    assert "autre organisme" in refused.value.body("fr")["detail"]
    with pytest.raises(Conflict):  # another family changes nothing: the endpoint is saaq's
        service.subscribe("mtq", _request(family="notifications"))
    assert sns.subscribed == [QUEUE]
    assert [s.family for s, _ in records.subscriptions("mtq")] == []


def test_the_same_family_twice_is_a_409_another_family_is_a_second_subscription() -> None:
    records, sns = Records(), Sns()
    service = _service(records, sns)
    service.subscribe("saaq", _request())
    with pytest.raises(Conflict) as refused:
        service.subscribe("saaq", _request())
    assert "feedback" in refused.value.body("en")["detail"]
    service.subscribe("saaq", _request(family="notifications"))
    assert sorted(s.family for s, _ in records.subscriptions("saaq")) == ["feedback", "notifications"]


@pytest.mark.parametrize(
    ("error", "problem", "status"),
    [(SubscriptionExists(), Conflict, 409), (EndpointRefused(), ValidationFailed, 422)],
)
def test_an_sns_refusal_is_a_4xx_and_gives_the_claim_back(
    error: Exception, problem: type[Exception], status: int
) -> None:
    records = Records()
    with pytest.raises(problem) as refused:
        _service(records, Sns(error)).subscribe("saaq", _request())
    assert refused.value.status == status  # type: ignore[attr-defined]
    assert records.items == {}
    _service(records, Sns()).subscribe("mtq", _request())  # the endpoint is free again


def test_an_unexpected_failure_still_gives_the_claim_back() -> None:
    records = Records()
    with pytest.raises(TimeoutError):
        _service(records, Sns(TimeoutError())).subscribe("saaq", _request())
    assert records.items == {}


def test_a_queue_in_an_unregistered_account_is_refused_before_anything_is_written() -> None:
    records, sns = Records(), Sns()
    with pytest.raises(ValidationFailed) as refused:
        _service(records, sns).subscribe("saaq", _request(QUEUE.replace("111122223333", "444455556666")))
    rendered = refused.value.body("en")
    assert [(e["field"], e["code"]) for e in rendered["errors"]] == [
        ("body.endpoint", "unregistered_account")
    ]
    assert "444455556666" in rendered["errors"][0]["detail"]
    assert (records.items, records.claims, sns.subscribed) == ({}, {}, [])


def test_an_https_endpoint_resolving_to_a_private_address_is_refused() -> None:
    records, sns = Records(), Sns()
    with pytest.raises(ValidationFailed) as refused:
        _service(records, sns).subscribe("saaq", _request("https://internal.saaq.example/h", "https"))
    assert refused.value.body("fr")["errors"][0]["code"] == "not_public"
    assert sns.subscribed == []
    created = _service(records, sns).subscribe("saaq", _request("https://hooks.saaq.example/h", "https"))
    assert created.status == "pending-confirmation"  # SNS challenges the endpoint first


def test_one_organizations_delete_removes_only_its_own_sns_subscription() -> None:
    records, sns = Records(), Sns()
    service = _service(records, sns)
    mine = service.subscribe("saaq", _request())
    with pytest.raises(NotFound):
        service.unsubscribe("mtq", mine.subscription_id)
    assert sns.unsubscribed == []
    service.unsubscribe("saaq", mine.subscription_id)
    assert sns.unsubscribed == [f"{TOPIC}:sub-1"]
    service.subscribe("mtq", _request())  # released: another organization may have it now


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://Hooks.Saaq.Example/h", "https://hooks.saaq.example:443/h"),
        ("https://hooks.saaq.example./h", "https://HOOKS.saaq.example/h"),
        ("TI@Saaq.Example", "ti@saaq.example"),
    ],
)
def test_spellings_of_one_endpoint_are_one_identity(one: str, other: str) -> None:
    protocol = "email" if "@" in one else "https"
    assert endpoint_identity(Protocol(protocol), one) == endpoint_identity(Protocol(protocol), other)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Invalid parameter: Attributes Reason: Subscription already exists with different attributes",
         SubscriptionExists),
        ("Invalid parameter: Endpoint", EndpointRefused),
    ],
)  # fmt: skip
def test_sns_invalid_parameter_answers_become_the_ports_exceptions(message: str, expected: type) -> None:
    client = boto3.client("sns", region_name="ca-central-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stub:
        stub.add_client_error("subscribe", "InvalidParameter", message, 400)
        with pytest.raises(expected):
            SnsTopics(client).subscribe(TOPIC, "sqs", QUEUE, {"orgid": ["saaq"]})


def test_a_failure_after_sns_answered_removes_the_sns_subscription_and_the_claim() -> None:
    class Failing(Records):
        failing = True

        def attach(self, org_id: str, subscription: Subscription, subscription_arn: str) -> None:
            if self.failing:
                raise TimeoutError
            super().attach(org_id, subscription, subscription_arn)

    records, sns = Failing(), Sns()
    with pytest.raises(TimeoutError):
        _service(records, sns).subscribe("saaq", _request())
    assert sns.unsubscribed == [f"{TOPIC}:sub-1"]
    assert records.items == {}
    records.failing = False
    _service(records, Sns()).subscribe("mtq", _request())  # the endpoint is free again
