"""Notify v2 vs /v1: the cost of one authenticated SMS send through each, side by side in one run.

Through the real template wiring under moto (bench.calls): AWS calls per send, by function, and the
time through the local gateway. /v1 is shown with API Gateway's 30 s authorizer cache warm (the
usual case) and cold (every send pays the authorizer); /v2 is never cached (every token is
verified: freshness, signature, replay), so each send pays the authorizer's replay write, and the
service's keys are read once per container per 30 s ("cold key"). Sends alternate so both see the
same table sizes.
"""

import time
import uuid
from datetime import UTC, datetime
from statistics import median
from typing import Any

from bench.calls import CallCounter, local_platform, org_key

SENDS = 20
PHONE = "+1 514 555 0100"  # simulated: never reaches a provider
MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)


def _uuid(ulid: str) -> str:
    alphabet, value = "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 0
    for char in ulid:
        value = value * 32 + alphabet.index(char)
    return str(uuid.UUID(int=value))


def _setup(runtime: Any) -> tuple[str, str, str]:
    from numeriqc.core import aws
    from numeriqc.core.secrets import pepper
    from numeriqc.organizations import notify_keys
    from numeriqc.organizations.adapters.notify_keys import NotifyKeyStore

    key = org_key(runtime)
    auth = {"Authorization": f"Bearer {key}"}
    template = runtime.http(
        "POST",
        "/v1/templates",
        headers=auth,
        json={"channel": "sms", "name": "b", "body": "Bonjour ((nom))."},
    ).json()["template_id"]
    consent = {"channel": "sms", "recipient": PHONE, "purpose": "rappels", "source": "bench"}
    assert runtime.http("POST", "/v1/consents", headers=auth, json=consent).status == 201
    store = NotifyKeyStore(aws.client("dynamodb"), runtime.names["OrganizationsTable"])
    api_key = notify_keys.create_key(
        store, pepper(runtime.names["Pepper"]), org_id="bench", name="bench", kind="live"
    ).key
    return key, api_key, template


def _token(api_key: str, now: datetime) -> str:
    """What an official client signs: HS256, iss = the service id, iat = whole seconds."""
    import base64
    import hashlib
    import hmac
    import json

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    head = b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
    claims = b64(json.dumps({"iss": api_key[-73:-37], "iat": int(now.timestamp())}).encode())
    signature = hmac.new(api_key[-36:].encode(), f"{head}.{claims}".encode(), hashlib.sha256).digest()
    return f"{head}.{claims}.{b64(signature)}"


def report() -> list[str]:
    from numeriqc.core import clock

    with local_platform() as (runtime, counter):
        runtime.clock.set(MORNING)
        clock.use(runtime.clock, runtime.clock.advance)
        try:
            return _measure(runtime, counter)
        finally:
            clock.use(None)


def _measure(runtime: Any, counter: CallCounter) -> list[str]:
    key, api_key, template = _setup(runtime)
    v1_body = {"template_id": template, "phone_number": PHONE, "personalisation": {"nom": "Zoé"}}
    v2_body = {**v1_body, "template_id": _uuid(template)}
    runs: dict[str, list[tuple[int, float, dict[str, int]]]] = {"v1 warm": [], "v1 cold": [], "v2": []}
    last: dict[str, str] = {}

    def send(name: str) -> None:
        runtime.clock.advance(1.1)  # a new token each time (the clients' iat is whole seconds)
        if name == "v1 cold":
            runtime.gateway.forget_authorizations()
        if name == "v2":
            path, headers, body = (
                "/v2/notifications/sms",
                {"Authorization": f"Bearer {_token(api_key, runtime.clock())}"},
                v2_body,
            )
        else:
            path, headers, body = "/v1/notifications/sms", {"Authorization": f"Bearer {key}"}, v1_body
        counter.reset()
        started = time.perf_counter()
        answer = runtime.http("POST", path, headers=headers, json=body)
        elapsed = time.perf_counter() - started
        assert answer.status == 201, answer.text
        runs[name].append((counter.total, elapsed, dict(counter.functions)))
        last[name] = counter.describe()

    send("v1 warm")  # warm the /v1 authorizer cache and every container
    send("v2")
    for run in runs.values():
        run.clear()
    for _ in range(SENDS):
        for name in runs:
            send(name)

    # The cold key: a fresh container cache, one /v2 request, the authorizer's reads.
    from numeriqc.organizations import deps

    def authorizer_calls() -> tuple[int, str]:
        runtime.clock.advance(1.1)
        counter.reset()
        headers = {"Authorization": f"Bearer {_token(api_key, runtime.clock())}"}
        answer = runtime.http("GET", "/v2/templates", headers=headers)
        assert answer.status == 200, answer.text
        return counter.of("Authorizer"), counter.describe()

    deps._NOTIFY_KEYS_SEEN.clear()  # a new container: the service's keys are not cached
    cold, cold_calls = authorizer_calls()
    warm, _ = authorizer_calls()

    lines = [f"Notify v2 vs /v1, one SMS send ({SENDS} each, alternating; AWS calls per send, median time)"]
    base = median(elapsed for _, elapsed, _ in runs["v1 warm"])
    for name, run in runs.items():
        calls = median(total for total, _, _ in run)
        authorizer = median(functions.get("Authorizer", 0) for _, _, functions in run)
        elapsed = median(elapsed for _, elapsed, _ in run)
        lines.append(
            f"  {name:8} {calls:5.1f} calls ({authorizer:.0f} by the authorizer), "
            f"{elapsed * 1000:6.1f} ms through the local gateway ({elapsed / base:.2f}x v1 warm); "
            f"last: {last[name]}"
        )
    lines.append(
        f"  /v2 authorizer: {cold} calls on a cold key, {warm} on a warm one "
        f"(cold GET /v2/templates, whole request: {cold_calls})"
    )
    return lines


if __name__ == "__main__":
    from bench.__main__ import quiet_functions

    quiet_functions()
    print("\n".join(report()))
