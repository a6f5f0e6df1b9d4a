"""The log's arithmetic: any one entry changed, dropped, inserted or moved is detected; Merkle paths
lead every head to the signed root; a wrong signature or a head outside the root fails."""

import hashlib
import hmac

from hypothesis import assume, given
from hypothesis import strategies as st

from numeriqc.exchange import chain
from numeriqc.exchange.chain import Entry, Head, Receipt

SECRET = b"test-signing-secret"
DATASET = "saaq.permis"


def sign(message: bytes) -> bytes:
    return hmac.new(SECRET, message, hashlib.sha256).digest()


def check(message: bytes, signature: bytes) -> bool:
    return hmac.compare_digest(sign(message), signature)


def signed_chain(texts: list[str]) -> tuple[list[Entry], list[Receipt]]:
    """A chain of `texts` whose last head is signed alone in a batch with two other datasets."""
    entries = chain.extend(Head(), texts)
    head = Head(entries[-1].seq, entries[-1].hash)
    leaves = [chain.leaf("a.other", Head(3, "a" * 64)), chain.leaf(DATASET, head), chain.leaf("z.z", Head())]
    root, paths = chain.merkle_root_and_paths(leaves)
    header = {
        "batch_id": "B1",
        "time": "2026-01-01T00:00:00+00:00",
        "previous": chain.GENESIS,
        "root": root,
        "heads": 3,
    }
    return entries, [Receipt(DATASET, head, header, paths[1], sign(chain.batch_header_text(header).encode()))]


def verify(entries: list[Entry], receipts: list[Receipt], last: int) -> chain.Report:
    return chain.verify(DATASET, Head(), entries, receipts, check_signature=check, last=last)


texts = st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=40)


@given(texts)
def test_an_untouched_signed_chain_verifies(values: list[str]) -> None:
    entries, receipts = signed_chain(values)
    report = verify(entries, receipts, len(values))
    assert report.valid, report.failures
    assert report.checked == len(values)
    assert report.signed_through == len(values)


@given(texts, st.data())
def test_changing_any_entry_is_detected(values: list[str], data: st.DataObject) -> None:
    entries, receipts = signed_chain(values)
    index = data.draw(st.integers(0, len(entries) - 1))
    changed = data.draw(st.text(max_size=30).filter(lambda text: text != entries[index].text))
    forged = chain.extend(
        Head(entries[index - 1].seq, entries[index - 1].hash) if index else Head(),
        [changed, *(e.text for e in entries[index + 1 :])],
    )
    # the forger even recomputes every later hash: only the signed head can catch it, and does
    tampered = entries[:index] + forged
    assert not verify(tampered, receipts, len(values)).valid


@given(texts, st.data())
def test_deleting_any_entry_is_detected(values: list[str], data: st.DataObject) -> None:
    entries, receipts = signed_chain(values)
    index = data.draw(st.integers(0, len(entries) - 1))
    assert not verify(entries[:index] + entries[index + 1 :], receipts, len(values)).valid


@given(st.lists(st.text(max_size=30), min_size=2, max_size=40, unique=True), st.data())
def test_reordering_any_two_entries_is_detected(values: list[str], data: st.DataObject) -> None:
    entries, receipts = signed_chain(values)
    first = data.draw(st.integers(0, len(entries) - 1))
    second = data.draw(st.integers(0, len(entries) - 1).filter(lambda i: i != first))
    swapped = list(entries)
    swapped[first], swapped[second] = swapped[second], swapped[first]
    assert not verify(swapped, receipts, len(values)).valid


@given(texts, st.data())
def test_inserting_an_entry_anywhere_is_detected(values: list[str], data: st.DataObject) -> None:
    entries, receipts = signed_chain(values)
    index = data.draw(st.integers(0, len(entries) - 1))  # before a signed entry (after it is an append)
    extra = data.draw(st.text(max_size=30))
    before = Head(entries[index - 1].seq, entries[index - 1].hash) if index else Head()
    rebuilt = chain.extend(before, [extra, *(e.text for e in entries[index:])])
    # The same text inserted before its twin leaves every signed entry as it was (it reads as an
    # append after the signed head, which no signature covers yet): not a change to detect.
    assume([e.text for e in (entries[:index] + rebuilt)[: len(values)]] != values)
    assert not verify(entries[:index] + rebuilt, receipts, len(values)).valid


def test_a_forged_signature_or_foreign_root_fails() -> None:
    entries, [receipt] = signed_chain(["a", "b"])
    bad_signature = Receipt(DATASET, receipt.head, receipt.header, receipt.path, b"x" * 32)
    assert "signature" in verify(entries, [bad_signature], 2).failures[0]
    other_root = {**receipt.header, "root": "f" * 64}
    moved = Receipt(
        DATASET, receipt.head, other_root, receipt.path, sign(chain.batch_header_text(other_root).encode())
    )
    assert "Merkle" in verify(entries, [moved], 2).failures[0]


def test_entries_not_yet_signed_are_never_valid() -> None:
    entries, receipts = signed_chain(["a", "b"])
    more = entries + chain.extend(Head(2, entries[-1].hash), ["c"])
    report = verify(more, receipts, 3)
    assert not report.failures
    assert report.signed_through == 2
    assert not report.valid


@given(st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=33, unique=True))
def test_every_leaf_path_leads_to_the_root(names: list[str]) -> None:
    leaves = [chain.leaf(name, Head(1, "0" * 64)) for name in names]
    root, paths = chain.merkle_root_and_paths(leaves)
    assert all(chain.root_from_path(leaf, path) == root for leaf, path in zip(leaves, paths, strict=True))
    assert chain.root_from_path(chain.leaf("not-there", Head(1, "0" * 64)), paths[0]) != root
