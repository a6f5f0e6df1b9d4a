"""Exchange: AWS calls per message from publish to each consumer's acknowledgment, with 1 and with
10 consumers, batches of 100, through the real template wiring under moto (bench.calls).

Counted on the functions' session: the API's publish (idempotency off), the stream consumer's fan-out,
the consumers' pulls and acknowledgments. KMS calls made by SQS itself for its server-side
encryption (one data key per queue per 24 h, KmsDataKeyReusePeriodSeconds) are not visible here and
are listed apart. The local runtime's own stream polling is free in AWS and not counted.
"""

from datetime import timedelta
from typing import Any

from bench.calls import CallCounter, local_platform, org_key
from numeriqc.core.auth import Scope

BATCHES = 10
BATCH = 100
# Large messages: 20 x 250 KB = 5 MB a request, under Lambda's 6 MB payload limit.
LARGE_BATCHES = 5
LARGE_BATCH = 20
LARGE_BYTES = 250_000
SCHEMA = {
    "type": "object",
    "properties": {"permit": {"type": "string"}, "points": {"type": "integer"}},
    "required": ["permit", "points"],
}


def _phase(counter: CallCounter, service: str) -> int:
    return sum(count for name, count in counter.calls.items() if name.startswith(f"{service}."))


def _run(consumers: int, batches: int = BATCHES, batch_size: int = BATCH, blob: int = 0) -> dict[str, Any]:
    """`blob` > 0: each message carries that many bytes more (over 200 KB: a claim check)."""
    from numeriqc.core import clock

    with local_platform() as (runtime, counter):
        clock.use(runtime.clock, runtime.clock.advance)
        scopes = {Scope.EXCHANGE_PUBLISH, Scope.EXCHANGE_CONSUME}
        owner = {"Authorization": f"Bearer {org_key(runtime, 'bench', scopes)}"}
        keys = [{"Authorization": f"Bearer {org_key(runtime, f'c{n}', scopes)}"} for n in range(consumers)]
        body = {
            "slug": "data",
            "name_fr": "Données",
            "name_en": "Data",
            "classification": {"availability": "low", "integrity": "medium", "confidentiality": "medium"},
            "tier": "internal",
            "schema": SCHEMA if not blob else {"type": "object"},
        }
        assert runtime.http("POST", "/v1/exchange/datasets", headers=owner, json=body).status == 201
        expiry = (runtime.clock() + timedelta(days=30)).isoformat()
        for n in range(consumers):
            grant = {"expires_at": expiry, "max_tier": "restricted"}
            assert (
                runtime.http(
                    "PUT", f"/v1/exchange/datasets/bench.data/grants/c{n}", headers=owner, json=grant
                ).status
                == 200
            )
        for key in keys:  # warm: each consumer's authorization is cached like API Gateway's
            runtime.http("GET", "/v1/exchange/datasets/bench.data/messages", headers=key)
        runtime.drain()
        counter.reset()
        for batch in range(batches):
            messages = [
                {"data": {"permit": f"A{batch}{n}", "points": n, **({"blob": "x" * blob} if blob else {})}}
                for n in range(batch_size)
            ]
            response = runtime.http(
                "POST",
                "/v1/exchange/datasets/bench.data/messages",
                headers=owner,
                json={"messages": messages},
            )
            assert response.status == 202, response.text
        publish = counter.total
        runtime.drain(max_rounds=500)
        received = 0
        for key in keys:
            while True:
                pulled = runtime.http("GET", "/v1/exchange/datasets/bench.data/messages", headers=key).json()
                if not pulled["items"]:
                    break
                received += len(pulled["items"])
                acks = sorted({item["ack_id"] for item in pulled["items"]})
                assert (
                    runtime.http(
                        "POST",
                        "/v1/exchange/datasets/bench.data/messages/ack",
                        headers=key,
                        json={"ack_ids": acks},
                    ).status
                    == 200
                )
        clock.use(None)
        messages_total = batches * batch_size
        assert received == messages_total * consumers, received
        return {
            "consumers": consumers,
            "total": counter.total / messages_total,
            "publish": publish / messages_total,
            "kms": _phase(counter, "kms") / messages_total,
            "sqs_per_consumer": _phase(counter, "sqs") / messages_total / consumers,
            "dynamodb": _phase(counter, "dynamodb") / messages_total,
            "s3": _phase(counter, "s3") / messages_total,
            "exchange": counter.of("Exchange") / messages_total,
            "functions": dict(counter.functions),
            "detail": counter.describe(),
        }


def report() -> list[str]:
    lines = [f"exchange: AWS calls per message, publish -> consumer ack ({BATCHES} batches of {BATCH})"]
    for consumers in (1, 10):
        figures = _run(consumers)
        lines += [
            f"  {consumers:>2} consumer(s): {figures['total']:.3f} calls/message in all "
            f"(publish {figures['publish']:.3f}); KMS {figures['kms']:.3f}/message (aim <= 0.01); "
            f"SQS {figures['sqs_per_consumer']:.3f}/message/consumer (aim <= 0.2); "
            f"DynamoDB {figures['dynamodb']:.3f}/message",
            f"     {figures['detail']}",
        ]
    large = _run(1, batches=LARGE_BATCHES, batch_size=LARGE_BATCH, blob=LARGE_BYTES)
    lines += [
        f"  large messages ({LARGE_BATCHES} batches of {LARGE_BATCH} x {LARGE_BYTES // 1000} KB, "
        "claim checks), "
        f"1 consumer: {large['exchange']:.3f} calls/message by the exchange functions "
        f"(publish {large['publish']:.3f}); {large['total']:.3f} with other services' reactions; "
        f"S3 {large['s3']:.3f}/message; KMS {large['kms']:.3f}/message; "
        f"SQS {large['sqs_per_consumer']:.3f}/message; DynamoDB {large['dynamodb']:.3f}/message",
        f"     {large['detail']}",
        f"     by function: {large['functions']}",
        "     plus, by the consumer, 1 S3 GET per large message on its presigned URL (signed locally)",
    ]
    lines.append("  not visible here: SQS's own KMS GenerateDataKey, once per queue per 24 h")
    lines.append("  nor S3's for SSE-KMS: one data key per bucket key period (bucket keys), not per object")
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
