"""The one composition root of organizations: the adapters and rules each entry point is built from.

Built on use (lazy clients, cached settings and pepper), never at import time. Time comes from
`core.clock`: rules are handed `clock.now`, read at call time.
"""

from datetime import datetime

from numeriqc.core import aws, settings
from numeriqc.core import clock as clocks
from numeriqc.core.secrets import pepper
from numeriqc.organizations.adapters.dns import SystemResolver
from numeriqc.organizations.adapters.notify_keys import CachedNotifyKeys, NotifyKeyStore
from numeriqc.organizations.adapters.table import OrganizationsStore
from numeriqc.organizations.adapters.topics import SnsTopics
from numeriqc.organizations.models import NotifyKey
from numeriqc.organizations.ports import HostResolver
from numeriqc.organizations.settings import OrganizationsSettings
from numeriqc.organizations.subscriptions import SubscriptionService


def config() -> OrganizationsSettings:
    return settings.load(OrganizationsSettings)


def store() -> OrganizationsStore:
    return OrganizationsStore(aws.client("dynamodb"), config().organizations_table)


def notify_store() -> NotifyKeyStore:
    return NotifyKeyStore(aws.client("dynamodb"), config().organizations_table)


_NOTIFY_KEYS_SEEN: dict[tuple[str, str], tuple[datetime, list[NotifyKey]]] = {}


def notify_keys() -> CachedNotifyKeys:
    """The authorizer's view of Notify-style keys: kept 30 s per container (and per table)."""
    return CachedNotifyKeys(notify_store(), clocks.now, _NOTIFY_KEYS_SEEN)


def key_pepper() -> bytes:
    """The secret every API key hash is keyed with (read once per container)."""
    return pepper(config().pepper_secret_arn)


def topics() -> SnsTopics:
    return SnsTopics(aws.client("sns"))


def resolver() -> HostResolver:
    """The name resolver HTTPS endpoints are checked with. Tests replace this function, so that no
    test ever asks a real DNS."""
    return SystemResolver()


def subscriptions() -> SubscriptionService:
    records = store()
    return SubscriptionService(
        records, config().event_topics, topics(), accounts=records, resolver=resolver(), clock=clocks.now
    )
