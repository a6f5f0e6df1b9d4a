"""AWS calls per unit of work, counted with botocore event hooks on the functions' own session.

The local runtime's own calls (creating resources, polling queues) go through another session and
are not counted: only what a deployed function would pay for.
"""

import functools
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class CallCounter:
    """Counts `service.Operation` for every API call made through `numeriqc.core.aws`."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        # The same calls by the function that made them (the local invoker sets Lambda's variable).
        self.functions: Counter[str] = Counter()

    def __call__(self, model: Any, **_: Any) -> None:
        self.calls[f"{model.service_model.service_name}.{model.name}"] += 1
        self.functions[os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "-").split("-")[-1]] += 1

    def reset(self) -> None:
        self.calls.clear()
        self.functions.clear()

    def of(self, prefix: str) -> int:
        """Calls made by the functions whose name starts with `prefix` (`Exchange`: that service's)."""
        return sum(count for name, count in self.functions.items() if name.startswith(prefix))

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    def describe(self) -> str:
        return ", ".join(f"{name} x{count}" for name, count in sorted(self.calls.items())) or "none"


@functools.cache
def synthesized_template() -> Any:
    """The synthesized template, read once per bench process: every section boots the same one
    (load_template fingerprints infra/, functions/ and the layer each time it is asked)."""
    from numeriqc_local.template.assembly import load_template

    return load_template()


@contextmanager
def local_platform() -> Iterator[tuple[Any, CallCounter]]:
    """The real template booted in-process under moto, with a counter on the functions' calls."""
    import moto

    from numeriqc.core import aws
    from numeriqc_local.account import FAKE_CREDENTIALS, REGION
    from numeriqc_local.clock import ManualClock
    from numeriqc_local.pytest_plugin import reset_kernel_caches
    from numeriqc_local.runtime import LocalRuntime

    os.environ.update({**FAKE_CREDENTIALS, "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION})
    os.environ.pop("AWS_ENDPOINT_URL", None)
    with moto.mock_aws():
        reset_kernel_caches()
        runtime = LocalRuntime(synthesized_template(), clock=ManualClock())
        runtime.create_resources()
        counter = CallCounter()
        aws.session().events.register("before-call", counter)
        try:
            yield runtime, counter
        finally:
            aws.session().events.unregister("before-call", counter)
            reset_kernel_caches()


def org_key(runtime: Any, org_id: str = "bench", scopes: set[Any] | None = None) -> str:
    """Register `org_id` and return a live key for it (setup of a bench, never measured)."""
    from numeriqc.core import aws
    from numeriqc.core.auth import KeyKind, Scope
    from numeriqc.core.secrets import pepper
    from numeriqc.organizations.adapters.table import OrganizationsStore
    from numeriqc.organizations.registry import create_key, create_organization

    store = OrganizationsStore(aws.client("dynamodb"), runtime.names["OrganizationsTable"])
    create_organization(
        store, org_id=org_id, name_fr=org_id, name_en=org_id, contact_email=f"ti@{org_id}.example"
    )
    return create_key(
        store,
        pepper(runtime.names["Pepper"]),
        org_id=org_id,
        kind=KeyKind.LIVE,
        scopes=set(Scope) if scopes is None else scopes,
        name="bench",
    ).key
