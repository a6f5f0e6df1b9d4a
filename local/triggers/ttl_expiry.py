"""DynamoDB Time to Live, locally: items whose TTL attribute the clock has passed are deleted.

moto records a table's TTL setting but never expires anything, so retention could not be tried
locally. This ticker deletes, on the runtime's clock, every item whose TTL attribute (whole epoch
seconds, as DynamoDB reads it) is in the past. AWS deletes expired items "within a few days"; here
it happens at most once per `INTERVAL` of clock time (and at every `tick`), which is sooner, never
later, than a test can rely on. The deletions go through the table's stream as REMOVE records, as
DynamoDB's own do. Items whose attribute is missing or not a number never expire, as in AWS.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from ..account import ACCOUNT_ID, REGION, Clients
from ..clock import Clock
from ..template.wiring import Wiring

log = logging.getLogger("numeriqc_local")

INTERVAL = timedelta(minutes=1)


class TtlExpiry:
    name = "ttl-expiry"

    def __init__(self, wiring: Wiring, clients: Clients, clock: Clock) -> None:
        self.tables = [
            (table.name, table.ttl_attribute) for table in wiring.tables.values() if table.ttl_attribute
        ]
        self.clients = clients
        self.clock = clock
        self._last: datetime = clock.now()
        self._unfinished = False

    def poll(self) -> int:
        now = self.clock.now()
        if abs(now - self._last) < INTERVAL and not self._unfinished:
            return 0
        return self.expire(now)

    def tick(self) -> int:
        return self.expire(self.clock.now())

    def expire(self, now: datetime) -> int:
        """Delete every expired item of every table with a TTL; answers how many went.

        Best effort, as DynamoDB's own TTL is: a table that cannot be swept now (moto answering
        an error while another thread writes it) is logged and swept again at the next round,
        and never fails `tick` or `drain` for the functions' own triggers.
        """
        self._last = now
        self._unfinished = False
        dynamodb = self.clients("dynamodb")
        deleted = 0
        for table, attribute in self.tables:
            try:
                description = dynamodb.describe_table(TableName=table)["Table"]
                key_names = [part["AttributeName"] for part in description["KeySchema"]]
                for key in _expired_keys(dynamodb, table, str(attribute), key_names, int(now.timestamp())):
                    dynamodb.delete_item(TableName=table, Key=key)
                    deleted += 1
            except Exception as error:  # swept again next round
                log.warning("TTL expiry of %s postponed (%s)", table, type(error).__name__)
                self._unfinished = True
        if deleted:
            log.info("TTL expiry deleted %d items at %s", deleted, now.isoformat())
        return deleted


def _expired_keys(
    dynamodb: Any, table: str, attribute: str, key_names: list[str], now: int
) -> list[dict[str, Any]]:
    """Keys of the items whose TTL attribute is a number of epoch seconds before `now`: read from
    moto's own table when moto runs in this process, else by a Scan."""
    found = _expired_in_process(table, attribute, key_names, now)
    return found if found is not None else _expired_by_scan(dynamodb, table, attribute, key_names, now)


def _expired_in_process(
    table: str, attribute: str, key_names: list[str], now: int
) -> list[dict[str, Any]] | None:
    """The same keys, read from moto's table in this process (None when it is not here: another
    emulator through AWS_ENDPOINT_URL).

    A Scan through moto sorts the whole table for each 1 MB page and serializes every item: with
    100,000 notifications, one sweep a minute held the emulator for most of that minute, and every
    API request waited behind it. Reading moto's items is a pass over a dict, under the emulator's
    lock; the deletions still go through the API, so the stream sees them as DynamoDB's own.
    """
    from moto.dynamodb.models import dynamodb_backends

    from ..aws.in_process import regional_backends
    from ..aws.serialized import EMULATOR_LOCK

    with EMULATOR_LOCK:
        backends = regional_backends(dynamodb_backends, ACCOUNT_ID)
        emulated = next((b.tables.get(table) for b in backends if b.region_name == REGION), None)
        if emulated is None:
            return None
        partitions = list(emulated.items.values())
        items: list[Any] = (
            [i for p in partitions for i in p.values()] if emulated.range_key_attr else partitions
        )
        keys = []
        for item in items:
            value = item.attrs.get(attribute)
            if value is not None and value.type == "N" and float(value.value) < now:
                keys.append({name: item.attrs[name].to_json() for name in key_names})
        return keys


def _expired_by_scan(
    dynamodb: Any, table: str, attribute: str, key_names: list[str], now: int
) -> list[dict[str, Any]]:
    """The expired keys through the API (any emulator).

    Filtered here, not by a FilterExpression: an item whose attribute is not a number never expires
    (as in AWS), and moto's filter raises on comparing a string with a number.
    """
    keys: list[dict[str, Any]] = []
    names = {f"#k{i}": name for i, name in enumerate([*key_names, attribute])}
    arguments: dict[str, Any] = {
        "TableName": table,
        "ProjectionExpression": ", ".join(names),
        "ExpressionAttributeNames": names,
    }
    while True:
        page = dynamodb.scan(**arguments)
        for item in page.get("Items", []):
            number = item.get(attribute, {}).get("N")
            if number is not None and float(number) < now:
                keys.append({name: item[name] for name in key_names})
        if "LastEvaluatedKey" not in page:
            return keys
        arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]
