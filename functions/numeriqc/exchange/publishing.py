"""A producer's batch of messages: validated whole against the dataset's current schema, wrapped as
CloudEvents, and appended to the dataset's chain in one conditional write.

A message over 200 KB travels as a claim check (claim_checks.py): its data is written to the payload
bucket once the whole batch is valid, before the append; an append that fails leaves only objects no
event names (never read, expired with the log's retention).

All or nothing: one faulty message refuses the batch, naming each faulty row and field, and nothing
is logged or delivered. An accepted batch is in the log before the answer, and delivery follows
from the log (handlers/log_stream.py), so an accepted message is never lost.
"""

from typing import Any

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import FieldError, PayloadTooLarge, ValidationFailed
from numeriqc.exchange import chain, chain_append, claim_checks, schemas
from numeriqc.exchange.catalogue import Catalogue
from numeriqc.exchange.models import Dataset, MessageIn, Published, PublishIn
from numeriqc.exchange.ports import ChainLog, PayloadStore

MESSAGE_TYPE = "ca.qc.numeriqc.exchange.message.v1"
# One append is one DynamoDB item (400 KB): the batch's events must fit it with the hashes.
MAX_BATCH_BYTES = 350_000
_TOO_LARGE = Message(
    "Le lot dépasse {limit} octets à partir de ce message; envoyez-le en plusieurs lots.",
    "The batch exceeds {limit} bytes from this message on; send it in several batches.",
)


def wrap(dataset: Dataset, message: MessageIn, clock: Clock) -> dict[str, Any]:
    """The CloudEvent a consumer receives; `dataclassification` carries the dataset's tier."""
    event: dict[str, Any] = {
        "specversion": "1.0",
        "id": new_ulid(clock),
        "source": f"numeriqc/exchange/{dataset.owner}",
        "type": MESSAGE_TYPE,
        "time": clock().isoformat(),
        "datacontenttype": "application/json",
        "dataschema": f"/v1/exchange/datasets/{dataset.dataset_id}/schemas/{dataset.schema_version}",
        "dataclassification": dataset.tier.value,
        "datasetid": dataset.dataset_id,
        "orgid": dataset.owner,
        "data": message.data,
    }
    if message.subject is not None:
        event["subject"] = message.subject
    return event


class Publishing:
    def __init__(
        self,
        catalogue: Catalogue,
        log: ChainLog,
        payloads: PayloadStore,
        clock: Clock = installed_clock,
    ) -> None:
        self._catalogue = catalogue
        self._log = log
        self._payloads = payloads
        self._clock = clock

    def publish(self, org_id: str, dataset_id: str, request: PublishIn) -> Published:
        dataset = self._catalogue.owned(org_id, dataset_id)
        schema = self._catalogue.schema(dataset, dataset.schema_version)
        validator = schemas.MessageValidator(schema.json_schema)
        errors: list[FieldError] = []
        for row, message in enumerate(request.messages):
            errors.extend(validator.errors(message.data, f"body.messages[{row}].data"))
        if errors:
            raise ValidationFailed(errors=errors[: schemas.MAX_ERRORS])
        events = [wrap(dataset, message, self._clock) for message in request.messages]
        texts = [chain.canonical(event) for event in events]
        stored: list[tuple[str, bytes]] = []
        for row, text in enumerate(texts):
            if claim_checks.needed(text):
                events[row], body = claim_checks.check_in(events[row])
                texts[row] = chain.canonical(events[row])
                stored.append((events[row]["id"], body))
        size = 0
        for row, text in enumerate(texts):
            size += len(text.encode()) + 64
            if size > MAX_BATCH_BYTES:
                field = FieldError(
                    f"body.messages[{row}]", "batch_too_large", _TOO_LARGE, limit=MAX_BATCH_BYTES
                )
                raise PayloadTooLarge(_TOO_LARGE, errors=[field], limit=MAX_BATCH_BYTES)
        for event_id, body in stored:
            self._payloads.put(dataset_id, event_id, body, dataset.tier.value)
        entries = chain_append.append(self._log, dataset_id, texts, self._clock(), size)
        return Published(
            dataset_id=dataset_id,
            ids=[event["id"] for event in events],
            first_seq=entries[0].seq,
            last_seq=entries[-1].seq,
        )
