"""Event-topic subscriptions: who receives which events. The platform adds the `orgid` filter itself,
so an organization can never receive another organization's events, whatever it asks for.
"""

import re
from typing import Any
from urllib.parse import urlparse

from email_validator import EmailNotValidError, validate_email

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.organizations.models import Protocol, Subscription, SubscriptionIn
from numeriqc.organizations.ports import SubscriptionRecords, TopicGateway

_SQS_ARN = re.compile(r"^arn:aws[a-z-]*:sqs:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,80}$")
_BAD_ENDPOINT = {
    Protocol.SQS: Message(
        "Un ARN de file SQS standard est attendu (arn:aws:sqs:région:compte:nom).",
        "A standard SQS queue ARN is expected (arn:aws:sqs:region:account:name).",
    ),
    Protocol.HTTPS: Message("Une URL https:// publique est attendue.", "A public https:// URL is expected."),
    Protocol.EMAIL: Message(
        "Une adresse courriel valide est attendue.", "A valid email address is expected."
    ),
}
_WRONG_FAMILY = Message(
    "Le type {event_type} n'appartient pas à la famille {family}.",
    "Type {event_type} does not belong to family {family}.",
)
_NO_SUCH_SUBSCRIPTION = Message("Aucun abonnement {subscription_id}.", "No subscription {subscription_id}.")


def filter_policy(org_id: str, event_types: list[str]) -> dict[str, Any]:
    """SNS message-body filter: always this organization's events, optionally only some types."""
    policy: dict[str, Any] = {"orgid": [org_id]}
    if event_types:
        policy["type"] = sorted(set(event_types))
    return policy


def endpoint_errors(request: SubscriptionIn) -> list[FieldError]:
    """Every reason the request cannot be subscribed, each naming its field."""
    errors = []
    if not _endpoint_ok(request.protocol, request.endpoint):
        errors.append(FieldError("body.endpoint", "invalid_endpoint", _BAD_ENDPOINT[request.protocol]))
    prefix = f"ca.qc.numeriqc.{request.family}."
    for index, event_type in enumerate(request.event_types):
        if not event_type.startswith(prefix):
            errors.append(
                FieldError(
                    f"body.event_types[{index}]",
                    "wrong_family",
                    _WRONG_FAMILY,
                    event_type=event_type,
                    family=request.family,
                )
            )
    return errors


def _endpoint_ok(protocol: Protocol, endpoint: str) -> bool:
    if protocol is Protocol.SQS:
        return bool(_SQS_ARN.match(endpoint))
    if protocol is Protocol.HTTPS:
        url = urlparse(endpoint)
        host = url.hostname or ""
        return url.scheme == "https" and "." in host and host not in {"localhost"} and not url.username
    try:
        validate_email(endpoint, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


class SubscriptionService:
    def __init__(
        self,
        store: SubscriptionRecords,
        topics: dict[str, str],
        gateway: TopicGateway,
        clock: Clock = installed_clock,
    ) -> None:
        self._store = store
        self._topics = topics
        self._gateway = gateway
        self._clock = clock

    def subscribe(self, org_id: str, request: SubscriptionIn) -> Subscription:
        errors = endpoint_errors(request)
        if errors:
            raise ValidationFailed(errors=errors)
        arn = self._gateway.subscribe(
            self._topics[request.family],
            request.protocol.value,
            request.endpoint,
            filter_policy(org_id, request.event_types),
        )
        subscription = Subscription(
            subscription_id=new_ulid(self._clock),
            family=request.family,
            protocol=request.protocol,
            endpoint=request.endpoint,
            event_types=sorted(set(request.event_types)),
            # SNS always asks email and HTTPS endpoints to confirm; SQS in-account needs no confirmation.
            status="active" if request.protocol is Protocol.SQS else "pending-confirmation",
            created_at=self._clock(),
        )
        self._store.add_subscription(org_id, subscription, arn)
        return subscription

    def list(self, org_id: str) -> list[Subscription]:
        return [subscription for subscription, _ in self._store.subscriptions(org_id)]

    def get(self, org_id: str, subscription_id: str) -> Subscription:
        subscription, arn = self._find(org_id, subscription_id)
        if subscription.status == "pending-confirmation" and not self._gateway.pending(arn):
            subscription = subscription.model_copy(update={"status": "active"})
        return subscription

    def unsubscribe(self, org_id: str, subscription_id: str) -> None:
        _, arn = self._find(org_id, subscription_id)
        self._gateway.unsubscribe(arn)
        self._store.remove_subscription(org_id, subscription_id)

    def _find(self, org_id: str, subscription_id: str) -> tuple[Subscription, str]:
        # Another organization's subscription is "not found": its existence is not ours to reveal.
        found = self._store.subscription(org_id, subscription_id) if is_ulid(subscription_id) else None
        if found is None:
            raise NotFound(_NO_SUCH_SUBSCRIPTION, subscription_id=subscription_id)
        return found
