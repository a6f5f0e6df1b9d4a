"""What the organizations rules ask of the outside world: one narrow protocol per use.

The registry's rules need organizations and keys, the authorizer only a key by its hash, the
subscriptions their records and SNS. `adapters/table.py` implements every record port on the one
table; `adapters/topics.py` implements `TopicGateway`; `deps.py` wires them.
"""

from datetime import datetime
from typing import Any, Protocol

from numeriqc.organizations.models import ApiKey, Organization, Subscription


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


class SubscriptionRecords(Protocol):
    def add_subscription(self, org_id: str, subscription: Subscription, subscription_arn: str) -> None: ...

    def subscription(self, org_id: str, subscription_id: str) -> tuple[Subscription, str] | None: ...

    def subscriptions(self, org_id: str) -> list[tuple[Subscription, str]]: ...

    def remove_subscription(self, org_id: str, subscription_id: str) -> None: ...


class TopicGateway(Protocol):
    """What the subscriptions need from SNS (implemented by `adapters.topics.SnsTopics`)."""

    def subscribe(
        self, topic_arn: str, protocol: str, endpoint: str, filter_policy: dict[str, Any]
    ) -> str: ...

    def unsubscribe(self, subscription_arn: str) -> None: ...

    def pending(self, subscription_arn: str) -> bool: ...
