"""A bulk through `make dev`, as a user runs it: peak memory of the dev server, API latency meanwhile.

A real `numeriqc dev` process (no snapshot: NUMERIQC_PERSIST=0) gets a bulk of SMS or email rows
from the demo organization's live key, as an organization would send one: first its citizens'
consents (POST /v1/consents/imports, 1,000 rows per call, timed apart), then the bulk, followed
through GET /v1/jobs/{id} until every row is in a final status, then until the local outbox holds
every message (GET /_local/outbox/counts); rows that end otherwise than `delivered` are printed with
their status. An earlier version sent from the test key without consents, and measured 10,000
refusals.
Meanwhile a client thread alternates GET /health and GET /v1/jobs/{id}; its p99 is reported. The
dev server's peak RSS is the kernel's high-water mark (VmHWM of /proc/<pid>/status).

Sizes: 1,000 SMS and 500 emails by default; `python -m bench --full` (or BENCH_FULL=1) runs the
issue's 100,000 SMS and 10,000 emails; `python -m bench.dev_bulk sms=100000` runs one size.
BENCH_PORT and BENCH_MOTO_PORT fix the server's ports; BENCH_HOME keeps its dev.log there (with
NUMERIQC_SLOW_SECONDS=0.8, each slow request says what it waited for).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from tests.support.dev_server import running_dev_server

READY_LIMIT_SECONDS = 180
FINAL = ("delivered", "permanent-failure", "temporary-failure", "technical-failure", "cancelled", "opted-out")


def _call(method: str, url: str, key: str | None = None, body: Any = None, timeout: float = 600) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=timeout) as answer:  # local dev server only
        return json.loads(answer.read() or b"null")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


PROBE_SECONDS = 1.0  # an uptime monitor's and a dashboard's pace, each call once a second


class _Prober(threading.Thread):
    """GET /health and GET /v1/jobs/{id}, each once a second, until stopped.

    Back to back (as before) the prober was itself the heaviest load on the dev server: /health
    probes every dependency, about 20 AWS calls, and it ran 20 times a second."""

    def __init__(self, url: str, key: str, job: str) -> None:
        super().__init__(daemon=True)
        self.url, self.key, self.job = url, key, job
        self.latencies: dict[str, list[float]] = {"health": [], "job": []}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            round_started = time.perf_counter()
            for name, path, key in (("health", "/health", None), ("job", f"/v1/jobs/{self.job}", self.key)):
                started = time.perf_counter()
                _call("GET", self.url + path, key, timeout=120)
                self.latencies[name].append(time.perf_counter() - started)
            # a client's pace, not a test's sleep
            self.stopped.wait(max(0.0, PROBE_SECONDS - (time.perf_counter() - round_started)))


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else float("nan")


def run_bulk(channel: str, rows: int) -> dict[str, Any]:
    # BENCH_HOME keeps the dev server's dev.log after the run (its slow requests say why they were)
    kept = os.environ.get("BENCH_HOME")
    with contextlib.nullcontext(kept) if kept else tempfile.TemporaryDirectory() as home:
        ports = {
            name: os.environ[f"BENCH_{name}"]
            for name in ("PORT", "MOTO_PORT")
            if os.environ.get(f"BENCH_{name}")
        }
        with running_dev_server(
            Path(home),
            args=[f"--set={setting}" for setting in OPERATOR_SETTINGS],
            env={"NUMERIQC_PERSIST": "0", **ports},
            limit_seconds=READY_LIMIT_SECONDS,
            stop_seconds=120,
        ) as server:
            key = server.values()["NUMERIQC_DEMO_LIVE_KEY"]
            return _bulk(server.url, key, channel, rows, server.pid)


CONSENTS_PER_IMPORT = 1000  # the import API's limit per call
# What an operator would set for a 100,000-row day, given as `numeriqc dev --set`: the daily limits
# above the bulk, and no pacing (moto answers at once; the deployed account's 20 SMS/s and 14
# emails/s would make the 100,000 SMS take 83 minutes, however fast the platform is).
OPERATOR_SETTINGS = (
    "DAILY_LIMIT_SMS=1000000",
    "DAILY_LIMIT_EMAIL=1000000",
    "SMS_RATE_PER_SECOND=0",
    "EMAIL_RATE_PER_SECOND=0",
)
# SMS wait outside the quiet hours (21:00-08:00 in Montréal): the local clock is set to 10:00.
DAYTIME = "T10:00:00-05:00"


def recipient_of(channel: str, i: int) -> str:
    return f"+1514{2_000_000 + i}" if channel == "sms" else f"citoyen{i}@example.com"


def import_consents(url: str, key: str, channel: str, rows: int) -> float:
    """Record each recipient's consent as the organization would, from its own records; seconds."""
    started = time.perf_counter()
    for first in range(0, rows, CONSENTS_PER_IMPORT):
        batch = [
            {
                "channel": channel,
                "recipient": recipient_of(channel, i),
                "purpose": "rappels",
                "given_at": "2026-01-05T09:00:00-05:00",
                "source": "formulaire-papier",
            }
            for i in range(first, min(rows, first + CONSENTS_PER_IMPORT))
        ]
        answer = _call("POST", f"{url}/v1/consents/imports", key, {"rows": batch})
        if answer["recorded"] + answer["already_present"] != len(batch):
            raise RuntimeError(f"consents refused: {answer['row_errors'][:3]}")
    return time.perf_counter() - started


def _bulk(url: str, key: str, channel: str, rows: int, pid: int) -> dict[str, Any]:
    if channel == "sms":
        template = {"channel": "sms", "name": "bench", "body": "Bonjour ((n)), votre rendez-vous est demain."}
        column = "phone_number"
    else:
        template = {"channel": "email", "name": "bench", "subject": "Rappel ((n))", "body": "Bonjour ((n))."}
        column = "email_address"
    _daytime(url)
    consents_s = import_consents(url, key, channel, rows)
    template_id = _call("POST", f"{url}/v1/templates", key, template)["template_id"]
    payload = {
        "template_id": template_id,
        "rows": [{column: recipient_of(channel, i), "n": str(i)} for i in range(rows)],
    }
    sent_before = _call("GET", f"{url}/_local/outbox/counts")[channel]["sent"]
    rss_before = _peak_rss_mb(pid)
    started = time.perf_counter()
    job = _call("POST", f"{url}/v1/notifications/bulk", key, payload)["job_id"]
    accepted = time.perf_counter() - started
    prober = _Prober(url, key, job)
    prober.start()
    try:
        answer = _follow(url, key, job, rows, started)
        outbox = _call("GET", f"{url}/_local/outbox/counts")[channel]
        while outbox["sent"] - sent_before < rows and time.perf_counter() - started < _limit(rows):
            time.sleep(0.5)  # the last receipts after the job's last status
            outbox = _call("GET", f"{url}/_local/outbox/counts")[channel]
    finally:
        prober.stopped.set()
        prober.join()
    elapsed = time.perf_counter() - started
    final = sum(n for status, n in answer["counts"].items() if status in FINAL)
    if final != rows or outbox["sent"] - sent_before != rows:
        raise RuntimeError(f"not every row was sent and final: {answer['counts']}, outbox {outbox}")
    return {
        "channel": channel,
        "rows": rows,
        "delivered": answer["counts"].get("delivered", 0),
        "other": _reasons(url, key, job, [status for status in answer["counts"] if status != "delivered"]),
        "in_outbox": outbox["sent"] - sent_before,
        "status": answer["status"],
        "consents_s": consents_s,
        "accepted_s": accepted,
        "elapsed_s": elapsed,
        "rate": rows / elapsed,
        "rss_ready_mb": rss_before,
        "rss_peak_mb": _peak_rss_mb(pid),
        "p99_health_s": _p99(prober.latencies["health"]),
        "p99_job_s": _p99(prober.latencies["job"]),
        "probes": len(prober.latencies["health"]) + len(prober.latencies["job"]),
    }


def _limit(rows: int) -> float:
    """How long a bulk may take: an hour, or 10 rows a second (a 100,000-row run on a shared machine
    was stopped at 87,500 by the hour)."""
    return max(3600.0, rows / 10)


def _reasons(url: str, key: str, job: str, statuses: list[str]) -> dict[str, dict[str, int]]:
    """For each status other than `delivered`: how many rows end there, by `failure_reason`."""
    found: dict[str, dict[str, int]] = {}
    for status in statuses:
        reasons: dict[str, int] = {}
        page: str | None = None
        while True:
            query = {"job_id": job, "status": status, "limit": "200", **({"page": page} if page else {})}
            answer = _call("GET", f"{url}/v1/notifications?{urllib.parse.urlencode(query)}", key)
            for item in answer["items"]:
                reason = item.get("failure_reason") or "(none)"
                reasons[reason] = reasons.get(reason, 0) + 1
            page = answer.get("next")
            if not page:
                break
        found[status] = reasons
    return found


def _daytime(url: str) -> None:
    """The local clock at 10:00 in Montréal, today or tomorrow (never backwards)."""
    from datetime import datetime, timedelta

    now = datetime.fromisoformat(_call("GET", f"{url}/_local/clock")["now"])
    for day in (now.date(), now.date() + timedelta(days=1)):
        moment = datetime.fromisoformat(day.isoformat() + DAYTIME)
        if moment > now:
            _call("POST", f"{url}/_local/clock/set?to={urllib.parse.quote(moment.isoformat())}")
            return


def _follow(url: str, key: str, job: str, rows: int, started: float) -> Any:
    """GET /v1/jobs/{id} until every row is final."""
    while True:
        answer = _call("GET", f"{url}/v1/jobs/{job}", key)
        done = sum(n for status, n in answer["counts"].items() if status in FINAL)
        if done >= rows or answer["status"] == "failed":
            return answer
        if time.perf_counter() - started > _limit(rows):
            raise RuntimeError(f"the bulk did not finish in {_limit(rows):.0f} s ({done}/{rows})")
        time.sleep(0.5)  # following a job as a user would


def full() -> bool:
    return "--full" in sys.argv or os.environ.get("BENCH_FULL", "") not in ("", "0")


def report() -> list[str]:
    sizes = [("sms", 100_000), ("email", 10_000)] if full() else [("sms", 1_000), ("email", 500)]
    lines = [
        "`make dev` under a bulk (live key, consents imported first; peak RSS of the dev server; "
        "p99 of API calls meanwhile)" + ("" if full() else "  [--full: 100,000 SMS and 10,000 emails]")
    ]
    for channel, rows in sizes:
        figures = run_bulk(channel, rows)
        lines.append(
            f"  {channel:5} x {rows:>7,}: {figures['delivered']:,} delivered {figures['other'] or ''}, "
            f"all in the outbox in "
            f"{figures['elapsed_s']:6.1f} s ({figures['rate']:5.0f}/s; "
            f"accepted in {figures['accepted_s']:.1f} s; "
            f"consents imported before, in {figures['consents_s']:.0f} s), peak RSS "
            f"{figures['rss_peak_mb']:6.0f} MB (ready: {figures['rss_ready_mb']:.0f}), p99 /health "
            f"{figures['p99_health_s'] * 1000:4.0f} ms, GET /v1/jobs/{{id}} "
            f"{figures['p99_job_s'] * 1000:4.0f} ms "
            f"({figures['probes']} probes)"
        )
    return lines


if __name__ == "__main__":
    for size in sys.argv[1:]:
        if size.startswith(("sms=", "email=")):
            kind, _, count = size.partition("=")
            print(run_bulk(kind, int(count)))
