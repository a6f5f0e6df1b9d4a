"""Notification service figures: platform AWS calls per message, planning throughput, bulk acceptance.

* Calls per message: an email bulk and an SMS bulk (100 and 250 recipients; 1,000 each with
  `--full`, bench/scale.py; per message, 100 emails read 7.28 calls against 6.94 for 1,000, and 250
  SMS 1.168 against 1.146, 2026-11-30) go through the real template wiring in-process against moto
  (the pytest fixture's runtime). Every AWS call the platform's functions make is counted with a
  botocore `before-call` hook on the kernel's session; the provider call (SES SendEmail, SNS
  Publish) is the unavoidable one and is reported apart. The local runtime's own polling (what
  Lambda's event source mappings do in AWS) uses other clients and is not counted. Email also runs
  the SES delivery receipts through the receipts function (moto emits no SES events: the bench
  publishes what SES would, on uncounted clients).
* Planning throughput: validate + render + count fragments, 100,000 rows, one core, pure logic.
* Acceptance: POST /v1/notifications/bulk with 100,000 JSON rows through the emulated API.
"""

import json
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from bench.calls import org_key, synthesized_template
from bench.scale import full

PROVIDER_CALLS = {("sesv2", "SendEmail"), ("sns", "Publish")}
MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)
# Recipients per bulk. An email costs ~0.2 s in-process (its SES receipt sets off the barometer's
# counting and the site's republication), so 1,000 emails took 400 s: --full only.
BULK = {"email": 100, "sms": 250}
FULL_BULK = 1_000


@contextmanager
def _platform() -> Iterator[Any]:
    import os

    import moto

    from numeriqc.core import clock as service_clock
    from numeriqc_local.account import FAKE_CREDENTIALS, REGION
    from numeriqc_local.clock import ManualClock
    from numeriqc_local.pytest_plugin import reset_kernel_caches
    from numeriqc_local.runtime import LocalRuntime

    saved = dict(os.environ)
    os.environ.update({**FAKE_CREDENTIALS, "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION})
    os.environ.pop("AWS_ENDPOINT_URL", None)
    mock = moto.mock_aws()
    mock.start()
    reset_kernel_caches()
    try:
        clock = ManualClock(MORNING)
        runtime = LocalRuntime(synthesized_template(), clock=clock)
        runtime.create_resources()
        service_clock.use(clock, clock.advance)
        yield runtime
    finally:
        service_clock.use(None)
        mock.stop()
        reset_kernel_caches()
        os.environ.clear()
        os.environ.update(saved)


class CallCounter:
    def __init__(self) -> None:
        self.calls: Counter[tuple[str, str]] = Counter()
        self.on = False

    def __call__(self, model: Any, **_: Any) -> None:
        if self.on:
            self.calls[(model.service_model.service_name, model.name)] += 1


def _consents(runtime: Any, channel: str, recipients: list[str]) -> None:
    """Consent records written straight to the table (setup, not measured)."""
    from numeriqc.core import aws
    from numeriqc.core.pii import keyed_hash
    from numeriqc.core.secrets import pepper
    from numeriqc.notifications.adapters.recipients import RECIPIENT_PURPOSE
    from numeriqc.notifications.adapters.table import NotificationsTable

    store = NotificationsTable(aws.client("dynamodb"), runtime.names["NotificationsTable"])
    secret = pepper(runtime.names["Pepper"])
    items = []
    for recipient in recipients:
        rh = keyed_hash(recipient.lower() if channel == "email" else recipient, secret, RECIPIENT_PURPOSE)
        items.append(
            {
                "pk": "ORG#saaq",
                "sk": f"CONSENT#{channel}#{rh}",
                "rh": rh,
                "channel": channel,
                "purpose": "bench",
                "source": "bench",
                "status": "active",
                "given_at": MORNING.isoformat(),
            }
        )
    store.put_many(items)


def _ses_receipts(runtime: Any) -> int:
    """Publish a Delivery event for every notification in `sending`, as SES would (uncounted clients)."""
    import boto3

    dynamodb = boto3.client("dynamodb", region_name="ca-central-1")
    sns = boto3.client("sns", region_name="ca-central-1")
    topic = runtime.names.arn("NotificationsEmailEvents")
    paginator = dynamodb.get_paginator("query")
    count = 0
    for page in paginator.paginate(
        TableName=runtime.names["NotificationsTable"],
        KeyConditionExpression="pk = :pk AND begins_with(sk, :n)",
        ExpressionAttributeValues={":pk": {"S": "ORG#saaq"}, ":n": {"S": "N#"}},
    ):
        for item in page["Items"]:
            if item.get("status", {}).get("S") == "sending":
                event = {
                    "eventType": "Delivery",
                    "mail": {"tags": {"org": ["saaq"], "notification": [item["id"]["S"]]}},
                }
                sns.publish(TopicArn=topic, Message=json.dumps(event))
                count += 1
    return count


def calls_per_message(channel: str, count: int = 1000) -> dict[str, Any]:
    from numeriqc.core import aws

    with _platform() as runtime:
        counter = CallCounter()
        aws.session().events.register("before-call", counter)
        key = org_key(runtime, "saaq")
        headers = {"Authorization": f"Bearer {key}"}
        if channel == "email":
            body = {
                "channel": "email",
                "name": "b",
                "subject": "Rappel ((n))",
                "body": "Bonjour ((n)), **rappel**.",
            }
            recipients = [f"citoyen{i}@example.com" for i in range(count)]
            column = "email_address"
        else:
            body = {"channel": "sms", "name": "b", "body": "Bonjour ((n)), votre rendez-vous est demain."}
            recipients = [f"+1514234{i:04d}" for i in range(count)]
            column = "phone_number"
        template = runtime.http("POST", "/v1/templates", headers=headers, json=body).json()
        _consents(runtime, channel, recipients)
        rows = [{column: recipient, "n": str(i)} for i, recipient in enumerate(recipients)]
        counter.on = True
        started = time.perf_counter()
        answer = runtime.http(
            "POST",
            "/v1/notifications/bulk",
            headers=headers,
            json={"template_id": template["template_id"], "rows": rows},
        )
        assert answer.status == 201, answer.text
        runtime.drain(max_rounds=500)
        sent_calls = dict(counter.calls)
        receipts = 0
        if channel == "email":
            counter.on = False
            receipts = _ses_receipts(runtime)
            counter.on = True
            runtime.drain(max_rounds=500)
        elapsed = time.perf_counter() - started
        counter.on = False
        outbox = [message for message in runtime.outbox() if message.kind == channel]
        provider = sum(n for call, n in counter.calls.items() if call in PROVIDER_CALLS)
        overhead = sum(n for call, n in counter.calls.items() if call not in PROVIDER_CALLS)
        to_provider = sum(n for call, n in sent_calls.items() if call not in PROVIDER_CALLS)
        return {
            "channel": channel,
            "sent": len(outbox),
            "provider_calls": provider,
            "overhead_calls": overhead,
            "overhead_to_provider": to_provider,
            "receipts": receipts,
            "per_message": overhead / max(1, len(outbox)),
            "per_message_to_provider": to_provider / max(1, len(outbox)),
            "by_call": sorted(((f"{s}.{o}", n) for (s, o), n in counter.calls.items()), key=lambda x: -x[1]),
            "seconds": elapsed,
        }


def planning_throughput(rows: int = 100_000) -> dict[str, float]:
    from numeriqc.notifications import template_language as templates
    from numeriqc.notifications.bulk_jobs import validate_rows
    from numeriqc.notifications.models import Channel, Template

    now = datetime(2030, 1, 1, tzinfo=UTC)

    def template(channel: Channel, body: str, subject: str | None = None) -> Template:
        return Template(
            template_id="01J0000000000000000000000A",
            version=1,
            channel=channel,
            name="b",
            subject=subject,
            body=body,
            gsm7_safe=channel is Channel.SMS,
            placeholders=templates.placeholders(subject, body),
            created_at=now,
            updated_at=now,
        )

    sms = template(
        Channel.SMS,
        "[[fr]]Bonjour ((prénom)), votre permis expire le ((date)). ((urgent??Agissez vite.))[[/fr]]",
    )
    email = template(
        Channel.EMAIL,
        "# Rappel\n\nBonjour ((prénom)), votre **permis** expire le ((date)).\n\n* en ligne\n* au comptoir",
        "Rappel : ((date))",
    )
    results = {}
    sms_rows = [
        {
            "phone_number": f"514 234 {i % 10000:04d}",
            "prénom": f"Zoé {i}",
            "date": "1er mars",
            "urgent": "oui",
        }
        for i in range(rows)
    ]
    started = time.perf_counter()
    valid, errors, _ = validate_rows(sms, "fr", sms_rows, 612)
    results["sms"] = rows / (time.perf_counter() - started)
    assert len(valid) == rows and not errors
    email_rows = [
        {"email_address": f"citoyen{i}@example.com", "prénom": f"Zoé {i}", "date": "1er mars"}
        for i in range(rows)
    ]
    started = time.perf_counter()
    valid, errors, _ = validate_rows(email, "fr", email_rows, 612)
    for _, _, personalisation, _ in valid:
        templates.render_email(email.subject or "", email.body, templates.values_of(personalisation), "fr")
    results["email"] = rows / (time.perf_counter() - started)
    assert len(valid) == rows and not errors
    return results


def acceptance_seconds(rows: int = 100_000) -> dict[str, float]:
    with _platform() as runtime:
        key = org_key(runtime, "saaq")
        headers = {"Authorization": f"Bearer {key}"}
        body = {"channel": "sms", "name": "b", "body": "Bonjour ((n))."}
        template = runtime.http("POST", "/v1/templates", headers=headers, json=body).json()
        data = [{"phone_number": f"+1514234{i % 10000:04d}", "n": str(i)} for i in range(rows)]
        payload = {"template_id": template["template_id"], "rows": data}
        size = len(json.dumps(payload))
        started = time.perf_counter()
        answer = runtime.http("POST", "/v1/notifications/bulk", headers=headers, json=payload)
        elapsed = time.perf_counter() - started
        assert answer.status == 201, answer.text[:500]
        return {"seconds": elapsed, "megabytes": size / 1e6, "slices": -(-rows // 2000)}


def report() -> list[str]:
    lines = ["Notifications"]
    for channel in ("email", "sms"):
        count = FULL_BULK if full() else BULK[channel]
        figures = calls_per_message(channel, count)
        lines.append(
            f"  {channel} bulk of {count:,}: {figures['sent']} sent, "
            f"{figures['provider_calls']} provider calls; "
            f"platform overhead {figures['per_message']:.3f} AWS calls per message "
            f"({figures['per_message_to_provider']:.3f} up to the provider call"
            + (f", the rest for {figures['receipts']} SES receipts" if figures["receipts"] else "")
            + f"), {figures['seconds']:.1f} s in-process"
            + ("" if full() else f"  [--full: {FULL_BULK:,}]")
        )
        lines.append("    " + ", ".join(f"{name} {n}" for name, n in figures["by_call"]))
    throughput = planning_throughput()
    lines.append(
        f"  planning 100,000 rows on one core: SMS {throughput['sms']:,.0f} recipients/s "
        f"(validate, E.164, render, GSM-7/fragments), email {throughput['email']:,.0f} recipients/s "
        "(validate, render text + HTML)"
    )
    accepted = acceptance_seconds()
    lines.append(
        f"  accepting a 100,000-row bulk ({accepted['megabytes']:.1f} MB of JSON, {accepted['slices']:.0f} "
        f"planning slices): {accepted['seconds']:.1f} s through the emulated API"
    )
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
