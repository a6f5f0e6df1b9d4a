"""Lazy AWS clients: created on first use, cached per container, one place that knows endpoints.

Nothing is created at import time (cold starts stay cheap and tests can start moto first). Every
client honours AWS_ENDPOINT_URL, so moto's server, LocalStack or a real account are reached the
same way, and uses standard-mode retries (throttling is retried with backoff by botocore).
"""

import os
from functools import cache
from typing import Any

_clients: dict[tuple[str, str | None, str | None], Any] = {}


@cache
def session() -> Any:
    """The one boto3 session of this container; benchmarks register call counters on its events."""
    import boto3  # imported lazily: boto3 costs ~0.2 s of cold start for handlers that never call AWS

    return boto3.session.Session()


def client(service: str) -> Any:
    """A cached client for `service`, built for the current endpoint and region."""
    endpoint = os.environ.get("AWS_ENDPOINT_URL") or None
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    key = (service, endpoint, region)
    if key not in _clients:
        from botocore.config import Config

        _clients[key] = session().client(
            service,
            endpoint_url=endpoint,
            region_name=region,
            config=Config(
                retries={"mode": "standard", "max_attempts": 5}, connect_timeout=3, read_timeout=10
            ),
        )
    return _clients[key]


def reset_clients() -> None:
    """Forget every cached client: tests that start a fresh moto call this."""
    _clients.clear()
