"""DynamoDB attribute-value conversion for the stores (plain Python <-> the low-level wire format).

Stores use the low-level client: it batches and transacts the same way, and this module avoids
loading boto3's resource layer on every cold start.
"""

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
