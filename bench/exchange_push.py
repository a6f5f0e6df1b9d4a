"""Exchange push: AWS calls per message from publish to each push consumer's 2xx, with 1 and with 10
consumers, batches of 100, through the real template wiring under moto (bench.calls).

Each consumer registered a push endpoint (a receiver on loopback, which the local runtime allows):
delivery sends each block's bundles to the work queue, the worker reads the grant, derives the
secret (the pepper once per container), POSTs, and records the figures. Counted on the functions'
session; the local runtime's own polling of the work queue (Lambda's event source mapping in AWS,
not billed as calls of the function) is not counted. The POSTs themselves are HTTP, not AWS calls.
"""

import http.server
import json
import threading
from datetime import timedelta
from typing import Any

from bench.calls import CallCounter, local_platform, org_key
from bench.exchange_calls import BATCH, BATCHES, SCHEMA
from numeriqc.core.auth import Scope


def _phase(counter: CallCounter, service: str) -> int:
    return sum(count for name, count in counter.calls.items() if name.startswith(f"{service}."))


class _Receiver:
    def __init__(self) -> None:
        self.events = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                receiver.events += len(json.loads(self.rfile.read(int(self.headers["content-length"]))))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def _run(consumers: int) -> dict[str, Any]:
    from numeriqc.core import clock

    receiver = _Receiver()
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
        for n, key in enumerate(keys):
            grant = {"expires_at": expiry, "max_tier": "restricted"}
            path = f"/v1/exchange/datasets/bench.data/grants/c{n}"
            assert runtime.http("PUT", path, headers=owner, json=grant).status == 200
            push = {"url": receiver.url}
            assert (
                runtime.http("PUT", "/v1/exchange/datasets/bench.data/push", headers=key, json=push).status
                == 201
            )
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
        clock.use(None)
        total = BATCHES * BATCH
        assert receiver.events == total * consumers, receiver.events
        receiver.server.shutdown()
        return {
            "total": counter.total / total,
            "publish": publish / total,
            "per_consumer": (counter.total - publish) / total / consumers,
            "kms": _phase(counter, "kms") / total,
            "sqs_per_consumer": _phase(counter, "sqs") / total / consumers,
            "dynamodb": _phase(counter, "dynamodb") / total,
            "exchange": counter.of("Exchange") / total,
            "functions": dict(counter.functions),
            "detail": counter.describe(),
        }


def report() -> list[str]:
    lines = [f"exchange push: AWS calls per message, publish -> endpoint 2xx ({BATCHES} batches of {BATCH})"]
    for consumers in (1, 10):
        f = _run(consumers)
        lines += [
            f"  {consumers:>2} push consumer(s): {f['total']:.3f} calls/message in all "
            f"(publish {f['publish']:.3f}); "
            f"{f['per_consumer']:.3f} per message per push consumer; KMS {f['kms']:.3f}/message; "
            f"SQS {f['sqs_per_consumer']:.3f}/message/consumer; DynamoDB {f['dynamodb']:.3f}/message",
            f"     by the exchange functions alone: {f['exchange']:.3f} calls/message",
            f"     by function: {f['functions']}",
            f"     {f['detail']}",
        ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
