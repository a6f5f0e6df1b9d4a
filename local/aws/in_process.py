"""moto's backends read in this process: the local outbox and the TTL sweep look at what moto holds
directly, where an API call would serialize (or sort) everything. Only where moto runs in this
process (`numeriqc dev`, the pytest fixture); another emulator behind AWS_ENDPOINT_URL has none here.
"""

from __future__ import annotations

from typing import Any


def regional_backends(backends: Any, account: str) -> list[Any]:
    """The account's backend in every region moto made one for (none when it made none)."""
    if account not in backends:
        return []
    regional = backends[account]
    return [regional[region] for region in dict.keys(regional)]
