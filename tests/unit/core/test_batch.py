"""The SQS consumer wrapper: a failed record is reported alone, and only its events are dropped."""

import json
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from numeriqc.core import events
from numeriqc.core.batch import consume, sns_message
from numeriqc.core.clock import FrozenClock
from numeriqc.core.events import CloudEvent, cloud_event, publishes_events


class FakeContext:
    """The few LambdaContext attributes Powertools may read; consume needs no more."""

    function_name = "test-consumer"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:ca-central-1:123456789012:function:test-consumer"
    aws_request_id = "request-1"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


class RecordingPublisher:
    def __init__(self) -> None:
        self.calls: list[list[CloudEvent]] = []

    def publish(self, published: Any) -> int:
        self.calls.append(list(published))
        return 1


def _sqs_event(*bodies: tuple[str, str]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": message_id,
                "receiptHandle": f"receipt-{message_id}",
                "body": body,
                "attributes": {
                    "ApproximateReceiveCount": "1",
                    "SentTimestamp": "1768485600000",
                    "SenderId": "AIDAEXAMPLE",
                    "ApproximateFirstReceiveTimestamp": "1768485600001",
                },
                "messageAttributes": {},
                "md5OfBody": "0" * 32,
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:ca-central-1:123456789012:work",
                "awsRegion": "ca-central-1",
            }
            for message_id, body in bodies
        ]
    }


def _handle(record: SQSRecord) -> None:
    """Emits an event named after the record, then fails if the record says so."""
    work = json.loads(record.body)
    events.current().emit(cloud_event("feedback", work["name"], "saaq", {}, clock=FrozenClock()))
    if work.get("fail"):
        raise RuntimeError("this record cannot be processed")


def test_a_failed_record_is_reported_by_its_message_id_and_only_its_events_are_dropped() -> None:
    publisher = RecordingPublisher()

    @publishes_events(lambda: publisher)  # type: ignore[arg-type, return-value]
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return consume(event, context, _handle)

    answer = handler(
        _sqs_event(
            ("m-1", json.dumps({"name": "first"})),
            ("m-2", json.dumps({"name": "broken", "fail": True})),
            ("m-3", json.dumps({"name": "third"})),
        ),
        FakeContext(),
    )

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m-2"}]}
    assert len(publisher.calls) == 1
    assert [event.type for event in publisher.calls[0]] == [
        "ca.qc.numeriqc.feedback.first.v1",
        "ca.qc.numeriqc.feedback.third.v1",
    ]


def test_a_batch_without_failures_reports_none() -> None:
    handled: list[str] = []

    def handle(record: SQSRecord) -> None:
        handled.append(record.message_id)

    with events.collected():
        answer = consume(_sqs_event(("m-1", "{}"), ("m-2", "{}")), FakeContext(), handle)  # type: ignore[arg-type]
    assert answer == {"batchItemFailures": []}
    assert handled == ["m-1", "m-2"]


def test_a_batch_that_failed_whole_is_answered_and_keeps_the_invocations_own_events() -> None:
    """Every record failed: each is reported (SQS retries them all), their events are dropped, and
    what the handler emitted at the invocation's level (facts already written) is still published."""
    publisher = RecordingPublisher()

    @publishes_events(lambda: publisher)  # type: ignore[arg-type, return-value]
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        invocation = events.current()

        def handle(record: SQSRecord) -> None:
            invocation.emit(cloud_event("feedback", "written", "saaq", {}, clock=FrozenClock()))
            _handle(record)

        return consume(event, context, handle)

    answer = handler(
        _sqs_event(
            ("m-1", json.dumps({"name": "lost-1", "fail": True})),
            ("m-2", json.dumps({"name": "lost-2", "fail": True})),
        ),
        FakeContext(),
    )

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m-1"}, {"itemIdentifier": "m-2"}]}
    assert [[event.type for event in call] for call in publisher.calls] == [
        ["ca.qc.numeriqc.feedback.written.v1", "ca.qc.numeriqc.feedback.written.v1"]
    ]


def test_sns_message_unwraps_an_sns_envelope() -> None:
    payload = {"Type": "reminder", "id": "01J", "texte": "Rappel: réunion à 14 h"}
    envelope = {
        "Type": "Notification",
        "MessageId": "sns-1",
        "TopicArn": "arn:aws:sns:ca-central-1:123456789012:feedback",
        "Message": json.dumps(payload, ensure_ascii=False),
    }
    assert sns_message(json.dumps(envelope)) == payload


def test_sns_message_passes_a_raw_payload_through() -> None:
    payload = {"Type": "reminder", "id": "01J", "Message": "not an envelope"}
    assert sns_message(json.dumps(payload)) == payload
    assert sns_message('{"id": "01J"}') == {"id": "01J"}
