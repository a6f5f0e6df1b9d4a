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
SCHEMA = {
    "type": "object",
    "properties": {"permit": {"type": "string"}, "points": {"type": "integer"}},
    "required": ["permit", "points"],
}


def _phase(counter: CallCounter, service: str) -> int:
    return sum(count for name, count in counter.calls.items() if name.startswith(f"{service}."))


def _run(consumers: int) -> dict[str, Any]:
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
            "schema": SCHEMA,
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
        for batch in range(BATCHES):
            messages = [{"data": {"permit": f"A{batch}{n}", "points": n}} for n in range(BATCH)]
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
        messages_total = BATCHES * BATCH
        assert received == messages_total * consumers, received
        return {
            "consumers": consumers,
            "total": counter.total / messages_total,
            "publish": publish / messages_total,
            "kms": _phase(counter, "kms") / messages_total,
            "sqs_per_consumer": _phase(counter, "sqs") / messages_total / consumers,
            "dynamodb": _phase(counter, "dynamodb") / messages_total,
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
    lines.append("  not visible here: SQS's own KMS GenerateDataKey, once per queue per 24 h")
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
