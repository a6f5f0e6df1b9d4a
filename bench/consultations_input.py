"""Consultations: the analysis input, old path against new, side by side in one run on moto.

Old path: every vote read back from the table (`Query` pages over `VOTE#`), as the analysis did
before the matrix file. New path (analysis.Analyses.compact): the matrix file (one `GetObject`),
the votes changed since the last run (`VLOG#`, here one minute at the consultation's rate limit,
3,000 changes), the new file (`PutObject`), its generation recorded (`UpdateItem`), the changes
forgotten (`TransactWriteItems` of 100), the old file deleted.

The votes are put in the table and the file in the bucket directly (setup, not measured): how they
got there does not change what reading them costs. AWS calls are the functions' own (bench.calls
counts only their session); times are CPU seconds (the machine is shared); the old path's peak
memory is tracemalloc's over the read, moto's answers included, so an upper bound; the new path's
own work (read, merge, write the file) is measured without AWS in a child process, at both sizes.

Caveats, moto vs AWS: moto answers a Query page by walking the partition, so its time per page
grows with the partition (AWS's does not); moto's S3 is in-process memory (AWS moves a 35 MB
object in roughly 0.3-0.5 s inside a region). The call counts are exact either way; the times are
this machine's, shared by several engineers, so upper bounds.

`python -m bench.consultations_input [--full]`: --full (bench/scale.py) reads 2,000 and 5,000 votes
through the old path instead of 1,000 and 2,000 (its cost per vote is the figure: about 2.5 ms in
moto either way), and adds 100,000 x 1,000 (3 million votes) to the new path through moto when
CONSULTATIONS_INPUT_MOTO_CHANGES is set. The function's own work at 3 million votes (no AWS, a
second) is in every run.
"""

import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bench.calls import CallCounter, local_platform, org_key
from bench.scale import full as full_run
from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.dynamo import to_item

# Votes read through the old path (CONSULTATIONS_INPUT_OLD="5000,20000" to change them).
OLD_SIZES = [
    int(n)
    for n in (
        os.environ.get("CONSULTATIONS_INPUT_OLD") or ("2000,5000" if full_run() else "1000,2000")
    ).split(",")
]
NEW_SIZES = [(10_000, 200)]
FULL_SIZES = [(100_000, 1_000)]
CHANGES = 3_000  # one minute at the default consultation rate (3,000 writes a minute)
# The new path through moto, with this many changes (0: skipped). Not the default: at 3,000 changes
# moto's handling of the 30 delete transactions grew this process past 9 GB (not investigated yet);
# the calls per run do not depend on the matrix's size, only on the changes (1 Query page per
# ~6,000, 1 transaction per 100).
MOTO_CHANGES = int(os.environ.get("CONSULTATIONS_INPUT_MOTO_CHANGES", "0"))
VOTES = ("agree", "disagree", "pass")


# The function's own work on the new path, no AWS at all, in a child process (its own peak memory):
# read the file, merge one minute of changes, write the file, hand the arrays to the model.
CHILD = """
import json, resource, sys, time
import numpy as np
from numeriqc.consultations import opinion_groups as og
from numeriqc.consultations.vote_matrix import VoteMatrix
n, m = int(sys.argv[1]), int(sys.argv[2])
votes, _ = og.planted(participants=n, statements=m, groups=4, votes_each=30, noise=0.1, seed=5)
codes = (votes.participants.astype(np.int64) << 32) | votes.statements.astype(np.int64)
order = np.argsort(codes)
people = [f"{i:064x}" for i in range(n)]
ids = [f"01JBENCH{j:018d}" for j in range(m)]
matrix = VoteMatrix(people, ids, codes[order], votes.values[order].astype(np.int8))
data = matrix.to_bytes()
rng = np.random.default_rng(9)
kinds = ("agree", "disagree", "pass")
changes = [
    (people[int(rng.integers(n))], ids[int(rng.integers(m))], kinds[int(rng.integers(3))])
    for _ in range(3000)
]
t0 = time.process_time()
loaded = VoteMatrix.from_bytes(data)
t1 = time.process_time()
merged = loaded.merged(changes)
t2 = time.process_time()
out = merged.to_bytes()
t3 = time.process_time()
v = merged.votes()
t4 = time.process_time()
found = {"votes": len(matrix), "file_mb": round(len(data) / 1e6, 1)}
found.update(read_s=round(t1 - t0, 3), merge_s=round(t2 - t1, 3), write_s=round(t3 - t2, 3))
found.update(to_votes_s=round(t4 - t3, 3))
found.update(peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
print(json.dumps(found))
"""


def _matrix_cpu(people: int, statements: int) -> str:
    import json
    import subprocess

    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(people), str(statements)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return (
        f"  new path, the function's own work at {people:,} x {statements:,} ({found['votes']:,} votes, "
        f"file {found['file_mb']} MB, {CHANGES:,} changes): read {found['read_s']} s, merge "
        f"{found['merge_s']} s, write {found['write_s']} s, to the model {found['to_votes_s']} s CPU; "
        f"peak {found['peak_mb']} MB (the planted matrix included)"
    )


def _voter(index: int) -> str:
    return f"{index:064x}"  # the shape of a voter's keyed hash (HMAC-SHA256, hex)


def _statement(index: int) -> str:
    return f"01JBENCH{index:018d}"  # the shape of a ULID


def _put_items(table: str, items: list[dict[str, Any]]) -> None:
    client = aws.client("dynamodb")
    for start in range(0, len(items), 25):
        requests = [{"PutRequest": {"Item": to_item(item)}} for item in items[start : start + 25]]
        while requests:
            answer = client.batch_write_item(RequestItems={table: requests})
            requests = answer.get("UnprocessedItems", {}).get(table, [])


def _say(line: str) -> str:
    """A figure as soon as it is measured (on stderr: the runs are long on a shared machine)."""
    print(line, file=sys.stderr, flush=True)
    return line


def _measure(
    counter: CallCounter, work: Callable[[], Any], traced: bool = True
) -> tuple[float, float, int, str, Any]:
    """CPU seconds of this process (moto's work included), peak traced MB (0 when not `traced`:
    tracing moto's handling of a 35 MB object costs gigabytes), calls, their detail."""
    counter.reset()
    if traced:
        tracemalloc.start()
    started = time.process_time()
    result = work()
    seconds = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if traced else 0.0
    if traced:
        tracemalloc.stop()
    return seconds, peak, counter.total, counter.describe(), result


def _open(runtime: Any, key: str) -> str:
    headers = {"Authorization": f"Bearer {key}"}
    body = {
        "title": {"fr": "Banc d'essai"},
        "questions": [{"id": "q1", "type": "statements", "text": {"fr": "Énoncés"}}],
    }
    cid = str(runtime.http("POST", "/v1/consultations", headers=headers, json=body).json()["consultation_id"])
    now = runtime.clock()
    window = {"opens_at": now.isoformat(), "closes_at": (now + timedelta(days=30)).isoformat()}
    assert (
        runtime.http("POST", f"/v1/consultations/{cid}/schedule", headers=headers, json=window).status == 200
    )
    return cid


def _analyses(runtime: Any) -> Any:
    """The analysis rule on the template's table and bucket, as deps builds it in the function."""
    from numeriqc.consultations.adapters.matrix_files import S3MatrixFiles
    from numeriqc.consultations.adapters.table import ConsultationStore
    from numeriqc.consultations.analysis import Analyses
    from numeriqc.core import clock

    store = ConsultationStore(aws.client("dynamodb"), runtime.names["ConsultationsTable"])
    files = S3MatrixFiles(aws.client("s3"), runtime.names["ConsultationsExportsBucket"])
    return store, files, Analyses(store, files, clock.now)


def _page_parse_seconds(items: int = 6_000) -> tuple[float, int]:
    """What the old path costs the function itself per Query page on AWS, network aside: botocore
    parsing a page of vote items (about 1 MB, DynamoDB's page size) and the store turning them into
    (voter, statement, vote). moto is not involved, so this is the real client cost on this CPU."""
    import json

    import botocore.session
    from botocore.parsers import create_parser

    from numeriqc.core.dynamo import from_item

    page = {
        "Items": [
            to_item(
                {
                    "pk": "CONS#01JBENCH",
                    "sk": f"VOTE#{_voter(i)}#{_statement(i % 30)}",
                    "kind": "vote",
                    "vote": "agree",
                }
            )
            for i in range(items)
        ],
        "Count": items,
        "ScannedCount": items,
    }
    body = json.dumps(page).encode()
    shape = botocore.session.get_session().get_service_model("dynamodb").operation_model("Query").output_shape
    parser = create_parser("json")
    started = time.process_time()  # CPU seconds: the machine is shared, wall time is not ours
    parsed = parser.parse({"body": body, "headers": {}, "status_code": 200}, shape)
    triples = []
    for raw in parsed["Items"]:
        item = from_item(raw)
        _, voter, statement_id = item["sk"].split("#", 2)
        triples.append((voter, statement_id, str(item["vote"])))
    return time.process_time() - started, len(body)


def _old_path(runtime: Any, counter: CallCounter, cid: str, table: str) -> list[str]:
    from numeriqc.consultations.adapters.table import consultation_pk

    store, _, _ = _analyses(runtime)

    lines = []
    pk, written = consultation_pk(cid), 0
    for size in OLD_SIZES:
        batch = [
            {
                "pk": pk,
                "sk": f"VOTE#{_voter(i // 30)}#{_statement(i % 30)}",
                "kind": "vote",
                "vote": VOTES[i % 3],
            }
            for i in range(written, size)
        ]
        _put_items(table, batch)
        written = size
        seconds, peak, calls, detail, votes = _measure(counter, lambda: store.votes(cid))
        assert len(votes) == size
        lines.append(
            _say(
                f"  old path, {size:>9,} votes: {seconds:6.2f} s CPU ({seconds / size * 1e6:5.1f} µs/vote), "
                f"peak {peak:5.0f} MB, {calls} calls [{detail}]"
                + ("" if full_run() or size != OLD_SIZES[-1] else "  [--full: 2,000 and 5,000 votes]")
            )
        )
    parse, page_bytes = _page_parse_seconds()
    pages = 3e6 / 6_000 * page_bytes / 1e6  # DynamoDB answers at most 1 MB a page
    lines.append(
        _say(
            f"  old path on AWS at 3,000,000 votes: {pages:,.0f} Query pages of 1 MB, one after the other "
            f"(each page's key leads to the next); parsing alone {parse / 6_000 * 1e6:.1f} µs CPU a vote "
            f"= {parse / 6_000 * 3e6:,.0f} s CPU, plus a round trip a page; moto: "
            f"{seconds / size * 3e6:,.0f} s at this machine's rate. The function's timeout is 120 s."
        )
    )
    return lines


def _new_path(runtime: Any, counter: CallCounter, cid: str, size: tuple[int, int]) -> str:
    import numpy as np

    from numeriqc.consultations import opinion_groups
    from numeriqc.consultations.adapters.table import consultation_pk
    from numeriqc.consultations.vote_matrix import VoteMatrix

    people, statements = size
    table = runtime.names["ConsultationsTable"]
    votes, _ = opinion_groups.planted(
        participants=people, statements=statements, groups=4, votes_each=30, noise=0.1, seed=5
    )
    codes = (votes.participants.astype(np.int64) << 32) | votes.statements.astype(np.int64)
    order = np.argsort(codes)
    matrix = VoteMatrix(
        [_voter(i) for i in range(people)],
        [_statement(j) for j in range(statements)],
        codes[order],
        votes.values[order].astype(np.int8),
    )
    data = matrix.to_bytes()
    _, files, analyses = _analyses(runtime)
    files.write(cid, "GEN0", data)
    pk = consultation_pk(cid)
    _put_items(table, [{"pk": pk, "sk": "#VOTES", "n": len(matrix) + MOTO_CHANGES, "matrix": "GEN0"}])
    rng = np.random.default_rng(9)
    changes = [
        {
            "pk": pk,
            "sk": f"VLOG#{_voter(int(rng.integers(people)))}#{_statement(int(rng.integers(statements)))}",
            "kind": "vote-change",
            "vote": VOTES[int(rng.integers(3))],
        }
        for _ in range(MOTO_CHANGES)
    ]
    _put_items(table, changes)
    pending = len({item["sk"] for item in changes})
    seconds, _peak, calls, detail, merged = _measure(
        counter, lambda: analyses.compact(cid, "GEN0"), traced=False
    )
    assert merged is not None and len(merged) >= len(matrix)
    return (
        f"  new path, {people:>7,} x {statements:>5,} ({len(matrix):>9,} votes, "
        f"file {len(data) / 1e6:.1f} MB, {pending:,} changed), through moto: {seconds:6.2f} s CPU, "
        f"{calls} calls [{detail}]"
    )


def report(full: bool | None = None) -> list[str]:
    from numeriqc.core import clock

    lines = ["consultations: analysis input, every vote from the table (old) vs the matrix file (new), moto:"]
    sizes = NEW_SIZES + (FULL_SIZES if (full_run() if full is None else full) else [])
    lines += [_say(_matrix_cpu(*size)) for size in NEW_SIZES + FULL_SIZES]  # no AWS: fast at any size
    with local_platform() as (runtime, counter):
        clock.use(runtime.clock, runtime.clock.advance)
        table = runtime.names["ConsultationsTable"]
        key = org_key(runtime, "bench", {Scope.CONSULTATIONS_MANAGE})
        lines += _old_path(runtime, counter, _open(runtime, key), table)
        for size in sizes if MOTO_CHANGES else []:
            lines.append(_say(_new_path(runtime, counter, _open(runtime, key), size)))
    clock.use(None)
    return lines


if __name__ == "__main__":
    from bench.__main__ import quiet_functions

    quiet_functions()
    print("\n".join(report(full="--full" in sys.argv)))
