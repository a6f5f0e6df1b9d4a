"""moto's TransactWriteItems, copied tables (moto 5.2.5) against the journal (local/aws/moto_transactions).

Side by side in one run, each side in a fresh process (the bench's other sections install the local
runtime's patches of moto process-wide, which made the "copied" side journaled too and the ratio
1x): a stream-enabled table holding `size` items gets transactions
of 100 writes (the notifications sender's shape: one result and one claim per recipient, so a
batch of 50 recipients); the figures are the time per transaction and the peak of memory allocated
during one more (tracemalloc, untimed), with the ratios.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = (200, 400)
TRANSACTIONS = 1


def _run(size: int, journaled: bool) -> tuple[float, float]:
    import boto3
    import moto
    from moto.dynamodb.models import DynamoDBBackend

    from numeriqc_local.aws import moto_transactions

    original: Callable[..., Any] = DynamoDBBackend.transact_write_items
    with moto.mock_aws():
        if journaled:
            DynamoDBBackend.transact_write_items = moto_transactions.transact_write_items  # type: ignore[method-assign]
        elif getattr(original, "_numeriqc_journaled", False):
            raise RuntimeError("run the copied-table side before installing the journal")
        try:
            client = boto3.client("dynamodb", region_name="ca-central-1")
            client.create_table(
                TableName="bench",
                KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                BillingMode="PAY_PER_REQUEST",
                StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
            )
            for start in range(0, size, 25):
                client.batch_write_item(
                    RequestItems={
                        "bench": [
                            {"PutRequest": {"Item": {"pk": {"S": f"i{i}"}, "body": {"S": "x" * 200}}}}
                            for i in range(start, min(size, start + 25))
                        ]
                    }
                )

            def writes(round_: int) -> list[dict[str, Any]]:
                return [
                    {"Put": {"TableName": "bench", "Item": {"pk": {"S": f"t{round_}-{n}"}, "n": {"N": "1"}}}}
                    for n in range(100)
                ]

            started = time.perf_counter()
            for round_ in range(TRANSACTIONS):
                client.transact_write_items(TransactItems=writes(round_))
            elapsed = (time.perf_counter() - started) / TRANSACTIONS
            tracemalloc.start()  # a separate transaction: tracing slows allocation (timing without it)
            client.transact_write_items(TransactItems=writes(TRANSACTIONS))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            return elapsed, peak / 1e6
        finally:
            DynamoDBBackend.transact_write_items = original  # type: ignore[method-assign]


def _measured(size: int, journaled: bool) -> tuple[float, float]:
    """`_run` in a new interpreter, where nothing of the local runtime is installed yet."""
    code = (
        f"import json; from bench.moto_transactions import _run; print(json.dumps(_run({size}, {journaled})))"
    )
    root = Path(__file__).parents[1]
    done = subprocess.run(  # fixed command line
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    elapsed, peak = json.loads(done.stdout.strip().splitlines()[-1])
    return float(elapsed), float(peak)


def report() -> list[str]:
    lines = ["moto TransactWriteItems of 100 puts (per transaction; copied tables vs journal, same run):"]
    for size in SIZES:
        copied_s, copied_mb = _measured(size, journaled=False)
        journal_s, journal_mb = _measured(size, journaled=True)
        lines.append(
            f"  table of {size:>5,} items: {copied_s * 1000:7.0f} ms, peak {copied_mb:6.1f} MB  ->  "
            f"{journal_s * 1000:5.0f} ms, peak {journal_mb:5.1f} MB  "
            f"({copied_s / journal_s:4.0f}x faster, {copied_mb / max(journal_mb, 0.01):4.0f}x less memory)"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
