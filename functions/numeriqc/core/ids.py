"""ULIDs: sortable by creation time, so DynamoDB sort keys built from them list newest or oldest first."""

import os
from datetime import UTC, datetime

from numeriqc.core.clock import Clock, system_clock

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, index = divmod(value, 32)
        chars.append(_CROCKFORD[index])
    return "".join(reversed(chars))


def new_ulid(clock: Clock = system_clock) -> str:
    """A 26-character ULID: 48 bits of milliseconds then 80 random bits."""
    millis = int(clock().timestamp() * 1000)
    return _encode(millis, 10) + _encode(int.from_bytes(os.urandom(10), "big"), 16)


def ulid_time(ulid: str) -> datetime:
    """When a ULID was made (millisecond precision), for audits and pagination."""
    millis = 0
    for char in ulid[:10].upper():
        millis = millis * 32 + _CROCKFORD.index(char)
    return datetime.fromtimestamp(millis / 1000, tz=UTC)


def is_ulid(value: str) -> bool:
    return len(value) == 26 and all(char in _CROCKFORD for char in value.upper())
