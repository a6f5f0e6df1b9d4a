"""Helpers for the exchange integration tests: keys, a registered dataset, grants, publishing, pulling.

Time is the shared `service_clock` fixture (tests.support.fixtures): no sleeping, ever.
"""

from datetime import datetime, timedelta
from typing import Any

from numeriqc.core.auth import Scope
from tests.support.events import subscribe_queue, take_events
from tests.support.platform import NewKey, bearer

EXCHANGE = {Scope.EXCHANGE_PUBLISH, Scope.EXCHANGE_CONSUME, Scope.EVENTS_SUBSCRIBE}

PERMIT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "permit": {"type": "string", "pattern": "^[A-Z][0-9]{4}$"},
        "points": {"type": "integer", "minimum": 0},
    },
    "required": ["permit", "points"],
    "additionalProperties": False,
}


def exchange_key(new_key: NewKey, org: str) -> str:
    return new_key(org, EXCHANGE)


def dataset_body(slug: str = "permis", tier: str = "confidential", **extra: Any) -> dict[str, Any]:
    return {
        "slug": slug,
        "name_fr": "Permis de conduire",
        "name_en": "Driver's licences",
        "description_fr": "Points d'inaptitude",
        "description_en": "Demerit points",
        "classification": {"availability": "medium", "integrity": "high", "confidentiality": "high"},
        "tier": tier,
        "schema": PERMIT_SCHEMA,
        **extra,
    }


def register(platform: Any, key: str, slug: str = "permis", tier: str = "confidential") -> dict[str, Any]:
    response = platform.http(
        "POST", "/v1/exchange/datasets", headers=bearer(key), json=dataset_body(slug, tier)
    )
    assert response.status == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def grant(
    platform: Any,
    key: str,
    dataset_id: str,
    consumer: str,
    now: datetime,
    tier: str = "restricted",
    days: int = 30,
) -> Any:
    body = {"expires_at": (now + timedelta(days=days)).isoformat(), "max_tier": tier}
    return platform.http(
        "PUT", f"/v1/exchange/datasets/{dataset_id}/grants/{consumer}", headers=bearer(key), json=body
    )


def messages(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [{"data": {"permit": f"A{n:04d}", "points": n % 15}} for n in range(start, start + count)]


def publish(platform: Any, key: str, dataset_id: str, batch: list[dict[str, Any]], **headers: str) -> Any:
    return platform.http(
        "POST",
        f"/v1/exchange/datasets/{dataset_id}/messages",
        headers={**bearer(key), **headers},
        json={"messages": batch},
    )


def pull(platform: Any, key: str, dataset_id: str) -> Any:
    return platform.http("GET", f"/v1/exchange/datasets/{dataset_id}/messages", headers=bearer(key))


def pull_all(platform: Any, key: str, dataset_id: str) -> list[dict[str, Any]]:
    """Pull and acknowledge until the queue answers nothing; every item pulled, in order received."""
    items: list[dict[str, Any]] = []
    while True:
        response = pull(platform, key, dataset_id)
        assert response.status == 200, response.text
        batch = response.json()["items"]
        if not batch:
            return items
        items.extend(batch)
        ack_ids = sorted({item["ack_id"] for item in batch})
        acked = platform.http(
            "POST",
            f"/v1/exchange/datasets/{dataset_id}/messages/ack",
            headers=bearer(key),
            json={"ack_ids": ack_ids},
        )
        assert acked.status == 200, acked.text


def listen(platform: Any, key: str, name: str) -> str:
    """An SQS queue subscribed to the organization's exchange events; answers its URL."""
    return subscribe_queue(platform, key, "exchange", name)


def received(url: str) -> list[dict[str, Any]]:
    """Every CloudEvent waiting in the queue (deleted once read)."""
    return take_events(url)
