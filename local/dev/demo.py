"""The demo organization that `numeriqc dev` creates, so a newcomer can call the API at once.

It is the same on every start: its live and test keys come from the seed (`.numeriqc/seed.json`,
see `state.py`), written at the first start, so scripts written against them keep working after a
restart, even a clean one (`numeriqc dev --clean`). The seed also holds the pepper the keys are
hashed under. The demo feedback service `demo.permis` (the widget's and `events/feedback/` samples'
service) is registered too. Each step is skipped when the restored state already has it.
"""

from __future__ import annotations

from typing import Any

from numeriqc.core import aws
from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.clock import now
from numeriqc.core.ids import new_ulid
from numeriqc.core.secrets import pepper
from numeriqc.organizations import aws_accounts, keys
from numeriqc.organizations.adapters.table import OrganizationsStore
from numeriqc.organizations.models import ApiKey
from numeriqc.organizations.registry import create_organization

from ..account import ACCOUNT_ID
from . import state
from .env_file import dev_env_path

DEMO_ORG = "demo"
DEMO_SERVICES = {"permis": ("Permis de conduire", "Driver's licence")}  # the samples' `demo.permis`


def bootstrap(runtime: Any) -> tuple[list[str], dict[str, str]]:
    """Create (or find) the demo organization, its seeded live and test keys, its feedback services.

    Returns the lines to print and the variables to add to `.numeriqc/dev.env`.
    """
    outputs = runtime.outputs()
    store = OrganizationsStore(aws.client("dynamodb"), outputs["OrganizationsTableName"])
    secret = pepper(outputs["PepperSecretArn"])
    if store.organization(DEMO_ORG) is None:
        create_organization(
            store,
            org_id=DEMO_ORG,
            name_fr="Organisme de démonstration",
            name_en="Demonstration organization",
            contact_email="demo@numeriqc.example",
        )
        # Its queues are made in the local account, so they may be subscribed to its events.
        aws_accounts.register(store, DEMO_ORG, ACCOUNT_ID)
    home = dev_env_path().parent
    seed = state.read_seed(home)
    demo = seed.setdefault("demo", {})
    for kind in (KeyKind.LIVE, KeyKind.TEST):
        demo[kind.value] = _seeded_key(store, secret, kind, demo.get(kind.value))
    state.write_seed(home, seed)
    live, test = demo[KeyKind.LIVE.value]["key"], demo[KeyKind.TEST.value]["key"]
    services = [_service(runtime, live, slug, names) for slug, names in DEMO_SERVICES.items()]
    lines = [
        f"Demo organization: {DEMO_ORG} (every scope, AWS account {ACCOUNT_ID} registered)",
        f"  live key: {live}",
        f"  test key: {test}",
        f"  feedback services: {', '.join(services)}   (the same on every start: {state.seed_path(home)})",
    ]
    return lines, {
        "NUMERIQC_DEMO_ORG": DEMO_ORG,
        "NUMERIQC_DEMO_LIVE_KEY": live,
        "NUMERIQC_DEMO_TEST_KEY": test,
    }


def _seeded_key(
    store: OrganizationsStore, secret: bytes, kind: KeyKind, seeded: dict[str, str] | None
) -> dict[str, str]:
    """The seed's key, stored if the table lacks it; a new key (to seed) when there is none."""
    if seeded is None:
        seeded = {"key": keys.generate_key(kind), "key_id": new_ulid()}
    key_hash = keys.key_hash(seeded["key"], secret)
    if store.key_by_hash(key_hash) is None:
        store.add_key(
            ApiKey(
                key_id=seeded["key_id"],
                org_id=DEMO_ORG,
                name=f"demo-{kind.value}",
                kind=kind,
                scopes=frozenset(Scope),
                created_at=now(),
                key_hash=key_hash,
                hint=keys.hint(seeded["key"]),
            )
        )
    return seeded


def _service(runtime: Any, key: str, slug: str, names: tuple[str, str]) -> str:
    """Register `demo.<slug>` through the API, as an organization would (409: it exists already)."""
    answer = runtime.http(
        "POST",
        "/v1/services",
        headers={"authorization": f"Bearer {key}"},
        json={"slug": slug, "name_fr": names[0], "name_en": names[1]},
    )
    if answer.status not in (201, 409):
        raise RuntimeError(f"the demo service {slug} could not be registered ({answer.status})")
    return f"{DEMO_ORG}.{slug}"
