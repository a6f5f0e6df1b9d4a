"""What the organizations rules ask of the outside world: one narrow protocol per use.

The registry's rules need organizations and keys, the authorizer only a key by its hash, the
subscriptions their records, the organization's AWS accounts, SNS and a name resolver.
`adapters/table.py` implements every record port on the one table; `adapters/topics.py` implements
`TopicGateway`, `adapters/dns.py` `HostResolver`; `deps.py` wires them. The exceptions below are
part of the ports' contracts.
"""

from datetime import datetime
from typing import Any, Protocol

from numeriqc.organizations.models import ApiKey, NotifyKey, Organization, Subscription


class OrganizationRecords(Protocol):
    def add_organization(self, organization: Organization) -> None: ...

    def organization(self, org_id: str) -> Organization | None: ...


class KeyRecords(OrganizationRecords, Protocol):
    """Keys belong to an organization that must exist; both copies of a key change together."""

    def add_key(self, record: ApiKey) -> None: ...

    def key(self, org_id: str, key_id: str) -> ApiKey | None: ...

    def revoke_key(self, record: ApiKey, when: datetime) -> None: ...


class KeyLookup(Protocol):
    """What the authorizer reads: a key record by its keyed hash, never by the key itself."""

    def key_by_hash(self, key_hash: str) -> ApiKey | None: ...


class EndpointTaken(Exception):
    """The endpoint is claimed already: by `owner`, for `family` when it is the same organization."""

    def __init__(self, owner: str | None) -> None:
        super().__init__("endpoint taken")
        self.owner = owner


class SubscriptionExists(Exception):
    """SNS has a subscription of this endpoint on this topic with other attributes (real SNS answers
    InvalidParameter "Subscription already exists with different attributes")."""


class EndpointRefused(Exception):
    """SNS refused the endpoint itself (any other InvalidParameter)."""


class SubscriptionRecords(Protocol):
    """A subscription and the claim on its endpoint are written and removed together.

    An endpoint (its `identity`, see `subscriptions.endpoint_identity`) belongs to at most one
    organization, and is subscribed at most once per family: `claim` raises `EndpointTaken`
    otherwise, with nothing written.
    """

    def claim(self, org_id: str, subscription: Subscription, identity: str) -> None: ...

    def attach(self, org_id: str, subscription: Subscription, subscription_arn: str) -> None:
        """Record the SNS subscription ARN and status once SNS has answered."""
        ...

    def release(self, org_id: str, subscription: Subscription, identity: str) -> None: ...

    def subscription(self, org_id: str, subscription_id: str) -> tuple[Subscription, str] | None:
        """The subscription and its SNS ARN ("" while SNS has not answered)."""
        ...

    def subscriptions(self, org_id: str) -> list[tuple[Subscription, str]]: ...


class AccountRecords(Protocol):
    """The AWS accounts an organization declared its queues live in."""

    def add_account(self, org_id: str, account_id: str) -> None: ...

    def remove_account(self, org_id: str, account_id: str) -> None: ...

    def accounts(self, org_id: str) -> list[str]: ...


class HostResolver(Protocol):
    """A host name's addresses (implemented by `adapters.dns.SystemResolver`; tests inject their own,
    so no test ever asks a real DNS)."""

    def addresses(self, host: str) -> list[str]:
        """Every address the name resolves to; LookupError when it resolves to none."""
        ...


class TopicGateway(Protocol):
    """What the subscriptions need from SNS (implemented by `adapters.topics.SnsTopics`)."""

    def subscribe(self, topic_arn: str, protocol: str, endpoint: str, filter_policy: dict[str, Any]) -> str:
        """The subscription ARN; SubscriptionExists or EndpointRefused when SNS says no."""
        ...

    def unsubscribe(self, subscription_arn: str) -> None: ...

    def pending(self, subscription_arn: str) -> bool: ...


class NotifyKeyLookup(Protocol):
    """A service's Notify-style keys (revoked ones included), by the service id a JWT names."""

    def notify_keys(self, service_id: str, *, refresh: bool = False) -> list[NotifyKey]: ...


class NotifyKeyRecords(NotifyKeyLookup, Protocol):
    def add_notify_key(self, record: NotifyKey) -> None: ...

    def revoke_notify_key(self, service_id: str, key_id: str, when: datetime) -> NotifyKey | None: ...

    def put_guest_list(self, service_id: str, hashes: list[str], when: datetime) -> None: ...


class TokenLedger(Protocol):
    """When a token was first presented: None the first time (and it is recorded until `until`)."""

    def first_seen(self, service_id: str, marker: str, now: datetime, until: datetime) -> datetime | None: ...
