"""`slow_requests`: what overlapped a slow request, per kind, from the spans the dev server records."""

from __future__ import annotations

from typing import Any

from numeriqc_local.aws.serialized import serialized
from numeriqc_local.functions import slow_requests
from numeriqc_local.functions.turns import Turns

# Far from any real `perf_counter` reading, so spans recorded by other tests never overlap.
T = -1_000_000.0


def test_a_slow_request_is_explained_by_what_overlapped_it_longest_kind_first() -> None:
    slow_requests.record(T + 0.0, T + 0.3, "emulator-bg", "TransactWriteItems")
    slow_requests.record(T + 0.5, T + 0.6, "emulator-bg", "ReceiveMessage")
    slow_requests.record(T + 0.7, T + 2.0, "gc", "gen2")  # ends after the request: its overlap counts
    slow_requests.record(T - 5.0, T - 4.0, "gc", "gen2")  # before it: left out

    explained = slow_requests.explain(T + 0.1, T + 1.2)

    assert explained == (
        "gc 0.50s/1 (longest 1.30s gen2); emulator-bg 0.30s/2 (longest 0.30s TransactWriteItems)"
    )


def test_nothing_overlapping_is_said_so() -> None:
    assert slow_requests.explain(T - 100.0, T - 99.0) == "nothing recorded overlapped it"


def test_each_moto_call_is_recorded_by_name_and_by_whose_it_was() -> None:
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", [])
        return [b"{}"]

    answer = serialized(app)
    environ = {"HTTP_X_AMZ_TARGET": "DynamoDB_20120810.TransactWriteItems", "REQUEST_METHOD": "POST"}
    answer(environ, lambda status, headers: None)
    with Turns().background():
        answer({"REQUEST_METHOD": "GET", "HTTP_HOST": "sqs.ca-central-1.amazonaws.com"}, lambda *_: None)

    recorded = [(kind, label) for _, _, kind, label in list(slow_requests._spans)[-4:]]
    assert recorded == [
        ("emulator-wait", "TransactWriteItems"),
        ("emulator", "TransactWriteItems"),
        ("emulator-bg-wait", "GET sqs"),
        ("emulator-bg", "GET sqs"),
    ]
