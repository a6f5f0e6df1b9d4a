"""Event-topic subscriptions: who receives which events. The platform adds the `orgid` filter itself,
so an organization can never receive another organization's events, whatever it asks for.

An endpoint belongs to one organization (docs/tenancy.md). SNS keys a subscription by (topic,
protocol, endpoint): two organizations subscribing one queue would share ONE subscription whose
filter is the last one's. So, before SNS is asked:

- the organization must be entitled to the endpoint: an SQS queue in an AWS account it registered
  (`aws_accounts.py`), an HTTPS URL on the public Internet (`public_endpoints.py`); SNS then sends
  HTTPS and email endpoints its SubscriptionConfirmation challenge (and cross-account queues
  theirs), and delivers nothing until the owner answers it;
- the endpoint is claimed for the organization and the family with a conditional write: another
  organization's endpoint, or a second subscription of the same family, is a 409 with nothing
  written; the claim goes when the subscription goes.

A subscription record therefore owns its SNS subscription alone, and DELETE removes only that.
"""

import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import Conflict, FieldError, NotFound, ValidationFailed
from numeriqc.organizations import public_endpoints
from numeriqc.organizations.models import Protocol, Subscription, SubscriptionIn
from numeriqc.organizations.ports import (
    AccountRecords,
    EndpointRefused,
    EndpointTaken,
    HostResolver,
    SubscriptionExists,
    SubscriptionRecords,
    TopicGateway,
)

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
_UNREGISTERED_ACCOUNT = Message(
    "La file est dans le compte AWS {account}, que l'organisme n'a pas déclaré "
    "(PUT /v1/organization/aws-accounts/{account}).",
    "The queue is in AWS account {account}, which the organization has not registered "
    "(PUT /v1/organization/aws-accounts/{account}).",
)
_NOT_PUBLIC = {
    "malformed": Message("L'URL est mal formée.", "The URL is malformed."),
    "not_https": Message("Une URL https:// est attendue.", "An https:// URL is expected."),
    "credentials": Message(
        "L'URL ne doit contenir ni utilisateur ni mot de passe.",
        "The URL must not contain a user name or password.",
    ),
    "bad_host": Message("L'hôte de l'URL n'est pas valide.", "The URL's host is not valid."),
    "numeric_form": Message(
        "Une adresse IPv4 doit s'écrire sous sa forme usuelle (a.b.c.d).",
        "An IPv4 address must be written in its usual form (a.b.c.d).",
    ),
    "not_public": Message(
        "L'hôte est, ou désigne, une adresse qui n'est pas publique (locale, privée ou réservée).",
        "The host is, or resolves to, an address that is not public (local, private or reserved).",
    ),
    "unresolvable": Message(
        "Le nom d'hôte ne correspond à aucune adresse.", "The host name does not resolve to any address."
    ),
}
_TAKEN_BY_ANOTHER = Message(
    "Ce point de terminaison est déjà abonné par un autre organisme.",
    "This endpoint is already subscribed by another organization.",
)
_ALREADY_SUBSCRIBED = Message(
    "Ce point de terminaison est déjà abonné à la famille {family} (voir GET /v1/subscriptions).",
    "This endpoint is already subscribed to family {family} (see GET /v1/subscriptions).",
)
_SNS_DUPLICATE = Message(
    "Un abonnement à ce point de terminaison existe déjà avec d'autres attributs.",
    "A subscription to this endpoint already exists with different attributes.",
)
_SNS_REFUSED = Message(
    "Le service de notification refuse ce point de terminaison.",
    "The notification service refuses this endpoint.",
)


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
    """The endpoint's form only; whether the organization may use it is `SubscriptionService`'s."""
    if protocol is Protocol.SQS:
        return bool(_SQS_ARN.match(endpoint))
    if protocol is Protocol.HTTPS:
        return endpoint[:8].lower() == "https://"
    # imported on first use, not at cold start (docs/decisions/0002)
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(endpoint, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def endpoint_identity(protocol: Protocol, endpoint: str) -> str:
    """What makes two endpoints the same destination, whatever their spelling: the claim's key.

    A queue is its ARN; an HTTPS URL its normalized host (`public_endpoints.normalized_host`),
    port (443 when absent) and path with query; an email address its lower-cased form.
    """
    if protocol is Protocol.HTTPS:
        parts = urlsplit(endpoint)
        host = public_endpoints.normalized_host(parts.hostname or "") or ""
        port = parts.port or 443
        return f"https://{host}:{port}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
    if protocol is Protocol.EMAIL:
        return "mailto:" + unicodedata.normalize("NFKC", endpoint).casefold()
    return endpoint


def sqs_account(queue_arn: str) -> str:
    """The AWS account of a queue ARN (`arn:aws:sqs:region:account:name`)."""
    return queue_arn.split(":")[4]


class SubscriptionService:
    def __init__(
        self,
        store: SubscriptionRecords,
        topics: dict[str, str],
        gateway: TopicGateway,
        *,
        accounts: AccountRecords,
        resolver: HostResolver,
        clock: Clock = installed_clock,
    ) -> None:
        self._store = store
        self._topics = topics
        self._gateway = gateway
        self._accounts = accounts
        self._resolver = resolver
        self._clock = clock

    def subscribe(self, org_id: str, request: SubscriptionIn) -> Subscription:
        """Check, claim the endpoint, then ask SNS; a refusal at any step leaves nothing behind."""
        errors = endpoint_errors(request) or self._entitlement_errors(org_id, request)
        if errors:
            raise ValidationFailed(errors=errors)
        subscription = Subscription(
            subscription_id=new_ulid(self._clock),
            family=request.family,
            protocol=request.protocol,
            endpoint=request.endpoint,
            event_types=sorted(set(request.event_types)),
            status="pending-confirmation",
            created_at=self._clock(),
        )
        identity = endpoint_identity(request.protocol, request.endpoint)
        try:
            self._store.claim(org_id, subscription, identity)
        except EndpointTaken as taken:
            if taken.owner == org_id:
                raise Conflict(_ALREADY_SUBSCRIBED, family=request.family) from taken
            raise Conflict(_TAKEN_BY_ANOTHER) from taken
        try:
            arn = self._gateway.subscribe(
                self._topics[request.family],
                request.protocol.value,
                request.endpoint,
                filter_policy(org_id, request.event_types),
            )
        except Exception as error:
            self._store.release(org_id, subscription, identity)
            if isinstance(error, SubscriptionExists):
                raise Conflict(_SNS_DUPLICATE) from error
            if isinstance(error, EndpointRefused):
                raise ValidationFailed(
                    errors=[FieldError("body.endpoint", "refused_endpoint", _SNS_REFUSED)]
                ) from error
            raise
        try:
            # SNS always challenges email and HTTPS endpoints, and queues of another account than its own.
            if request.protocol is Protocol.SQS and not self._gateway.pending(arn):
                subscription = subscription.model_copy(update={"status": "active"})
            self._store.attach(org_id, subscription, arn)
        except Exception:  # never leave an SNS subscription that no record owns
            self._gateway.unsubscribe(arn)
            self._store.release(org_id, subscription, identity)
            raise
        return subscription

    def _entitlement_errors(self, org_id: str, request: SubscriptionIn) -> list[FieldError]:
        """Whether this organization may send its events to this endpoint."""
        if request.protocol is Protocol.SQS:
            account = sqs_account(request.endpoint)
            if account not in self._accounts.accounts(org_id):
                return [
                    FieldError(
                        "body.endpoint", "unregistered_account", _UNREGISTERED_ACCOUNT, account=account
                    )
                ]
        elif request.protocol is Protocol.HTTPS:
            reason = public_endpoints.refusal(request.endpoint, self._resolver)
            if reason is not None:
                return [FieldError("body.endpoint", reason, _NOT_PUBLIC[reason])]
        return []

    def list(self, org_id: str) -> list[Subscription]:
        return [subscription for subscription, _ in self._store.subscriptions(org_id)]

    def get(self, org_id: str, subscription_id: str) -> Subscription:
        subscription, arn = self._find(org_id, subscription_id)
        if subscription.status == "pending-confirmation" and arn and not self._gateway.pending(arn):
            subscription = subscription.model_copy(update={"status": "active"})
        return subscription

    def unsubscribe(self, org_id: str, subscription_id: str) -> None:
        """Only this organization's own record is found, and its ARN is its alone (the claim)."""
        subscription, arn = self._find(org_id, subscription_id)
        if arn:  # no ARN: SNS never answered the subscribe; there is nothing to remove there
            self._gateway.unsubscribe(arn)
        self._store.release(
            org_id, subscription, endpoint_identity(subscription.protocol, subscription.endpoint)
        )

    def _find(self, org_id: str, subscription_id: str) -> tuple[Subscription, str]:
        # Another organization's subscription is "not found": its existence is not ours to reveal.
        found = self._store.subscription(org_id, subscription_id) if is_ulid(subscription_id) else None
        if found is None:
            raise NotFound(_NO_SUCH_SUBSCRIPTION, subscription_id=subscription_id)
        return found
