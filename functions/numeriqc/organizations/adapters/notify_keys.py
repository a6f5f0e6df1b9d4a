"""Notify-style keys and the tokens already presented, on the organizations table.

pk                   sk               item
NOTIFY#<service id>  NKEY#<key_id>    a Notify-style key: id, organization, name, kind, revocation
                                      (no secret: it is derived, organizations/notify_keys.py)
NOTIFY#<service id>  NKEY#~guests    the team keys' guest list: `hashes`, keyed hashes of emails
                                      and phone numbers (core/guest_list.py); `~` sorts after
                                      every key id, and the keys' Query reads it with them
NOTIFY#<service id>  JWT#<h>          when a token was first presented; h = SHA-256 of its marker
                                      (its jti or signature); numeric `expires_at` for the TTL

A service's keys are one Query on its partition; `CachedNotifyKeys` keeps the answer 30 seconds
per container (`deps.notify_keys()` builds one per invocation), so the authorizer reads the table
once per cold service, and a revocation takes effect within 30 seconds (as a /v1 key's, through
API Gateway's cache).
"""

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from numeriqc.core.dynamo import SingleTable, to_item
from numeriqc.organizations.models import NotifyKey

CACHE_FOR = timedelta(seconds=30)
_KEY = "NKEY#"
_GUESTS = _KEY + "~guests"


def _partition(service_id: str) -> str:
    return f"NOTIFY#{service_id}"


class NotifyKeyStore(SingleTable):
    """Implements NotifyKeyRecords and TokenLedger."""

    def add_notify_key(self, record: NotifyKey) -> None:
        values = record.model_dump(mode="json")
        put = self._put({"pk": _partition(record.service_id), "sk": _KEY + record.key_id, **values}, new=True)
        self._client.put_item(**put["Put"])

    def notify_keys(self, service_id: str, *, refresh: bool = False) -> list[NotifyKey]:
        """The service's keys, team keys carrying the guest list: one Query, the same as
        before team keys existed (the list item sits in the keys' range)."""
        items = list(self._query_all(_partition(service_id), _KEY))
        guests = frozenset(
            str(h) for item in items if item.get("sk") == _GUESTS for h in item.get("hashes") or []
        )
        return [
            NotifyKey.model_validate({**item, "guest_list": guests if item.get("kind") == "team" else ()})
            for item in items
            if item.get("sk") != _GUESTS
        ]

    def put_guest_list(self, service_id: str, hashes: list[str], when: datetime) -> None:
        """Replaces the whole list (one PutItem: a reader sees the old list or the new one)."""
        self._client.put_item(
            TableName=self._table,
            Item=to_item(
                {
                    "pk": _partition(service_id),
                    "sk": _GUESTS,
                    "hashes": hashes,
                    "updated_at": when.isoformat(),
                }
            ),
        )

    @property
    def table(self) -> str:
        return self._table

    def revoke_notify_key(self, service_id: str, key_id: str, when: datetime) -> NotifyKey | None:
        try:
            answer = self._client.update_item(
                TableName=self._table,
                Key=to_item({"pk": _partition(service_id), "sk": _KEY + key_id}),
                UpdateExpression="SET revoked_at = if_not_exists(revoked_at, :when)",
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeValues={":when": {"S": when.isoformat()}},
                ReturnValues="ALL_NEW",
            )
        except self._client.exceptions.ConditionalCheckFailedException:
            return None
        return NotifyKey.model_validate({k: _plain(v) for k, v in answer["Attributes"].items()})

    def first_seen(self, service_id: str, marker: str, now: datetime, until: datetime) -> datetime | None:
        """One UpdateItem: records `now` the first time, answers the first time otherwise."""
        answer = self._client.update_item(
            TableName=self._table,
            Key=to_item(
                {"pk": _partition(service_id), "sk": "JWT#" + hashlib.sha256(marker.encode()).hexdigest()}
            ),
            UpdateExpression="SET first_seen = if_not_exists(first_seen, :now), expires_at = :until",
            ExpressionAttributeValues={
                ":now": {"S": now.isoformat()},
                ":until": {"N": str(int(until.timestamp()) + 1)},
            },
            ReturnValues="ALL_OLD",  # the item as it was: absent the first time
        )
        old = (answer.get("Attributes") or {}).get("first_seen")
        return datetime.fromisoformat(old["S"]) if old else None


def _plain(attribute: dict[str, Any]) -> Any:
    ((kind, value),) = attribute.items()
    return None if kind == "NULL" else value


class CachedNotifyKeys:
    """A service's keys kept `CACHE_FOR` in `cache` (the container's): one table read per cold
    service. `refresh` reads again, for a token no cached key signed (a key made a moment ago)."""

    def __init__(
        self,
        store: NotifyKeyStore,
        clock: Callable[[], datetime],
        cache: dict[tuple[str, str], tuple[datetime, list[NotifyKey]]],
    ) -> None:
        self._store = store
        self._clock = clock
        self._cache = cache
        self._read: set[tuple[str, str]] = set()  # read from the table by this object

    def notify_keys(self, service_id: str, *, refresh: bool = False) -> list[NotifyKey]:
        now, slot = self._clock(), (self._store.table, service_id)
        cached = self._cache.get(slot)
        stale = cached is None or not cached[0] <= now < cached[0] + CACHE_FOR
        if stale or (refresh and slot not in self._read):
            cached = (now, self._store.notify_keys(service_id))
            self._cache[slot] = cached
            self._read.add(slot)
        assert cached is not None
        return cached[1]
