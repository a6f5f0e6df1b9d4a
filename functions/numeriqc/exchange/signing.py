"""Batch signing of the log, as X-Road batches its timestamps: one signature per run covers every
chain that moved since the last run, through a Merkle root over their heads.

Signing costs one KMS `Sign` per batch whatever the number of datasets or messages. Each batch
names the hash of the one before (`previous`), so batches form a chain of their own, and each is
written to the Object Lock bucket before the per-dataset receipts: a crash in between only means
the next run signs those heads again.
"""

import base64
import hashlib

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.ids import new_ulid
from numeriqc.exchange import chain
from numeriqc.exchange.chain import Receipt
from numeriqc.exchange.ports import BatchArchive, Signer, SigningRecords
from numeriqc.exchange.signatures import ALGORITHM


def header_hash(header: dict[str, object]) -> str:
    return hashlib.sha256(chain.batch_header_text(header).encode()).hexdigest()


class Signing:
    def __init__(
        self, records: SigningRecords, signer: Signer, archive: BatchArchive, clock: Clock = installed_clock
    ) -> None:
        self._records = records
        self._signer = signer
        self._archive = archive
        self._clock = clock

    def run(self) -> int:
        """Sign the heads that moved; answers how many (0: nothing to sign, no KMS call)."""
        heads = sorted(self._records.moved_heads(), key=lambda item: item[0])
        if not heads:
            return 0
        root, paths = chain.merkle_root_and_paths(
            [chain.leaf(dataset_id, head) for dataset_id, head in heads]
        )
        last = self._records.last_batch()
        header = {
            "batch_id": new_ulid(self._clock),
            "time": self._clock().isoformat(),
            "previous": header_hash(last) if last else chain.GENESIS,
            "root": root,
            "heads": len(heads),
        }
        signature = self._signer.sign(chain.batch_header_text(header).encode())
        self._archive.put(
            {
                "header": header,
                "signature": base64.b64encode(signature).decode(),
                "key_id": self._signer.key_id,
                "algorithm": ALGORITHM,
                "leaves": [{"dataset_id": d, "seq": h.seq, "hash": h.hash} for d, h in heads],
            }
        )
        receipts = [
            Receipt(dataset_id, head, header, path, signature)
            for (dataset_id, head), path in zip(heads, paths, strict=True)
        ]
        self._records.record_batch(header, receipts)
        return len(heads)
