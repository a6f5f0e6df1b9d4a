"""A consumer's pull and acknowledgment of its dataset messages, only while its grant is current.

Pulled events stay invisible to other pulls for the queue's visibility timeout; one not
acknowledged comes back (at least once: the event id is stable, consumers drop what they have
seen), and after 5 receives it moves to the queue's dead-letter queue. Events of one bundle share
their `ack_id`: acknowledging it acknowledges them all. An event that travels by claim check comes
with a presigned URL of its data (`data_url`), signed locally: no AWS call.
"""

import json
from datetime import datetime

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, ValidationFailed
from numeriqc.exchange import claim_checks
from numeriqc.exchange.access import Access
from numeriqc.exchange.claim_checks import Payloads
from numeriqc.exchange.models import AckIn, Acknowledged, Delivered, Pulled
from numeriqc.exchange.ports import ConsumerQueues

MAX_BUNDLES = 10

_UNKNOWN_ACK = Message(
    "Cet identifiant d'accusé de réception n'est pas reconnu.", "This acknowledgment id is not recognised."
)


class Mailbox:
    def __init__(self, access: Access, queues: ConsumerQueues, payloads: Payloads) -> None:
        self._access = access
        self._queues = queues
        self._payloads = payloads

    def pull(self, org_id: str, dataset_id: str, limit: int, now: datetime) -> Pulled:
        grant = self._access.current(org_id, dataset_id)
        items = [
            Delivered(ack_id=handle, event=event, data_url=self._data_url(event, now))
            for handle, body in self._queues.receive(grant.queue_url, min(limit, MAX_BUNDLES))
            for event in json.loads(body)["events"]
        ]
        return Pulled(items=items)

    def _data_url(self, event: dict[str, object], now: datetime) -> str | None:
        if not claim_checks.is_claim_check(event):
            return None
        return self._payloads.url(str(event["datasetid"]), str(event["id"]), now).url

    def acknowledge(self, org_id: str, dataset_id: str, request: AckIn) -> Acknowledged:
        grant = self._access.current(org_id, dataset_id)
        first_index: dict[str, int] = {}
        for index, ack_id in enumerate(request.ack_ids):
            first_index.setdefault(ack_id, index)
        handles = list(first_index)
        refused = self._queues.acknowledge(grant.queue_url, handles)
        if refused:
            errors = [
                FieldError(f"body.ack_ids[{first_index[handles[i]]}]", "unknown_ack_id", _UNKNOWN_ACK)
                for i in refused
            ]
            raise ValidationFailed(errors=errors)
        return Acknowledged(acknowledged=len(handles))
