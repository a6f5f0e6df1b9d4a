"""DynamoDB attribute-value conversion for the stores (plain Python <-> the low-level wire format).

Stores use the low-level client: it batches and transacts the same way, and this module avoids
loading boto3's resource layer on every cold start.
"""

from collections.abc import Iterator
from decimal import Decimal
from typing import Any


def to_attribute(value: Any) -> dict[str, Any]:
    if value is None:
        return {"NULL": True}
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, int | float | Decimal):
        return {"N": str(value)}
    if isinstance(value, bytes):
        return {"B": value}
    if isinstance(value, set | frozenset):
        return {"SS": sorted(value)} if value else {"NULL": True}
    if isinstance(value, list | tuple):
        return {"L": [to_attribute(item) for item in value]}
    if isinstance(value, dict):
        return {"M": {key: to_attribute(item) for key, item in value.items()}}
    raise TypeError(f"cannot store {type(value).__name__} in DynamoDB")


def from_attribute(attribute: dict[str, Any]) -> Any:
    ((kind, value),) = attribute.items()
    if kind == "N":
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)
    if kind == "NULL":
        return None
    if kind in ("S", "BOOL", "B"):
        return value
    if kind in ("SS", "NS", "BS"):
        return set(value) if kind != "NS" else {Decimal(item) for item in value}
    if kind == "L":
        return [from_attribute(item) for item in value]
    if kind == "M":
        return from_item(value)
    raise TypeError(f"unknown DynamoDB type {kind}")


def to_item(values: dict[str, Any]) -> dict[str, Any]:
    """A Python dict as a DynamoDB item; None values are left out rather than stored as NULL."""
    return {key: to_attribute(value) for key, value in values.items() if value is not None}


def from_item(item: dict[str, Any]) -> dict[str, Any]:
    return {key: from_attribute(value) for key, value in item.items()}


class SingleTable:
    """What every service store does the same way on its single table (pk/sk strings).

    Stores subclass it and add the methods that know their own item layout; `_client` is a
    low-level DynamoDB client (injected), `_table` the table name.
    """

    def __init__(self, client: Any, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def _put(self, values: dict[str, Any], *, new: bool) -> dict[str, Any]:
        """A transaction `Put` action; `new` makes it fail when the item already exists."""
        put: dict[str, Any] = {"TableName": self._table, "Item": to_item(values)}
        if new:
            put["ConditionExpression"] = "attribute_not_exists(pk)"
        return {"Put": put}

    def _get(self, pk: str, sk: str) -> dict[str, Any] | None:
        answer = self._client.get_item(TableName=self._table, Key=to_item({"pk": pk, "sk": sk}))
        return from_item(answer["Item"]) if "Item" in answer else None

    def _query_all(self, pk: str, sk_prefix: str | None = None) -> Iterator[dict[str, Any]]:
        """Every item of a partition (optionally under an sk prefix), page after page."""
        condition = "pk = :pk" + (" AND begins_with(sk, :prefix)" if sk_prefix else "")
        return self.iterate(
            {
                "KeyConditionExpression": condition,
                "ExpressionAttributeValues": to_item({":pk": pk, ":prefix": sk_prefix}),
            }
        )

    def iterate(self, query: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every item of a Query, page after page (1 MB each), oldest sort key first."""
        request = {"TableName": self._table, "ScanIndexForward": True, **query}
        while True:
            answer = self._client.query(**request)
            for item in answer.get("Items") or []:
                yield from_item(item)
            if "LastEvaluatedKey" not in answer:
                return
            request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]
