"""Organizations, keys and headers for tests that run against the local platform (`platform` fixture).

Organizations and keys are made through the same registry the CLI uses, so a test's caller is
exactly what a real organization would be.
"""

from collections.abc import Callable
from typing import Any

from numeriqc.core import aws
from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.secrets import pepper
from numeriqc.organizations import aws_accounts, registry
from numeriqc.organizations.adapters.table import OrganizationsStore
from numeriqc_local.account import ACCOUNT_ID

NewKey = Callable[..., str]


def organizations_store(platform: Any) -> OrganizationsStore:
    return OrganizationsStore(aws.client("dynamodb"), platform.names["OrganizationsTable"])


def platform_pepper(platform: Any) -> bytes:
    return pepper(platform.names["Pepper"])


def key_maker(platform: Any) -> NewKey:
    """`make("saaq", {Scope...}, kind=KeyKind.LIVE)`: registers the organization once, returns a key.

    The organization also registers the local AWS account, where every test makes its queues, as
    an organization whose queues are in its own account would (docs/tenancy.md); tests of the
    account rule use queue ARNs of other accounts."""
    store = organizations_store(platform)

    def make(
        org_id: str = "saaq", scopes: set[Scope] | None = None, kind: KeyKind = KeyKind.LIVE, **extra: Any
    ) -> str:
        if store.organization(org_id) is None:
            registry.create_organization(
                store,
                org_id=org_id,
                name_fr=f"Organisme {org_id}",
                name_en=f"Organization {org_id}",
                contact_email=f"ti@{org_id}.example",
            )
            aws_accounts.register(store, org_id, ACCOUNT_ID)
        created = registry.create_key(
            store,
            platform_pepper(platform),
            org_id=org_id,
            kind=kind,
            scopes=set(Scope) if scopes is None else scopes,
            name="test",
            **extra,
        )
        return created.key

    return make


def bearer(key: str, language: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {key}"}
    if language:
        headers["Accept-Language"] = language
    return headers


def log_subscriber_of(platform: Any, log_group: str) -> str:
    """The function a subscription filter of the template sends `log_group` to. The local runtime
    has no Logs trigger (nothing writes these logs locally), so the filters are read here, resolved
    the way the runtime resolves every property."""
    for resource in platform.wiring.template.resources.values():
        if resource.type != "AWS::Logs::SubscriptionFilter":
            continue
        props = platform.wiring.resolver.properties(resource)
        if props["LogGroupName"] == log_group:
            return str(platform.wiring.function(str(props["DestinationArn"])).logical_id)
    raise AssertionError(f"no subscription filter in the template on {log_group}")
