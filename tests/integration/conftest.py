"""Integration helpers: organizations and keys made through the same registry the CLI uses."""

from collections.abc import Callable
from typing import Any

import pytest

from numeriqc.core import aws
from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.secrets import pepper
from numeriqc.organizations import registry
from numeriqc.organizations.adapters.table import OrganizationsStore

NewKey = Callable[..., str]


def organizations_store(platform: Any) -> OrganizationsStore:
    return OrganizationsStore(aws.client("dynamodb"), platform.names["OrganizationsTable"])


def platform_pepper(platform: Any) -> bytes:
    return pepper(platform.names["Pepper"])


@pytest.fixture
def new_key(platform: Any) -> NewKey:
    """`new_key("saaq", {Scope...}, kind=KeyKind.LIVE)`: registers the organization once, returns a key."""
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
