"""Claim checks: a message whose CloudEvent would pass `MAX_INLINE_BYTES` travels without its data.

Its data goes to the payload bucket first, encrypted under the KMS key of the dataset's
confidentiality tier, and the event carries, instead of `data`, the CloudEvents extensions
`dataref` (the route that reads it), `datadigest` (`sha256:` of the canonical data, so the hash chain
still covers the payload) and `datasize`. The log, delivery, bundles and replay then handle a small
event like any other.

Reading a payload is decided by the grants at the time of reading: the owner, or a consumer whose
grant is current, gets a presigned URL valid `LINK_SECONDS`; a revoked or expired grant reads
nothing more through us (a URL already issued lapses within `LINK_SECONDS`).
"""

import hashlib
from datetime import datetime, timedelta
from typing import Any

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.problems import NotFound
from numeriqc.exchange import chain
from numeriqc.exchange.access import Access
from numeriqc.exchange.catalogue import NO_DATASET, owner_of
from numeriqc.exchange.models import PayloadLink
from numeriqc.exchange.ports import PayloadStore

# Over this, a message would not fit an SQS message with its bundle: its data goes to S3.
MAX_INLINE_BYTES = 200_000
LINK_SECONDS = 300


def digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def needed(text: str) -> bool:
    return len(text.encode()) > MAX_INLINE_BYTES


def check_in(event: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The event without its data, carrying the claim check; and the data to store."""
    body = chain.canonical(event["data"]).encode()
    checked = {key: value for key, value in event.items() if key != "data"}
    checked["dataref"] = f"/v1/exchange/datasets/{event['datasetid']}/payloads/{event['id']}"
    checked["datadigest"] = digest(body)
    checked["datasize"] = len(body)
    return checked, body


def is_claim_check(event: dict[str, Any]) -> bool:
    return "dataref" in event and "data" not in event


class Payloads:
    def __init__(self, access: Access, store: PayloadStore, clock: Clock = installed_clock) -> None:
        self._access = access
        self._store = store
        self._clock = clock

    def link(self, org_id: str, dataset_id: str, event_id: str) -> PayloadLink:
        """A short-lived URL of the payload, for the owner or a consumer whose grant is current."""
        if owner_of(dataset_id) != org_id:
            self._access.current(org_id, dataset_id)  # 404 without a current grant
        if not self._store.exists(dataset_id, event_id):
            raise NotFound(NO_DATASET, dataset_id=dataset_id)
        return self.url(dataset_id, event_id, self._clock())

    def url(self, dataset_id: str, event_id: str, now: datetime) -> PayloadLink:
        """Signed locally: no AWS call."""
        return PayloadLink(
            url=self._store.url(dataset_id, event_id, LINK_SECONDS),
            expires_at=now + timedelta(seconds=LINK_SECONDS),
        )

    def data(self, event: dict[str, Any]) -> Any:
        """The data of an event, fetched when it travels by claim check (replay as a file)."""
        if not is_claim_check(event):
            return event["data"]
        return self._store.get(event["datasetid"], event["id"])
