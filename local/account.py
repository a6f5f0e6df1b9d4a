"""The fixed local AWS identity and the runtime's own boto3 clients.

Every local process (dev server, `numeriqc invoke`, tests) uses the same account and region, so
names and ARNs computed from the template agree everywhere. The runtime's clients are built with
explicit credentials, region and endpoint, never from the environment: functions run with their
own environment applied to `os.environ`, and the runtime must not depend on what they see.
"""

import threading
from typing import Any

ACCOUNT_ID = "123456789012"
REGION = "ca-central-1"
PARTITION = "aws"
URL_SUFFIX = "amazonaws.com"
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}

_lock = threading.Lock()
_session: Any = None
_clients: dict[tuple[str, str | None], Any] = {}


def _botocore_session() -> Any:
    """One botocore session per process: loading service models once keeps each test fast."""
    global _session  # noqa: PLW0603 - a process-wide cache, guarded by _lock
    if _session is None:
        import botocore.session

        _session = botocore.session.get_session()
    return _session


class Clients:
    """boto3-style clients for one AWS endpoint (None: the default, which moto's mock intercepts)."""

    def __init__(self, endpoint_url: str | None = None) -> None:
        self.endpoint_url = endpoint_url

    def __call__(self, service: str) -> Any:
        key = (service, self.endpoint_url)
        with _lock:
            client = _clients.get(key)
            if client is None:
                from botocore.config import Config

                client = _botocore_session().create_client(
                    service,
                    region_name=REGION,
                    endpoint_url=self.endpoint_url,
                    aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
                    aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
                    # Without an explicit endpoint, ignore AWS_ENDPOINT_URL & co: under moto's mock
                    # the default endpoints are the ones it intercepts.
                    # Account-based endpoints (123456789012.streams-ddb...) are unknown to moto 5.2.
                    config=Config(
                        retries={"mode": "standard", "max_attempts": 2},
                        ignore_configured_endpoint_urls=self.endpoint_url is None,
                        account_id_endpoint_mode="disabled",
                    ),
                )
                _clients[key] = client
            return client
