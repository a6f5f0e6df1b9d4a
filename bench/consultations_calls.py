"""Consultations: AWS calls per answer (new and changed), per statement vote, and per results read
after 10 and 100,000 participations, through the real template wiring under moto (bench.calls).

The 100,000 participations behind the second read are added to the same counter records in bulk
(as feedback's bench does): how the counts got there does not change what a read costs, and
moto's transactions copy the whole table on each call, which makes replaying them one by one
quadratic here, not in AWS. The read's cost is the number of counter records: questions x groups
(region, age band) plus one per day, never the number of participants.
"""

import json
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bench.calls import CallCounter, local_platform, org_key
from numeriqc.core import aws
from numeriqc.core.auth import Scope
from numeriqc.core.dynamo import to_item

ANSWERS = 25  # the counts are exact: 25 requests give the same per-request figure as 50
VOLUME = 100_000
BODY = {
    "title": {"fr": "Banc d'essai", "en": "Bench"},
    "questions": [
        {
            "id": "q1",
            "type": "single",
            "text": {"fr": "Choix"},
            "options": [{"id": o, "label": {"fr": o}} for o in ("a", "b", "c")],
        },
        {"id": "q2", "type": "scale", "text": {"fr": "Note"}, "scale_min": 0, "scale_max": 10},
        {"id": "q3", "type": "statements", "text": {"fr": "Énoncés"}},
    ],
    "live_results": True,
}


def _put(runtime: Any, path: str, body: dict[str, Any], ip: str) -> None:
    from numeriqc_local.http.events import HttpRequest

    content = json.dumps(body).encode()
    headers = (("content-type", "application/json"), ("content-length", str(len(content))))
    response = runtime.handle(HttpRequest("PUT", path, "", headers, content, source_ip=ip))
    assert response.status == 200, response.text


def _results_calls(runtime: Any, key: str, cid: str, counter: CallCounter) -> tuple[int, str, int]:
    runtime.gateway.forget_authorizations()
    counter.reset()
    answer = runtime.http(
        "GET", f"/v1/consultations/{cid}/results", headers={"Authorization": f"Bearer {key}"}
    )
    assert answer.status == 200, answer.text
    return counter.total, counter.describe(), answer.json()["participants"]


def _add_volume(runtime: Any, cid: str, count: int) -> None:
    from numeriqc.consultations.adapters.table import consultation_pk

    client = aws.client("dynamodb")
    table = runtime.names["ConsultationsTable"]
    pk = consultation_pk(cid)
    for sk, cells in (
        ("TALLY#N#all", {"n": count}),
        ("TALLY#Q#all#q1", {"answered": count, "o:a": count}),
        ("TALLY#Q#all#q2", {"answered": count, "v:7": count}),
    ):
        names = {f"#c{i}": cell for i, cell in enumerate(cells)}
        client.update_item(
            TableName=table,
            Key=to_item({"pk": pk, "sk": sk}),
            UpdateExpression="ADD " + ", ".join(f"#c{i} :c{i}" for i in range(len(cells))),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=to_item({f":c{i}": v for i, v in enumerate(cells.values())}),
        )


def report() -> list[str]:
    from numeriqc.core import clock

    with local_platform() as (runtime, counter):
        clock.use(runtime.clock, runtime.clock.advance)
        key = org_key(runtime, "bench", {Scope.CONSULTATIONS_MANAGE})
        headers = {"Authorization": f"Bearer {key}"}
        cid = runtime.http("POST", "/v1/consultations", headers=headers, json=BODY).json()["consultation_id"]
        now = runtime.clock()
        window = {"opens_at": now.isoformat(), "closes_at": (now + timedelta(days=30)).isoformat()}
        assert (
            runtime.http("POST", f"/v1/consultations/{cid}/schedule", headers=headers, json=window).status
            == 200
        )
        statement = runtime.http(
            "POST", f"/v1/consultations/{cid}/statements", headers=headers, json={"text": {"fr": "Énoncé"}}
        ).json()["statement_id"]
        path = f"/v1/public/consultations/{cid}/answers"
        _put(runtime, path, {"participant": "warm" * 6, "answers": {"q1": "a"}}, "10.9.9.9")  # pepper, cold
        counter.reset()
        for index in range(ANSWERS):
            _put(
                runtime,
                path,
                {"participant": f"p{index:023d}", "answers": {"q1": "b", "q2": 5}, "region": "06"},
                f"10.0.{index // 256}.{index % 256}",
            )
        new_calls, new_detail = counter.total / ANSWERS, counter.describe()
        counter.reset()
        for index in range(ANSWERS):
            _put(
                runtime,
                path,
                {"participant": f"p{index:023d}", "answers": {"q1": "c", "q2": 9}, "region": "06"},
                f"10.1.{index // 256}.{index % 256}",
            )
        changed_calls, changed_detail = counter.total / ANSWERS, counter.describe()
        vote_path = f"/v1/public/consultations/{cid}/statements/{statement}/vote"
        counter.reset()
        for index in range(ANSWERS):
            _put(runtime, vote_path, {"participant": f"p{index:023d}", "vote": "agree"}, f"10.2.0.{index}")
        vote_calls, vote_detail = counter.total / ANSWERS, counter.describe()
        first, first_detail, first_people = _results_calls(runtime, key, cid, counter)
        _add_volume(runtime, cid, VOLUME - first_people)
        second, second_detail, second_people = _results_calls(runtime, key, cid, counter)
    clock.use(None)
    return [
        f"consultations: AWS calls through the real wiring (moto, {ANSWERS} warm requests each):",
        f"  per new answer: {new_calls:.2f}  [{new_detail}]",
        f"  per changed answer: {changed_calls:.2f}  [{changed_detail}]",
        f"  per statement vote: {vote_calls:.2f}  [{vote_detail}]",
        f"  results read after {first_people:>7,} participations: {first} calls  [{first_detail}]",
        f"  results read after {second_people:>7,} participations: {second} calls  [{second_detail}]",
    ]


REPLIES = 20  # as ANSWERS
QUEBEC = ZoneInfo("America/Toronto")
POLL = {
    "title": {"fr": "Sondage"},
    "eligibility": "sms-poll",
    "live_results": True,
    "questions": [
        {
            "id": "q",
            "type": "single",
            "text": {"fr": "Choix?"},
            "options": [{"id": o, "label": {"fr": o}} for o in ("a", "b", "c")],
        }
    ],
}


def _numbers(count: int) -> list[str]:
    return [f"+1514555{index:04d}" for index in range(count)]


def _reply(sns: Any, topic: str, number: str, body: str, message_id: str) -> None:
    message = {"originationNumber": number, "messageBody": body, "inboundMessageId": message_id}
    sns.publish(TopicArn=topic, Message=json.dumps(message))


def sms_report() -> list[str]:
    """AWS calls per SMS reply routed (InboundSms) and counted (SmsAnswers), new and changed."""
    import boto3

    from numeriqc.core import clock

    with local_platform() as (runtime, counter):
        clock.use(runtime.clock, runtime.clock.advance)
        noon = runtime.clock().astimezone(QUEBEC).replace(hour=12, minute=0, second=0) + timedelta(days=1)
        runtime.clock.set(noon)  # outside the SMS quiet hours
        key = org_key(
            runtime,
            "bench",
            {Scope.CONSULTATIONS_MANAGE, Scope.NOTIFICATIONS_MANAGE, Scope.NOTIFICATIONS_SEND},
        )
        headers = {"Authorization": f"Bearer {key}"}
        numbers = _numbers(REPLIES + 1)
        for number in numbers:
            body = {"channel": "sms", "recipient": number, "purpose": "sondages", "source": "formulaire-web"}
            assert runtime.http("POST", "/v1/consents", headers=headers, json=body).status == 201
        cid = runtime.http("POST", "/v1/consultations", headers=headers, json=POLL).json()["consultation_id"]
        now = runtime.clock()
        window = {"opens_at": now.isoformat(), "closes_at": (now + timedelta(days=3)).isoformat()}
        assert (
            runtime.http("POST", f"/v1/consultations/{cid}/schedule", headers=headers, json=window).status
            == 200
        )
        sent = runtime.http(
            "POST", f"/v1/consultations/{cid}/sms-poll", headers=headers, json={"phone_numbers": numbers}
        )
        assert sent.status == 202, sent.text
        runtime.drain()
        sns = boto3.client("sns")  # the citizens' replies: not a function's call, not counted
        topic = runtime.names.arn("NotificationsInboundSmsTopic")
        _reply(sns, topic, numbers[-1], "1", "warm")  # pepper and clients, cold
        runtime.drain()
        figures = []
        for label, value in (("new answer", "2"), ("changed answer", "3")):
            counter.reset()
            for index, number in enumerate(numbers[:REPLIES]):
                _reply(sns, topic, number, value, f"{label}-{index}")
            runtime.drain()
            routed, counted = counter.of("InboundSms") / REPLIES, counter.of("SmsAnswers") / REPLIES
            figures.append(
                f"  per {label}: routed {routed:.2f} + counted {counted:.2f}  [{counter.describe()}]"
            )
        results = runtime.http("GET", f"/v1/consultations/{cid}/results", headers=headers).json()
        assert results["questions"][0]["options"][2]["count"] == REPLIES, results
    clock.use(None)
    return [
        f"consultations: AWS calls per SMS poll reply (moto, {REPLIES} warm replies each):",
        *figures,
    ]


if __name__ == "__main__":
    print("\n".join([*report(), *sms_report()]))
