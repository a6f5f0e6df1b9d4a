"""Asynchronous triggers of the local runtime behave as in AWS (hand-written templates, moto in-process)."""

import base64
import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import boto3
import pytest

from numeriqc_local.runtime import LocalRuntime
from numeriqc_local.triggers.rounds import DrainError, PollerFailed
from tests.support import local_handlers

Factory = Callable[..., LocalRuntime]


@pytest.fixture
def handlers() -> ModuleType:
    local_handlers.reset()
    return local_handlers


def function(handler: str, **extra: Any) -> dict[str, Any]:
    return {
        "Type": "AWS::Lambda::Function",
        "Properties": {
            "Handler": f"{local_handlers.__name__}.{handler}",
            "Runtime": "python3.12",
            "Timeout": 10,
            **extra,
        },
    }


def queue(**properties: Any) -> dict[str, Any]:
    return {"Type": "AWS::SQS::Queue", "Properties": properties}


def arn(logical_id: str) -> dict[str, Any]:
    return {"Fn::GetAtt": [logical_id, "Arn"]}


def messages(url: str) -> list[dict[str, Any]]:
    found = boto3.client("sqs").receive_message(
        QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"], WaitTimeSeconds=0
    )
    return list(found.get("Messages") or [])


def sqs_mapping_template(handler: str, report_failures: bool) -> dict[str, Any]:
    mapping: dict[str, Any] = {
        "EventSourceArn": arn("Jobs"),
        "FunctionName": {"Ref": "Worker"},
        "BatchSize": 10,
    }
    if report_failures:
        mapping["FunctionResponseTypes"] = ["ReportBatchItemFailures"]
    return {
        "Resources": {
            "JobsDlq": queue(),
            "Jobs": queue(RedrivePolicy={"deadLetterTargetArn": arn("JobsDlq"), "maxReceiveCount": 2}),
            "Worker": function(handler),
            "Mapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": mapping},
        }
    }


def test_partial_batch_failure_sends_only_the_failed_message_to_the_dlq(
    make_platform: Factory, handlers: ModuleType
) -> None:
    platform = make_platform(sqs_mapping_template("sqs_partial", report_failures=True))
    sqs = boto3.client("sqs")
    for body in ("ok-1", "poison", "ok-2"):
        sqs.send_message(QueueUrl=platform.names["Jobs"], MessageBody=body)

    platform.drain()

    delivered = [record["body"] for event in handlers.calls("sqs_partial") for record in event["Records"]]
    assert sorted(delivered) == ["ok-1", "ok-2", "poison", "poison"]  # maxReceiveCount 2, then the DLQ
    assert messages(platform.names["Jobs"]) == []
    assert [message["Body"] for message in messages(platform.names["JobsDlq"])] == ["poison"]


def test_without_partial_reporting_an_exception_fails_the_whole_batch(
    make_platform: Factory, handlers: ModuleType
) -> None:
    platform = make_platform(sqs_mapping_template("sqs_all_or_nothing", report_failures=False))
    sqs = boto3.client("sqs")
    for body in ("ok-1", "poison", "ok-2"):
        sqs.send_message(QueueUrl=platform.names["Jobs"], MessageBody=body)

    platform.drain()

    assert len(handlers.calls("sqs_all_or_nothing")) == 2
    assert sorted(message["Body"] for message in messages(platform.names["JobsDlq"])) == [
        "ok-1",
        "ok-2",
        "poison",
    ]


def test_a_failing_message_without_dlq_never_gets_quiet(make_platform: Factory, handlers: ModuleType) -> None:
    template = sqs_mapping_template("sqs_partial", report_failures=True)
    del template["Resources"]["JobsDlq"]
    del template["Resources"]["Jobs"]["Properties"]["RedrivePolicy"]
    platform = make_platform(template)
    boto3.client("sqs").send_message(QueueUrl=platform.names["Jobs"], MessageBody="poison")

    with pytest.raises(DrainError, match="Mapping"):
        platform.drain(max_rounds=5)


STREAM_TABLE = {
    "Type": "AWS::DynamoDB::Table",
    "Properties": {
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "BillingMode": "PAY_PER_REQUEST",
        "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
    },
}


def stream_template(handler: str, **mapping: Any) -> dict[str, Any]:
    return {
        "Resources": {
            "Items": STREAM_TABLE,
            "Watcher": function(handler),
            "Stream": {
                "Type": "AWS::Lambda::EventSourceMapping",
                "Properties": {
                    "EventSourceArn": {"Fn::GetAtt": ["Items", "StreamArn"]},
                    "FunctionName": {"Ref": "Watcher"},
                    "StartingPosition": "LATEST",
                    "BatchSize": 10,
                    **mapping,
                },
            },
        }
    }


def test_dynamodb_stream_delivers_inserts_modifies_and_removes(
    make_platform: Factory, handlers: ModuleType
) -> None:
    platform = make_platform(stream_template("record"))
    table = platform.names["Items"]
    dynamodb = boto3.client("dynamodb")
    dynamodb.put_item(TableName=table, Item={"pk": {"S": "a"}, "v": {"N": "1"}})
    dynamodb.put_item(TableName=table, Item={"pk": {"S": "a"}, "v": {"N": "2"}})
    dynamodb.delete_item(TableName=table, Key={"pk": {"S": "a"}})

    platform.drain()

    records = [record for event in handlers.calls("record") for record in event["Records"]]
    assert [record["eventName"] for record in records] == ["INSERT", "MODIFY", "REMOVE"]
    assert records[1]["dynamodb"]["OldImage"]["v"] == {"N": "1"}
    assert records[1]["dynamodb"]["NewImage"]["v"] == {"N": "2"}
    assert {record["eventSource"] for record in records} == {"aws:dynamodb"}
    assert records[0]["eventSourceARN"].startswith(
        f"arn:aws:dynamodb:ca-central-1:123456789012:table/{table}/stream/"
    )
    platform.drain()
    assert len(handlers.calls("record")) == 1  # nothing is delivered twice


def test_stream_partial_failure_retries_from_the_failed_record(
    make_platform: Factory, handlers: ModuleType
) -> None:
    platform = make_platform(
        stream_template("stream_partial", FunctionResponseTypes=["ReportBatchItemFailures"])
    )
    dynamodb = boto3.client("dynamodb")
    for key in ("a", "bad", "c"):
        dynamodb.put_item(TableName=platform.names["Items"], Item={"pk": {"S": key}})

    platform.drain()

    batches = [
        [r["dynamodb"]["Keys"]["pk"]["S"] for r in event["Records"]]
        for event in handlers.calls("stream_partial")
    ]
    assert batches == [["a", "bad", "c"], ["bad", "c"]]


def test_stream_retries_are_bounded_and_failures_go_to_the_destination(
    make_platform: Factory, handlers: ModuleType
) -> None:
    template = stream_template(
        "fail",
        MaximumRetryAttempts=1,
        DestinationConfig={"OnFailure": {"Destination": arn("StreamFailures")}},
    )
    template["Resources"]["StreamFailures"] = queue()
    platform = make_platform(template)
    boto3.client("dynamodb").put_item(TableName=platform.names["Items"], Item={"pk": {"S": "x"}})

    platform.drain()

    assert len(handlers.calls("fail")) == 2
    (failure,) = messages(platform.names["StreamFailures"])
    info = json.loads(failure["Body"])["DDBStreamBatchInfo"]
    assert info["batchSize"] == 1
    assert info["streamArn"].startswith("arn:aws:dynamodb:")


def test_scheduled_rule_fires_on_the_clock_and_on_tick(make_platform: Factory, handlers: ModuleType) -> None:
    template = {
        "Resources": {
            "Reminder": function("record"),
            "Every5": {
                "Type": "AWS::Events::Rule",
                "Properties": {
                    "ScheduleExpression": "rate(5 minutes)",
                    "State": "ENABLED",
                    "Targets": [{"Id": "t", "Arn": arn("Reminder"), "Input": '{"job": "remind"}'}],
                },
            },
        }
    }
    platform = make_platform(template)

    platform.drain()
    platform.clock.advance(299)  # type: ignore[attr-defined]
    platform.drain()
    assert handlers.calls("record") == []

    platform.clock.advance(2)  # type: ignore[attr-defined]
    platform.drain()
    assert handlers.calls("record") == [{"job": "remind"}]

    assert platform.tick() == 1
    assert handlers.calls("record") == [{"job": "remind"}, {"job": "remind"}]


def test_cron_rule_delivers_a_transformed_scheduled_event_to_sqs(
    make_platform: Factory, handlers: ModuleType
) -> None:
    template = {
        "Resources": {
            "Digest": queue(),
            "Nightly": {
                "Type": "AWS::Events::Rule",
                "Properties": {
                    "ScheduleExpression": "cron(0 3 * * ? *)",
                    "Targets": [
                        {
                            "Id": "q",
                            "Arn": arn("Digest"),
                            "InputTransformer": {
                                "InputPathsMap": {"kind": "$.detail-type", "when": "$.time"},
                                "InputTemplate": '{"kind": <kind>, "at": "<when>"}',
                            },
                        }
                    ],
                },
            },
        }
    }
    platform = make_platform(template)
    platform.tick()
    (message,) = messages(platform.names["Digest"])
    body = json.loads(message["Body"])
    assert body["kind"] == "Scheduled Event"
    assert body["at"].endswith("Z")


EVENTS_TEMPLATE: dict[str, Any] = {
    "Resources": {
        "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "test-bus"}},
        "FeedbackTopic": {"Type": "AWS::SNS::Topic"},
        "Inbox": queue(),
        "Audit": queue(),
        "InboxSubscription": {
            "Type": "AWS::SNS::Subscription",
            "Properties": {
                "TopicArn": {"Ref": "FeedbackTopic"},
                "Protocol": "sqs",
                "Endpoint": arn("Inbox"),
                "RawMessageDelivery": True,
                "FilterPolicyScope": "MessageBody",
                "FilterPolicy": {"orgid": ["saaq"]},
            },
        },
        "Consumer": function("record"),
        "FeedbackRule": {
            "Type": "AWS::Events::Rule",
            "Properties": {
                "EventBusName": {"Ref": "Bus"},
                "EventPattern": {"source": ["numeriqc.feedback"]},
                "Targets": [
                    {"Id": "topic", "Arn": {"Ref": "FeedbackTopic"}, "InputPath": "$.detail"},
                    {"Id": "fn", "Arn": arn("Consumer"), "InputPath": "$.detail"},
                    {
                        "Id": "audit",
                        "Arn": arn("Audit"),
                        "InputTransformer": {
                            "InputPathsMap": {"org": "$.detail.orgid", "type": "$.detail-type"},
                            "InputTemplate": '"<type> for <org>"',
                        },
                    },
                ],
            },
        },
    }
}


def put_feedback(orgid: str, bus: str = "test-bus", source: str = "numeriqc.feedback") -> None:
    detail = {"specversion": "1.0", "type": "ca.qc.numeriqc.feedback.received.v1", "orgid": orgid, "data": {}}
    boto3.client("events").put_events(
        Entries=[
            {
                "EventBusName": bus,
                "Source": source,
                "DetailType": detail["type"],
                "Detail": json.dumps(detail),
            }
        ]
    )


def test_rule_to_topic_with_input_path_reaches_only_matching_subscribers(
    make_platform: Factory, handlers: ModuleType
) -> None:
    platform = make_platform(EVENTS_TEMPLATE)
    put_feedback("saaq")
    put_feedback("mtq")
    put_feedback("saaq", source="numeriqc.other")

    platform.drain()

    inbox = [json.loads(message["Body"]) for message in messages(platform.names["Inbox"])]
    assert [(event["orgid"], event["type"]) for event in inbox] == [
        ("saaq", "ca.qc.numeriqc.feedback.received.v1")
    ]
    assert [event["orgid"] for event in handlers.calls("record")] == ["saaq", "mtq"]
    audit = sorted(message["Body"] for message in messages(platform.names["Audit"]))
    assert audit == [
        '"ca.qc.numeriqc.feedback.received.v1 for mtq"',
        '"ca.qc.numeriqc.feedback.received.v1 for saaq"',
    ]


def all_messages(url: str) -> list[dict[str, Any]]:
    found, batch = [], messages(url)
    while batch:
        found.extend(batch)
        batch = messages(url)
    return found


def test_a_rules_events_reach_a_topic_and_a_queue_ten_to_a_call(
    make_platform: Factory, handlers: ModuleType
) -> None:
    """One call per event made the rule shim the slowest consumer of a bulk (35,000 events behind at
    62,000 SMS): topics and queues take them in batches, a function one invocation each."""
    platform = make_platform(EVENTS_TEMPLATE)
    calls: dict[str, int] = {}

    def counted(model: Any, **_: Any) -> None:
        calls[model.name] = calls.get(model.name, 0) + 1

    for service in ("sns", "sqs"):
        platform.clients(service).meta.events.register(f"before-call.{service}", counted)
    for i in range(25):
        put_feedback("saaq" if i % 5 else "mtq")

    platform.drain()

    inbox = [json.loads(message["Body"])["orgid"] for message in all_messages(platform.names["Inbox"])]
    assert inbox == ["saaq"] * 20  # the topic's filter still applies to each event
    assert len(all_messages(platform.names["Audit"])) == 25
    assert len(handlers.calls("record")) == 25
    assert (calls.get("PublishBatch"), calls.get("Publish")) == (3, None)  # 10 + 10 + 5
    assert (calls.get("SendMessageBatch"), calls.get("SendMessage")) == (3, None)


def test_an_event_a_topic_refuses_goes_to_the_targets_dead_letter_queue_the_others_on(
    make_platform: Factory,
) -> None:
    template = copy.deepcopy(EVENTS_TEMPLATE)
    resources = template["Resources"]
    resources["Undelivered"] = queue()
    rule = resources["FeedbackRule"]["Properties"]
    rule["Targets"] = [{**rule["Targets"][0], "DeadLetterConfig": {"Arn": arn("Undelivered")}}]  # the topic
    platform = make_platform(template)
    for orgid in ("saaq", "x" * 300_000, "saaq"):  # SNS refuses a message over 256 KiB
        put_feedback(orgid)

    platform.drain()

    inbox = [json.loads(message["Body"])["orgid"] for message in all_messages(platform.names["Inbox"])]
    assert inbox == ["saaq", "saaq"]
    (refused,) = all_messages(platform.names["Undelivered"])
    assert json.loads(refused["Body"])["detail"]["orgid"] == "x" * 300_000
    assert "Message too long" in refused["MessageAttributes"]["ERROR_MESSAGE"]["StringValue"]


def test_an_unreadable_message_in_a_rule_shim_is_dropped_and_the_events_beside_it_delivered(
    make_platform: Factory, handlers: ModuleType
) -> None:
    """Only the local runtime writes to a shim's hidden queue, but a body that is not an event must
    not stop the rest of its batch, nor come back every round."""
    platform = make_platform(EVENTS_TEMPLATE)
    assert platform.created is not None
    (shim,) = [shim for shim in platform.created.shims if shim.owner == "FeedbackRule"]
    for body in ("not json", "[1, 2]"):
        boto3.client("sqs").send_message(QueueUrl=shim.queue_url, MessageBody=body)
    put_feedback("saaq")

    platform.drain()

    assert [event["orgid"] for event in handlers.calls("record")] == ["saaq"]
    assert messages(shim.queue_url) == []


def test_sns_to_lambda_subscription_goes_through_a_filtering_shim(
    make_platform: Factory, handlers: ModuleType
) -> None:
    template = {
        "Resources": {
            "Alerts": {"Type": "AWS::SNS::Topic"},
            "Pager": function("record"),
            "PagerSubscription": {
                "Type": "AWS::SNS::Subscription",
                "Properties": {
                    "TopicArn": {"Ref": "Alerts"},
                    "Protocol": "lambda",
                    "Endpoint": arn("Pager"),
                    "FilterPolicy": {"severity": ["high"]},
                },
            },
        }
    }
    platform = make_platform(template)
    sns = boto3.client("sns")
    for severity in ("low", "high"):
        sns.publish(
            TopicArn=platform.names["Alerts"],
            Message=f"{severity} alert",
            Subject="alert",
            MessageAttributes={"severity": {"DataType": "String", "StringValue": severity}},
        )

    platform.drain()

    (event,) = handlers.calls("record")
    (record,) = event["Records"]
    assert record["EventSource"] == "aws:sns"
    assert record["Sns"]["Message"] == "high alert"
    assert record["Sns"]["Subject"] == "alert"
    assert record["Sns"]["TopicArn"] == platform.names["Alerts"]
    assert record["Sns"]["MessageAttributes"]["severity"]["Value"] == "high"


def test_failed_async_invocations_are_retried_then_sent_to_the_functions_dlq(
    make_platform: Factory, handlers: ModuleType
) -> None:
    template = {
        "Resources": {
            "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "test-bus"}},
            "Dlq": queue(),
            "Broken": function("fail", DeadLetterConfig={"TargetArn": arn("Dlq")}),
            "Rule": {
                "Type": "AWS::Events::Rule",
                "Properties": {
                    "EventBusName": {"Ref": "Bus"},
                    "EventPattern": {"source": ["numeriqc.feedback"]},
                    "Targets": [{"Id": "fn", "Arn": arn("Broken")}],
                },
            },
        }
    }
    platform = make_platform(template)
    put_feedback("saaq")

    platform.drain()

    assert len(handlers.calls("fail")) == 3  # the first attempt and Lambda's 2 retries
    (dead,) = messages(platform.names["Dlq"])
    assert json.loads(dead["Body"])["detail"]["orgid"] == "saaq"
    assert dead["MessageAttributes"]["ErrorMessage"]["StringValue"] == "this handler always fails"


SCHEDULER_TEMPLATE: dict[str, Any] = {
    "Resources": {
        "Reminders": function("record"),
        "Digest": queue(),
        "Group": {"Type": "AWS::Scheduler::ScheduleGroup", "Properties": {"Name": "reminders"}},
        "Weekly": {
            "Type": "AWS::Scheduler::Schedule",
            "Properties": {
                "GroupName": {"Ref": "Group"},
                "ScheduleExpression": "cron(0 9 ? * MON *)",
                "ScheduleExpressionTimezone": "America/Toronto",
                "FlexibleTimeWindow": {"Mode": "OFF"},
                "Target": {
                    "Arn": arn("Digest"),
                    "RoleArn": "arn:aws:iam::123456789012:role/r",
                    "Input": "weekly",
                },
            },
        },
    }
}


def test_scheduler_schedules_created_at_run_time_fire_on_the_clock(
    make_platform: Factory, handlers: ModuleType
) -> None:
    platform = make_platform(SCHEDULER_TEMPLATE)
    # Wednesday 10:00 in Toronto: the next two hours cross no Monday 09:00 of the weekly schedule
    # (from the real clock, the test failed every Monday between 08:00 and 09:00).
    platform.clock.set(datetime(2030, 3, 6, 15, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    scheduler = boto3.client("scheduler")
    in_an_hour = platform.clock.now() + timedelta(hours=1)  # type: ignore[attr-defined]
    local = in_an_hour.astimezone(ZoneInfo("America/Toronto")).strftime("%Y-%m-%dT%H:%M:%S")
    role = "arn:aws:iam::123456789012:role/r"
    scheduler.create_schedule(
        Name="reminder-1",
        GroupName="reminders",
        ScheduleExpression=f"at({local})",
        ScheduleExpressionTimezone="America/Toronto",
        FlexibleTimeWindow={"Mode": "OFF"},
        ActionAfterCompletion="DELETE",
        Target={"Arn": platform.names.arn("Reminders"), "RoleArn": role, "Input": '{"reminder": 1}'},
    )
    scheduler.create_schedule(
        Name="hourly",
        ScheduleExpression="rate(1 hour)",
        FlexibleTimeWindow={"Mode": "OFF"},
        Target={"Arn": platform.names.arn("Digest"), "RoleArn": role, "Input": "hourly"},
    )

    platform.drain()
    assert handlers.calls("record") == []

    platform.clock.advance(3601)  # type: ignore[attr-defined]
    platform.drain()
    assert handlers.calls("record") == [{"reminder": 1}]
    assert [m["Body"] for m in messages(platform.names["Digest"])] == ["hourly"]
    names = {s["Name"] for s in scheduler.list_schedules()["Schedules"]}
    assert names == {"hourly", platform.names.name("Weekly")}  # the one-time schedule deleted itself

    platform.clock.advance(3600)  # type: ignore[attr-defined]
    platform.drain()
    assert handlers.calls("record") == [{"reminder": 1}]


def test_tick_fires_template_schedules_now(make_platform: Factory, handlers: ModuleType) -> None:
    platform = make_platform(SCHEDULER_TEMPLATE)
    assert platform.tick() == 1
    assert [m["Body"] for m in messages(platform.names["Digest"])] == ["weekly"]


def test_stream_records_reach_the_function_in_the_wire_shape_binary_as_base64(
    make_platform: Factory, handlers: ModuleType
) -> None:
    """Binary attributes, sets, nested maps: serialized as DynamoDB Streams does, through a filter too."""
    platform = make_platform(stream_template("record", FilterCriteria={"Filters": [{"Pattern": FILTER}]}))
    item = {
        "pk": {"S": "a"},
        "kind": {"S": "contact"},
        "ciphertext": {"B": b"\x00\xffsecret"},
        "parts": {"BS": [b"\x01", b"\x02"]},
        "n": {"N": "12.50"},
        "nested": {"M": {"blob": {"B": b"\x03"}, "list": {"L": [{"B": b"\x04"}, {"N": "7"}]}}},
    }
    dynamodb = boto3.client("dynamodb")
    dynamodb.put_item(TableName=platform.names["Items"], Item=item)
    dynamodb.put_item(TableName=platform.names["Items"], Item={"pk": {"S": "b"}, "kind": {"S": "other"}})

    platform.drain()

    ((record,),) = [event["Records"] for event in handlers.calls("record")]  # the filter kept one
    image = record["dynamodb"]["NewImage"]
    assert image["ciphertext"] == {"B": base64.b64encode(b"\x00\xffsecret").decode()}
    assert image["parts"] == {"BS": ["AQ==", "Ag=="]}
    assert image["n"] == {"N": "12.50"}
    assert image["nested"] == {"M": {"blob": {"B": "Aw=="}, "list": {"L": [{"B": "BA=="}, {"N": "7"}]}}}
    assert record["dynamodb"]["Keys"] == {"pk": {"S": "a"}}
    assert isinstance(record["dynamodb"]["ApproximateCreationDateTime"], int)
    assert (record["awsRegion"], record["eventVersion"]) == ("ca-central-1", "1.1")


FILTER = json.dumps({"dynamodb": {"NewImage": {"kind": {"S": ["contact"]}}}})


def test_a_refused_transaction_streams_nothing_and_the_stream_goes_on(
    make_platform: Factory, handlers: ModuleType
) -> None:
    """moto applies a transaction's writes before a later condition fails; the runtime makes it atomic."""
    platform = make_platform(stream_template("record"))
    table = platform.names["Items"]
    dynamodb = boto3.client("dynamodb")
    refused = [
        {"Put": {"TableName": table, "Item": {"pk": {"S": "written-before-the-check"}}}},
        {
            "Update": {
                "TableName": table,
                "Key": {"pk": {"S": "counter"}},
                "UpdateExpression": "ADD n :one",
                "ExpressionAttributeValues": {":one": {"N": "1"}},
            }
        },
        {
            "ConditionCheck": {
                "TableName": table,
                "Key": {"pk": {"S": "missing"}},
                "ConditionExpression": "attribute_exists(pk)",
            }
        },
    ]
    with pytest.raises(dynamodb.exceptions.TransactionCanceledException):
        dynamodb.transact_write_items(TransactItems=refused)
    platform.drain()
    assert handlers.calls("record") == []
    assert dynamodb.scan(TableName=table)["Items"] == []

    dynamodb.transact_write_items(TransactItems=refused[:2])  # accepted: both writes, in order
    dynamodb.put_item(TableName=table, Item={"pk": {"S": "later"}})
    platform.drain()

    keys = [r["dynamodb"]["Keys"]["pk"]["S"] for event in handlers.calls("record") for r in event["Records"]]
    assert keys == ["written-before-the-check", "counter", "later"]


class Raising:
    """A poller whose source is broken: it raises on every round."""

    name = "broken"

    def __init__(self) -> None:
        self.polls = 0

    def poll(self) -> int:
        self.polls += 1
        raise TypeError("Object of type bytes is not JSON serializable")


def test_one_failing_poller_never_stops_the_others(
    make_platform: Factory, handlers: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    platform = make_platform(stream_template("record"))
    broken = Raising()
    platform.triggers.pollers.insert(0, broken)  # polled first, every round
    dynamodb = boto3.client("dynamodb")
    dynamodb.put_item(TableName=platform.names["Items"], Item={"pk": {"S": "a"}})

    moved = platform.triggers.run_round()
    assert moved == {"stream:Stream": 1}
    dynamodb.put_item(TableName=platform.names["Items"], Item={"pk": {"S": "b"}})
    with pytest.raises(PollerFailed, match="broken"):
        platform.drain()  # everything else is drained first, then the failure is reported

    keys = [r["dynamodb"]["Keys"]["pk"]["S"] for event in handlers.calls("record") for r in event["Records"]]
    assert keys == ["a", "b"]
    assert broken.polls >= 3
    assert [failure.poller for failure in platform.triggers.failures] == ["broken"] * broken.polls
    errors = [record for record in caplog.records if record.levelname == "ERROR"]
    assert errors and all(
        "broken" in record.getMessage() and "TypeError" in record.getMessage() for record in errors
    )
