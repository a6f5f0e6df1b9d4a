"""The tamper-evident log's arithmetic: hash chains, Merkle roots over chain heads, and verification.

Pure and dependency-free (hashlib only) so that the API, the CLI and an auditor's own machine verify
the same way. One chain per dataset: entry n's hash is SHA-256(hash of entry n-1 || text of entry
n), the first entry chaining to `GENESIS`. An entry's text is the canonical JSON the service wrote
(the CloudEvent or the access decision), hashed as stored: verifying never parses JSON, which is
what makes a million entries a few seconds of work.

A signing batch covers the heads of the chains that moved: each head is a Merkle leaf, the root is
signed once. A dataset's receipt holds its head, the batch header (with the root) and the Merkle
path from its leaf to the root, so verifying one dataset needs neither the other datasets' heads
nor their names.
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """The one serialization that is hashed: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link(previous: str, text: str) -> str:
    """The hash of an entry whose text is `text`, following the entry whose hash is `previous`."""
    return hashlib.sha256(bytes.fromhex(previous) + text.encode()).hexdigest()


@dataclass(frozen=True)
class Head:
    """The last entry of a chain: its sequence number (0 and GENESIS for an empty chain) and hash."""

    seq: int = 0
    hash: str = GENESIS


@dataclass(frozen=True)
class Entry:
    seq: int
    text: str
    hash: str


def extend(head: Head, texts: Iterable[str]) -> list[Entry]:
    """The entries that append `texts`, in order, after `head`."""
    entries = []
    seq, previous = head.seq, head.hash
    for text in texts:
        seq += 1
        previous = link(previous, text)
        entries.append(Entry(seq, text, previous))
    return entries


def leaf(dataset_id: str, head: Head) -> str:
    return hashlib.sha256(f"leaf\n{dataset_id}\n{head.seq}\n{head.hash}".encode()).hexdigest()


def _node(left: str, right: str) -> str:
    return hashlib.sha256(bytes.fromhex(left) + bytes.fromhex(right)).hexdigest()


def merkle_root_and_paths(leaves: Sequence[str]) -> tuple[str, list[list[tuple[str, str]]]]:
    """The root over `leaves` and, per leaf, its path: (side, sibling) pairs from the leaf upwards.

    An odd node is paired with itself, as Bitcoin's tree does; side "L" means the sibling is on the left.
    """
    if not leaves:
        raise ValueError("a Merkle tree needs at least one leaf")
    level = list(leaves)
    positions = list(range(len(leaves)))
    paths: list[list[tuple[str, str]]] = [[] for _ in leaves]
    while len(level) > 1:
        if len(level) % 2:
            level.append(level[-1])
        for index, position in enumerate(positions):
            if position % 2:
                paths[index].append(("L", level[position - 1]))
            else:
                paths[index].append(("R", level[position + 1]))
            positions[index] = position // 2
        level = [_node(level[i], level[i + 1]) for i in range(0, len(level), 2)]
    return level[0], paths


def root_from_path(leaf_hash: str, path: Iterable[Sequence[str]]) -> str:
    node = leaf_hash
    for side, sibling in path:
        node = _node(sibling, node) if side == "L" else _node(node, sibling)
    return node


def batch_header_text(header: dict[str, Any]) -> str:
    """What the signing key signs: the batch header (id, time, previous batch hash, Merkle root)."""
    return canonical({name: header[name] for name in ("batch_id", "time", "previous", "root", "heads")})


@dataclass(frozen=True)
class Receipt:
    """A signed head: the chain `dataset_id` had reached `head` when batch `header` was signed."""

    dataset_id: str
    head: Head
    header: dict[str, Any]
    path: list[tuple[str, str]]
    signature: bytes


@dataclass
class Report:
    """What a verification found: `valid` only when every check passed and a signature covers `to`."""

    dataset_id: str
    first: int
    last: int
    checked: int = 0
    signed_through: int = 0
    batches: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.failures and self.signed_through >= self.last


SignatureCheck = Callable[[bytes, bytes], bool]  # (message, signature) -> valid, with a KMS or PEM key


def verify(
    dataset_id: str,
    anchor: Head,
    entries: Iterable[Entry],
    receipts: Iterable[Receipt],
    *,
    check_signature: SignatureCheck,
    last: int,
) -> Report:
    """Verify the entries after `anchor` up to `last`, then on to a signed head.

    `entries` must run from anchor.seq + 1 without a gap, past `last` up to the newest signed head
    (an entry signed nowhere is not yet tamper-evident); `receipts` are the signed heads of the
    dataset in that range. Detects any entry changed, dropped, inserted or moved: each breaks either
    the sequence, a stored hash or the hash a signature covers. `check_signature(message, sig)`.
    """
    report = Report(dataset_id, anchor.seq + 1, last)
    signed = {receipt.head.seq: receipt for receipt in receipts}
    expected_seq, chained = anchor.seq, bytes.fromhex(anchor.hash)
    sha256 = hashlib.sha256  # the loop below runs a million times: no attribute lookups in it
    for entry in entries:
        expected_seq += 1
        if entry.seq != expected_seq:
            report.failures.append(f"entry {expected_seq}: found {entry.seq} in its place")
            report.checked = expected_seq - anchor.seq - 1
            return report
        chained = sha256(chained + entry.text.encode()).digest()  # = link(), on bytes
        if chained.hex() != entry.hash:
            report.failures.append(f"entry {entry.seq}: its hash does not follow from its text and chain")
            report.checked = expected_seq - anchor.seq - 1
            return report
        if expected_seq in signed:
            receipt = signed[expected_seq]
            problem = _check_receipt(receipt, dataset_id, entry.hash, check_signature)
            if problem:
                report.failures.append(f"entry {entry.seq}: {problem}")
                report.checked = expected_seq - anchor.seq
                return report
            report.signed_through = entry.seq
            report.batches.append(str(receipt.header["batch_id"]))
    report.checked = expected_seq - anchor.seq
    if expected_seq < last:
        report.failures.append(f"entries {expected_seq + 1} to {last} are missing")
    return report


def _check_receipt(
    receipt: Receipt, dataset_id: str, chained: str, check_signature: SignatureCheck
) -> str | None:
    if receipt.head.hash != chained:
        return "the signed head is not the hash this chain reaches"
    computed = root_from_path(leaf(dataset_id, receipt.head), receipt.path)
    if computed != receipt.header.get("root"):
        return "the head is not under the signed Merkle root"
    if not check_signature(batch_header_text(receipt.header).encode(), receipt.signature):
        return f"the signature of batch {receipt.header.get('batch_id')} does not verify"
    return None
