"""GOV.UK Notify-style keys and tokens for tests against the local platform (`platform` fixture).

Keys are made through the same rule the CLI and the API use; tokens are signed the way the
official clients sign them (HS256, `iss` = the service id, `iat` = whole seconds), with the
standard library, so the integration tier needs no client and can choose `iat` on the manual clock.
"""

import base64
import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

from numeriqc.core import aws
from numeriqc.organizations import notify_keys
from numeriqc.organizations.adapters.notify_keys import NotifyKeyStore
from tests.support.platform import key_maker, organizations_store, platform_pepper


def notify_key(platform: Any, org_id: str = "saaq", kind: str = "live", name: str = "tests") -> str:
    """A Notify-style key of `org_id` (registered first, with a /v1 key, when new)."""
    if organizations_store(platform).organization(org_id) is None:
        key_maker(platform)(org_id)
    store = NotifyKeyStore(aws.client("dynamodb"), platform.names["OrganizationsTable"])
    created = notify_keys.create_key(
        store,
        platform_pepper(platform),
        org_id=org_id,
        name=name,
        kind=kind,  # type: ignore[arg-type]
    )
    return created.key


def notify_key_ids(platform: Any, org_id: str) -> list[str]:
    store = NotifyKeyStore(aws.client("dynamodb"), platform.names["OrganizationsTable"])
    return [record.key_id for record in store.notify_keys(notify_keys.service_id(org_id))]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def token(api_key: str, issued_at: datetime | int, **claims: Any) -> str:
    """The JWT an official client makes from `api_key` (its last 36 characters are the secret, the
    36 before the service id)."""
    service, secret = api_key[-73:-37], api_key[-36:]
    iat = issued_at if isinstance(issued_at, int) else int(issued_at.timestamp())
    header = _b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
    payload = _b64(json.dumps({"iss": service, "iat": iat, **claims}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def notify_headers(api_key: str, now: datetime, language: str | None = None, **claims: Any) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token(api_key, now, **claims)}"}
    if language:
        headers["Accept-Language"] = language
    return headers
