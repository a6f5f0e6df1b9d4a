"""Exchange log: verification speed of a long chain on one core, and appends per second
to one dataset's chain versus ten datasets' chains under concurrent publishers.

The append figure runs the real rule (`chain_append.append`) against an in-memory chain store with
DynamoDB's conditional-write semantics and a fixed latency per call (`CALL_MS`, sleeping, so the
publishers' threads overlap as Lambda invocations would): what it shows is the serialization, one
chain per dataset, not DynamoDB's absolute speed. Verification is pure CPU (hashlib), linear in the
entries: a default run verifies 250,000 (building the chain to verify costs eight times the
verification), `--full` (bench/scale.py) the 1,000,000 of the aim.
"""

import hashlib
import hmac
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from bench.scale import full
from numeriqc.exchange import chain, chain_append
from numeriqc.exchange.chain import Entry, Head, Receipt
from numeriqc.exchange.ports import HeadMoved

AIM_ENTRIES = 1_000_000  # verified in under 10 s
ENTRIES = int(os.environ.get("EXCHANGE_BENCH_ENTRIES") or (AIM_ENTRIES if full() else 250_000))
PUBLISHERS = 10
APPENDS_PER_PUBLISHER = 40
CALL_MS = 4.0
SECRET = b"bench"


def verify_seconds(count: int) -> tuple[float, bool]:
    texts = [
        f'{{"data":{{"n":{n}}},"id":"{n:026d}","type":"ca.qc.numeriqc.exchange.message.v1"}}'
        for n in range(count)
    ]
    entries = chain.extend(Head(), texts)
    head = Head(entries[-1].seq, entries[-1].hash)
    root, [path] = chain.merkle_root_and_paths([chain.leaf("bench.data", head)])
    header = {"batch_id": "b", "time": "t", "previous": chain.GENESIS, "root": root, "heads": 1}
    signature = hmac.new(SECRET, chain.batch_header_text(header).encode(), hashlib.sha256).digest()
    receipt = Receipt("bench.data", head, header, path, signature)

    def check(message: bytes, sig: bytes) -> bool:
        return hmac.compare_digest(hmac.new(SECRET, message, hashlib.sha256).digest(), sig)

    started = time.process_time()  # CPU time of this process: the machine's other load is not counted
    report = chain.verify("bench.data", Head(), entries, [receipt], check_signature=check, last=count)
    return time.process_time() - started, report.valid


class LatentChains:
    """ChainLog with conditional appends, CALL_MS per call; one lock per call stands in for the
    item-level atomicity DynamoDB gives (not a lock across datasets)."""

    def __init__(self) -> None:
        self.heads: dict[str, Head] = {}
        self.lock = threading.Lock()
        self.conflicts = 0

    def head(self, dataset_id: str) -> Head:
        time.sleep(CALL_MS / 1000)
        with self.lock:
            return self.heads.get(dataset_id, Head())

    def append(self, dataset_id: str, head: Head, entries: list[Entry], when: datetime, size: int) -> None:
        time.sleep(CALL_MS / 1000)
        with self.lock:
            if self.heads.get(dataset_id, Head()) != head:
                self.conflicts += 1
                raise HeadMoved(dataset_id)
            self.heads[dataset_id] = Head(entries[-1].seq, entries[-1].hash)

    def entries(self, dataset_id: str, first: int, last: int | None = None) -> Iterator[Entry]:
        return iter(())

    def entries_between(self, dataset_id: str, start: datetime, end: datetime) -> Iterator[Entry]:
        return iter(())

    def receipts(self, dataset_id: str, first: int) -> Iterator[Receipt]:
        return iter(())


def appends_per_second(publishers: int, datasets: int) -> tuple[float, int]:
    store = LatentChains()
    now = datetime.now(UTC)

    def publisher(index: int) -> None:
        dataset = f"bench.d{index % datasets}"
        for n in range(APPENDS_PER_PUBLISHER):
            chain_append.append(store, dataset, [f'{{"n":{n}}}'], now, 8, sleep=time.sleep)

    started = time.perf_counter()
    with ThreadPoolExecutor(publishers) as pool:
        list(pool.map(publisher, range(publishers)))
    elapsed = time.perf_counter() - started
    return publishers * APPENDS_PER_PUBLISHER / elapsed, store.conflicts


def report() -> list[str]:
    seconds, valid = verify_seconds(ENTRIES)
    alone, _ = appends_per_second(1, 1)
    one, one_conflicts = appends_per_second(PUBLISHERS, 1)
    ten, ten_conflicts = appends_per_second(PUBLISHERS, 10)
    return [
        "exchange: the tamper-evident log",
        f"  verify {ENTRIES:,} entries: {seconds:.2f} s of CPU on one core "
        f"({ENTRIES / seconds:,.0f} entries/s; {AIM_ENTRIES:,} at this rate: "
        f"{seconds * AIM_ENTRIES / ENTRIES:.2f} s, aim < 10 s), valid={valid}"
        + ("" if ENTRIES == AIM_ENTRIES else f"  [--full: {AIM_ENTRIES:,} entries]"),
        f"  appends ({CALL_MS:.0f} ms per call): 1 publisher on 1 dataset {alone:,.0f}/s; "
        f"{PUBLISHERS} publishers on 1 dataset {one:,.0f}/s ({one_conflicts} retries); "
        f"{PUBLISHERS} publishers on 10 datasets {ten:,.0f}/s ({ten_conflicts} retries) = "
        f"x{ten / alone:.1f} one dataset's rate (x{ten / one:.1f} the contended one)",
    ]


if __name__ == "__main__":
    print("\n".join(report()))
