"""Feedback: AWS calls per accepted submission, per aggregate read (after 10 and 10,000 submissions),
and export throughput, measured through the real template wiring under moto (bench.calls).

Calls are counted with botocore hooks on the functions' session, so they are what a deployed
function pays for; the local runtime's own polling (stream GetRecords, SQS receives) is not counted,
as Lambda's event source mappings do that for free in AWS.

Sizes: the export through moto takes 4,000 rows (2 Query pages) and the worker's pipeline 100,000
rows; `--full` (bench/scale.py) runs 20,000 and 300,000, the sizes docs/feedback.md quotes. The
moto rate falls with the size (moto's Query re-reads the partition for every page), the pipeline's
does not. FEEDBACK_BENCH_ROWS sets the moto export's size; FEEDBACK_BENCH_SUBMISSIONS (default
10000) the volume behind the second aggregate read.
"""

import os
import time
from typing import Any

from bench.calls import CallCounter, local_platform, org_key
from bench.scale import full
from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.dynamo import to_item
from numeriqc.feedback import aggregates
from numeriqc.feedback.adapters.table import aggregate_sk, feedback_sk, service_pk

SUBMISSIONS = 50  # per-submission counts; each submission's events cost ~0.1 s to drain in moto
# moto's Query re-reads and sorts the whole partition for every 1 MB page, so an export through
# moto is quadratic in its size: the moto figure uses 4,000 rows (20,000 with --full), and 100,000
# rows (300,000) go through the worker's own pipeline (rows -> CSV -> S3 parts) from memory.
MOTO_EXPORT_ROWS = int(os.environ.get("FEEDBACK_BENCH_ROWS") or (20_000 if full() else 4_000))
EXPORT_ROWS = 300_000 if full() else 100_000
VOLUME = int(os.environ.get("FEEDBACK_BENCH_SUBMISSIONS", "10000"))
SERVICE = "bench.service"


def _submit(runtime: Any, index: int) -> None:
    import json

    from numeriqc_local.http.events import HttpRequest

    body = json.dumps(
        {"service_id": SERVICE, "rating": index % 5 + 1, "comment": f"Avis {index}: merci"}
    ).encode()
    headers = (("content-type", "application/json"), ("content-length", str(len(body))))
    ip = f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}"
    response = runtime.handle(HttpRequest("POST", "/v1/feedback", "", headers, body, source_ip=ip))
    assert response.status == 201, response.text


def _aggregate_calls(runtime: Any, key: str, counter: CallCounter) -> tuple[int, int]:
    runtime.gateway.forget_authorizations()  # both reads pay the authorizer alike
    counter.reset()
    today = aggregates.local_day(runtime.clock()).isoformat()
    answer = runtime.http(
        "GET",
        f"/v1/services/{SERVICE}/aggregates",
        headers={"Authorization": f"Bearer {key}"},
        query={"period": "day", "since": today, "until": today},
    )
    assert answer.status == 200, answer.text
    return counter.total, answer.json()["total"]["count"]


def _add_volume(runtime: Any, count: int) -> None:
    """`count` more submissions' worth of counters, added in bulk to the same counter items (how they
    got there does not change what a read costs; moto's transactions copy the whole table on each
    call, which would make replaying them one by one quadratic here, not in AWS)."""
    client = aws.client("dynamodb")
    table = runtime.names["FeedbackTable"]
    for period, label in aggregates.counter_keys(runtime.clock()):
        client.update_item(
            TableName=table,
            Key=to_item({"pk": service_pk(SERVICE), "sk": aggregate_sk(period, label)}),
            UpdateExpression="ADD #n :n, #sum :sum, #r3 :n",
            ExpressionAttributeNames={"#n": "n", "#sum": "sum", "#r3": "r3"},
            ExpressionAttributeValues=to_item({":n": count, ":sum": 3 * count}),
        )


def _row(index: int) -> dict[str, Any]:
    feedback_id = f"01KF{index:022d}"
    return {
        "pk": service_pk("bench.export"),
        "sk": feedback_sk(feedback_id),
        "feedback_id": feedback_id,
        "org_id": "bench",
        "service_id": "bench.export",
        "rating": index % 5 + 1,
        "drivers": {"ease": "negative"},
        "comment": f"Commentaire {index} : trop long, écrit à [courriel].",
        "has_comment": True,
        "removed": ["email"],
        "language": "fr",
        "channel": "web",
        "status": "new",
        "received_at": "2026-01-15T14:00:00+00:00",
    }


def export_rows_per_second(rows: int) -> tuple[float, float, int, str]:
    """The exporter's own code (ExportJobs.run: Query pages -> CSV -> S3 multipart) against moto, on a
    table of `rows` submissions loaded with BatchWriteItem; not through the local runtime, whose
    stream poller would first replay all `rows` inserts."""
    import moto

    from numeriqc.feedback.adapters.exports_bucket import MultipartUpload
    from numeriqc.feedback.adapters.table import FeedbackStore
    from numeriqc.feedback.export_jobs import ExportJobs
    from numeriqc.feedback.models import ExportFormat

    with moto.mock_aws():
        aws.reset_clients()
        counter = CallCounter()
        aws.session().events.register("before-call", counter)  # before the clients copy the hooks
        client, s3 = aws.client("dynamodb"), aws.client("s3")
        client.create_table(
            TableName="export-bench",
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[{"AttributeName": name, "AttributeType": "S"} for name in ("pk", "sk")],
            BillingMode="PAY_PER_REQUEST",
        )
        s3.create_bucket(
            Bucket="export-bench", CreateBucketConfiguration={"LocationConstraint": "ca-central-1"}
        )
        started = time.perf_counter()
        for first in range(0, rows, 25):
            batch = [{"PutRequest": {"Item": to_item(_row(i))}} for i in range(first, min(first + 25, rows))]
            client.batch_write_item(RequestItems={"export-bench": batch})
        loaded = time.perf_counter() - started
        store = FeedbackStore(client, "export-bench")
        job = {
            "export_id": "01KF0000000000000000000000",
            "status": "queued",
            "format": "csv",
            "request": {"format": "csv", "service_id": "bench.export"},
            "created_at": "2026-01-15T14:00:00+00:00",
        }
        store.add_export("bench", job)
        counter.reset()
        started = time.perf_counter()
        done = ExportJobs(store).run(
            "bench",
            job["export_id"],
            lambda key, fmt: MultipartUpload(s3, "export-bench", key, ExportFormat(fmt)),
        )
        seconds = time.perf_counter() - started
        aws.session().events.unregister("before-call", counter)
        size = int((store.export("bench", job["export_id"]) or {})["bytes"])
        aws.reset_clients()
    assert done == rows
    return rows / seconds, loaded, size, counter.describe()


def pipeline_rows_per_second(rows: int) -> tuple[float, int, int]:
    """The worker's CPU side at full size: rows -> CSV -> parts of 8 MiB (what S3 receives)."""
    from numeriqc.feedback.export_rows import encode, parts
    from numeriqc.feedback.models import ExportFormat

    started = time.perf_counter()
    sizes = [len(part) for part in parts(encode((_row(index) for index in range(rows)), ExportFormat.CSV))]
    return rows / (time.perf_counter() - started), sum(sizes), len(sizes)


def report() -> list[str]:
    from numeriqc.core import clock

    with local_platform() as (runtime, counter):
        clock.use(runtime.clock, runtime.clock.advance)  # the functions' time is the runtime's manual clock
        key = org_key(runtime, "bench", {Scope.FEEDBACK_READ, Scope.FEEDBACK_MANAGE})
        headers = {"Authorization": f"Bearer {key}"}
        body = {"slug": "service", "name_fr": "Service", "name_en": "Service"}
        assert runtime.http("POST", "/v1/services", headers=headers, json=body).status == 201
        _submit(runtime, 0)  # cold start: the pepper is read once per container
        runtime.drain()
        counter.reset()
        for index in range(1, SUBMISSIONS + 1):
            _submit(runtime, index)
        api_calls = counter.describe()
        per_submission = counter.total / SUBMISSIONS
        counter.reset()
        runtime.drain(max_rounds=500)
        events_calls = counter.calls.get("events.PutEvents", 0)
        # 10 submissions behind the first read: the service's own, then the rest of the volume.
        runtime.clock.advance(86400)  # a fresh day, so its counters hold exactly what is added below
        for index in range(10):
            _submit(runtime, 10_000 + index)
        after_ten, count_ten = _aggregate_calls(runtime, key, counter)
        _add_volume(runtime, VOLUME - 10)
        runtime.drain()
        after_volume, count_volume = _aggregate_calls(runtime, key, counter)
    clock.use(None)
    return [
        f"feedback: AWS calls through the real wiring (moto, {SUBMISSIONS} warm submissions):",
        f"  per accepted submission (API): {per_submission:.2f}  [{api_calls}]",
        f"  events: {events_calls} PutEvents for {SUBMISSIONS} submissions "
        f"= {events_calls / SUBMISSIONS:.2f} per submission (received + low-rating, batches of 10)",
        f"  aggregate read after {count_ten:>6,} submissions in the day: {after_ten} AWS calls "
        "(authorizer GetItem + one Query)",
        f"  aggregate read after {count_volume:>6,} submissions in the day: {after_volume} AWS calls",
    ]


def export_report() -> list[str]:
    """The export's rates (durations: apart from `report`, whose figures are counts)."""
    rate, loaded, size, export_calls = export_rows_per_second(MOTO_EXPORT_ROWS)
    pipeline_rate, pipeline_size, part_count = pipeline_rows_per_second(EXPORT_ROWS)
    return [
        "feedback: export",
        f"  export through moto, {MOTO_EXPORT_ROWS:,} rows (CSV, {size / 1e6:.1f} MB): {rate:,.0f} rows/s "
        f"(loading took {loaded:.0f} s) [{export_calls}]" + ("" if full() else "  [--full: 20,000 rows]"),
        f"  export pipeline, {EXPORT_ROWS:,} rows (CSV, {pipeline_size / 1e6:.0f} MB, {part_count} parts "
        f"of 8 MiB): {pipeline_rate:,.0f} rows/s" + ("" if full() else "  [--full: 300,000 rows]"),
    ]


if __name__ == "__main__":
    print("\n".join([*report(), *export_report()]))
