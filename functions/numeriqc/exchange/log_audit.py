"""Whether a range of a dataset's log is intact, and the proof an auditor verifies offline.

Who may audit a dataset: its owner and every organization that holds or held a grant on it.
A range [first, last] is verified from the entry before it (its anchor) on to the first signed
head at or after `last`: changing, dropping, inserting or moving any entry in between breaks the
chain's link to a hash that a signature covers. Entries not yet signed (the signing runs every
minute) make the answer `valid: false` with `signed_through` below `last`, never a false `true`.
"""

import base64
from typing import Any

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, ValidationFailed
from numeriqc.exchange import chain
from numeriqc.exchange.access import Access
from numeriqc.exchange.catalogue import Catalogue, owner_of
from numeriqc.exchange.chain import Head
from numeriqc.exchange.models import Verification
from numeriqc.exchange.ports import ChainLog, Signer

MAX_RANGE = 100_000

_RANGE = Message(
    "L'intervalle doit aller de 1 à {head} (dernière entrée), au plus {max} entrées.",
    "The range must lie within 1 to {head} (the last entry), {max} entries at most.",
)


class LogAudit:
    def __init__(self, catalogue: Catalogue, access: Access, log: ChainLog, signer: Signer) -> None:
        self._catalogue = catalogue
        self._access = access
        self._log = log
        self._signer = signer

    def verify(self, org_id: str, dataset_id: str, first: int, last: int | None) -> Verification:
        proof = self.proof(org_id, dataset_id, first, last)
        report = check_proof(proof, self._signer.verifier())
        return Verification(
            dataset_id=dataset_id,
            first=report.first,
            last=report.last,
            valid=report.valid,
            checked=report.checked,
            signed_through=report.signed_through,
            batches=report.batches,
            failures=report.failures,
        )

    def proof(self, org_id: str, dataset_id: str, first: int, last: int | None) -> dict[str, Any]:
        """Everything an offline verifier needs, except the public key (fetched apart, trusted apart)."""
        if owner_of(dataset_id) == org_id:
            self._catalogue.owned(org_id, dataset_id)
        else:
            self._access.held(org_id, dataset_id)
        head = self._log.head(dataset_id)
        last = head.seq if last is None else last
        if not (1 <= first <= last <= head.seq) or last - first >= MAX_RANGE:
            raise ValidationFailed(
                errors=[FieldError("query.from", "out_of_range", _RANGE, head=head.seq, max=MAX_RANGE)]
            )
        anchor = Head()
        if first > 1:
            before = next(self._log.entries(dataset_id, first - 1, first - 1))
            anchor = Head(before.seq, before.hash)
        covering = next(self._log.receipts(dataset_id, last), None)  # the first signed head >= last
        receipts = [covering] if covering is not None else []
        through = covering.head.seq if covering is not None else last
        entries = [entry for entry in self._log.entries(dataset_id, first, through) if entry.seq <= through]
        return {
            "dataset_id": dataset_id,
            "last": last,
            "anchor": {"seq": anchor.seq, "hash": anchor.hash},
            "entries": [{"seq": e.seq, "text": e.text, "hash": e.hash} for e in entries],
            "receipts": [
                {
                    "seq": r.head.seq,
                    "hash": r.head.hash,
                    "header": r.header,
                    "path": [list(step) for step in r.path],
                    "signature": base64.b64encode(r.signature).decode(),
                }
                for r in receipts
            ],
        }


def check_proof(proof: dict[str, Any], check_signature: chain.SignatureCheck) -> chain.Report:
    """Verify a proof document (from `LogAudit.proof`, or a file) with a signature check."""
    dataset_id = str(proof["dataset_id"])
    return chain.verify(
        dataset_id,
        Head(int(proof["anchor"]["seq"]), str(proof["anchor"]["hash"])),
        (chain.Entry(int(e["seq"]), str(e["text"]), str(e["hash"])) for e in proof["entries"]),
        [
            chain.Receipt(
                dataset_id,
                Head(int(r["seq"]), str(r["hash"])),
                dict(r["header"]),
                [(str(side), str(sibling)) for side, sibling in r["path"]],
                base64.b64decode(r["signature"]),
            )
            for r in proof["receipts"]
        ],
        check_signature=check_signature,
        last=int(proof["last"]),
    )
