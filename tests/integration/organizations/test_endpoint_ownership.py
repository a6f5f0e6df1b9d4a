"""An endpoint belongs to one organization, through the real wiring (table, SNS, the API).

Queues are made in the local account, which `new_key` registers for every organization it makes;
the account rule is tested with ARNs of other accounts. Names resolve through a stand-in resolver
(`deps.resolver` replaced): no test asks a real DNS.
"""

import json
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.events import EventPublisher, cloud_event
from numeriqc.organizations import deps
from numeriqc_local.account import ACCOUNT_ID
from tests.support.platform import NewKey, bearer


def _queue(name: str) -> tuple[str, str]:
    sqs = aws.client("sqs")
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return url, arn


def _subscribe(platform: Any, key: str, language: str | None = None, **body: Any) -> Any:
    return platform.http(
        "POST", "/v1/subscriptions", headers=bearer(key, language), json={"family": "feedback", **body}
    )


def _sns_endpoints(platform: Any) -> list[str]:
    """The organizations' endpoints on the feedback topic: the platform's own consumers (the
    barometer's queue, declared in the template) are not anyone's subscription."""
    topic = platform.names["FeedbackTopic"]
    own = _platform_queue_arns(platform)
    return [
        s["Endpoint"]
        for s in aws.client("sns").list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
        if s["Endpoint"] not in own
    ]


def _platform_queue_arns(platform: Any) -> set[str]:
    sqs = aws.client("sqs")
    return {
        sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        for url in sqs.list_queues(QueueNamePrefix="NumeriqcPlatform-").get("QueueUrls", [])
    }


def _received(url: str) -> list[dict[str, Any]]:
    messages = aws.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(message["Body"]) for message in messages]


@pytest.mark.parametrize(("language", "word"), [("fr", "autre organisme"), ("en", "another organization")])
def test_a_queue_subscribed_by_one_organization_is_refused_to_another(
    platform: Any, new_key: NewKey, language: str, word: str
) -> None:
    saaq_key, mtq_key = new_key("saaq"), new_key("mtq")
    url, arn = _queue("saaq-events")
    assert _subscribe(platform, saaq_key, protocol="sqs", endpoint=arn).status == 201
    for family in ("feedback", "notifications"):
        refused = _subscribe(platform, mtq_key, language, protocol="sqs", endpoint=arn, family=family)
        assert refused.status == 409, refused.text
        assert refused.header("content-type") == "application/problem+json"
        assert refused.header("content-language") == language
        assert word in refused.json()["detail"]
    assert platform.http("GET", "/v1/subscriptions", headers=bearer(mtq_key)).json() == {"items": []}

    # saaq's subscription still has saaq's filter: it gets its events, and never mtq's.
    saaq_event = cloud_event("feedback", "received", "saaq", {"rating": 5})
    EventPublisher(aws.client("events"), platform.names["EventBus"]).publish(
        [saaq_event, cloud_event("feedback", "received", "mtq", {"rating": 1})]
    )
    platform.drain()
    assert _received(url) == [saaq_event.model_dump(mode="json")]


def test_the_same_family_twice_is_a_409_and_one_sns_subscription(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq")
    _, arn = _queue("saaq-events")
    assert _subscribe(platform, key, protocol="sqs", endpoint=arn).status == 201
    again = _subscribe(
        platform, key, protocol="sqs", endpoint=arn, event_types=["ca.qc.numeriqc.feedback.low-rating.v1"]
    )
    assert again.status == 409, again.text
    assert _sns_endpoints(platform) == [arn]


def test_one_organizations_delete_never_removes_anothers(platform: Any, new_key: NewKey) -> None:
    saaq_key, mtq_key = new_key("saaq"), new_key("mtq")
    _, arn = _queue("saaq-events")
    created = _subscribe(platform, saaq_key, protocol="sqs", endpoint=arn)
    location = created.header("location")
    assert platform.http("DELETE", location, headers=bearer(mtq_key)).status == 404
    assert _subscribe(platform, mtq_key, protocol="sqs", endpoint=arn).status == 409
    assert _sns_endpoints(platform) == [arn]

    assert platform.http("DELETE", location, headers=bearer(saaq_key)).status == 204
    assert _sns_endpoints(platform) == []
    # Given up, the queue may be another organization's now.
    assert _subscribe(platform, mtq_key, protocol="sqs", endpoint=arn).status == 201


def test_a_queue_in_an_account_the_organization_did_not_register_is_refused(
    platform: Any, new_key: NewKey
) -> None:
    key = new_key("saaq")
    elsewhere = "arn:aws:sqs:ca-central-1:444455556666:saaq-events"
    refused = _subscribe(platform, key, "en", protocol="sqs", endpoint=elsewhere)
    assert refused.status == 422, refused.text
    assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [
        ("body.endpoint", "unregistered_account")
    ]
    assert _sns_endpoints(platform) == []

    put = platform.http("PUT", "/v1/organization/aws-accounts/444455556666", headers=bearer(key))
    assert put.status == 200, put.text
    assert put.json() == {"items": sorted([ACCOUNT_ID, "444455556666"])}
    assert _subscribe(platform, key, protocol="sqs", endpoint=elsewhere).status == 201


def test_aws_accounts_are_listed_registered_and_removed_per_organization(
    platform: Any, new_key: NewKey
) -> None:
    saaq_key, mtq_key = new_key("saaq"), new_key("mtq")
    path = "/v1/organization/aws-accounts"
    assert platform.http("PUT", f"{path}/111122223333", headers=bearer(saaq_key)).status == 200
    assert platform.http("PUT", f"{path}/111122223333", headers=bearer(saaq_key)).status == 200  # idempotent
    assert platform.http("GET", path, headers=bearer(saaq_key)).json() == {
        "items": ["111122223333", ACCOUNT_ID]
    }
    assert platform.http("GET", path, headers=bearer(mtq_key)).json() == {"items": [ACCOUNT_ID]}
    assert platform.http("DELETE", f"{path}/111122223333", headers=bearer(saaq_key)).status == 204
    assert platform.http("GET", path, headers=bearer(saaq_key)).json() == {"items": [ACCOUNT_ID]}


@pytest.mark.parametrize(
    "account", ["12345678901", "1234567890123", "12345678901a", "１２３４５６７８９０１２"]
)
def test_an_account_id_is_twelve_ascii_digits(platform: Any, new_key: NewKey, account: str) -> None:
    response = platform.http(
        "PUT", f"/v1/organization/aws-accounts/{account}", headers=bearer(new_key("saaq"))
    )
    assert response.status == 422, response.text
    assert response.json()["errors"][0]["field"] == "path.account_id"


def test_registering_an_account_needs_the_events_scope(platform: Any, new_key: NewKey) -> None:
    key = new_key("saaq", {Scope.FEEDBACK_READ})
    assert (
        platform.http("PUT", "/v1/organization/aws-accounts/111122223333", headers=bearer(key)).status == 403
    )


class Names:
    def addresses(self, host: str) -> list[str]:
        table = {"hooks.saaq.example": ["142.213.1.10"], "rebind.evil.example": ["169.254.169.254"]}
        if host not in table:
            raise LookupError(host)
        return table[host]


@pytest.mark.parametrize(
    ("endpoint", "code"),
    [
        ("https://169.254.169.254/latest/meta-data", "not_public"),
        ("https://[::ffff:a9fe:a9fe]/latest", "not_public"),
        ("https://2852039166/latest", "numeric_form"),
        ("https://rebind.evil.example/hook", "not_public"),
        ("https://nowhere.saaq.example/hook", "unresolvable"),
        ("https://ti:secret@hooks.saaq.example/hook", "credentials"),
    ],
)
def test_https_endpoints_must_be_public(
    platform: Any, new_key: NewKey, monkeypatch: pytest.MonkeyPatch, endpoint: str, code: str
) -> None:
    monkeypatch.setattr(deps, "resolver", Names)
    refused = _subscribe(platform, new_key("saaq"), protocol="https", endpoint=endpoint)
    assert refused.status == 422, refused.text
    assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [("body.endpoint", code)]
    assert _sns_endpoints(platform) == []


def test_a_public_https_endpoint_waits_for_snss_confirmation(
    platform: Any, new_key: NewKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deps, "resolver", Names)
    saaq_key, mtq_key = new_key("saaq"), new_key("mtq")
    created = _subscribe(platform, saaq_key, protocol="https", endpoint="https://hooks.saaq.example/hook")
    assert created.status == 201, created.text
    assert created.json()["status"] == "pending-confirmation"
    # Another spelling of the same URL is the same endpoint.
    other = _subscribe(platform, mtq_key, protocol="https", endpoint="https://HOOKS.saaq.example:443/hook")
    assert other.status == 409, other.text
