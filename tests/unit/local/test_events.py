"""Event shapes the local runtime builds: HTTP API payload 2.0, authorizer, targets, SQS/SNS/streams."""

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc_local.http.events import (
    HttpRequest,
    RequestInfo,
    authorizer_event,
    function_response,
    http_event,
)
from numeriqc_local.http.gateway import cors_headers, identity_value, parse_authorizer_result
from numeriqc_local.template.wiring import AuthorizerDef
from numeriqc_local.triggers.events import dynamodb_record, scheduled_event, sns_record, sqs_record
from numeriqc_local.triggers.pollers import failed_items
from numeriqc_local.triggers.target_input import json_path, target_input

NOW = datetime(2026, 3, 2, 10, 7, 30, tzinfo=UTC)
INFO = RequestInfo("api123", "$default", "GET /v1/items/{item_id}", "req-1", NOW, {"item_id": "42"})
REQUEST = HttpRequest(
    method="GET",
    path="/v1/items/42",
    query="tag=a&tag=b&empty=",
    headers=(
        ("Authorization", "Bearer k"),
        ("X-Multi", "one"),
        ("x-multi", "two"),
        ("Cookie", "a=1; b=2"),
        ("User-Agent", "tests"),
    ),
)


def test_http_event_follows_payload_format_2() -> None:
    event = http_event(REQUEST, INFO, {"org_id": "saaq"})
    assert event["version"] == "2.0"
    assert event["routeKey"] == "GET /v1/items/{item_id}"
    assert event["rawPath"] == "/v1/items/42"
    assert event["rawQueryString"] == "tag=a&tag=b&empty="
    assert event["queryStringParameters"] == {"tag": "a,b", "empty": ""}
    assert event["headers"]["authorization"] == "Bearer k"
    assert event["headers"]["x-multi"] == "one,two"
    assert "cookie" not in event["headers"]
    assert event["cookies"] == ["a=1", "b=2"]
    assert event["pathParameters"] == {"item_id": "42"}
    assert event["isBase64Encoded"] is False
    assert "body" not in event
    context = event["requestContext"]
    assert context["http"] == {
        "method": "GET",
        "path": "/v1/items/42",
        "protocol": "HTTP/1.1",
        "sourceIp": "127.0.0.1",
        "userAgent": "tests",
    }
    assert context["stage"] == "$default"
    assert context["accountId"] == "123456789012"
    assert context["apiId"] == "api123"
    assert context["timeEpoch"] == int(NOW.timestamp() * 1000)
    assert context["time"] == "02/Mar/2026:10:07:30 +0000"
    assert context["authorizer"] == {"lambda": {"org_id": "saaq"}}


def test_http_event_omits_empty_parts() -> None:
    event = http_event(HttpRequest("GET", "/health"), RequestInfo("api", "$default", "GET /health", "r", NOW))
    assert {"cookies", "queryStringParameters", "pathParameters", "body"}.isdisjoint(event)
    assert "authorizer" not in event["requestContext"]


@pytest.mark.parametrize(
    ("content_type", "body", "encoded"),
    [
        ("application/json", b'{"a": "\xc3\xa9"}', False),
        ("application/problem+json; charset=utf-8", b"{}", False),
        ("text/csv", b"a,b", False),
        ("application/octet-stream", b"\x00\xff", True),
        ("application/x-www-form-urlencoded", b"a=1", True),
    ],
)
def test_http_event_body_is_text_or_base64(content_type: str, body: bytes, encoded: bool) -> None:
    request = HttpRequest("POST", "/x", headers=(("content-type", content_type),), body=body)
    event = http_event(request, INFO)
    assert event["isBase64Encoded"] is encoded
    assert (base64.b64decode(event["body"]) if encoded else event["body"].encode()) == body


def test_authorizer_event_is_a_payload_2_request_event() -> None:
    event = authorizer_event(REQUEST, INFO, ["Bearer k"])
    assert event["version"] == "2.0"
    assert event["type"] == "REQUEST"
    assert event["identitySource"] == ["Bearer k"]
    assert (
        event["routeArn"] == "arn:aws:execute-api:ca-central-1:123456789012:api123/$default/GET/v1/items/42"
    )
    assert event["routeKey"] == INFO.route_key
    assert event["headers"]["authorization"] == "Bearer k"
    assert event["pathParameters"] == {"item_id": "42"}
    assert event["requestContext"]["requestId"] == "req-1"


def test_identity_sources() -> None:
    assert identity_value("$request.header.authorization", REQUEST, INFO) == "Bearer k"
    assert identity_value("$request.header.Missing", REQUEST, INFO) is None
    assert identity_value("$request.querystring.tag", REQUEST, INFO) == "a,b"
    assert identity_value("$context.http.method", REQUEST, INFO) == "GET"


def test_function_responses_follow_the_2_0_rules() -> None:
    full = function_response(
        {
            "statusCode": 201,
            "headers": {"Content-Type": "application/json"},
            "cookies": ["s=1; HttpOnly"],
            "body": '{"ok":true}',
        }
    )
    assert (full.status, full.headers["content-type"], full.cookies, full.json()) == (
        201,
        "application/json",
        ["s=1; HttpOnly"],
        {"ok": True},
    )
    binary = function_response(
        {"statusCode": 200, "body": base64.b64encode(b"\x00\x01").decode(), "isBase64Encoded": True}
    )
    assert binary.content == b"\x00\x01"
    bare = function_response({"hello": "world"})
    assert (bare.status, bare.headers["content-type"], bare.json()) == (
        200,
        "application/json",
        {"hello": "world"},
    )
    assert function_response("plain text").body == "plain text"


def test_simple_and_policy_authorizer_answers() -> None:
    simple = AuthorizerDef("A", "a1", "Fn", ("$request.header.Authorization",), 30, True, "2.0")
    assert parse_authorizer_result({"isAuthorized": True, "context": {"k": "v"}}, simple, "arn") == (
        True,
        {"k": "v"},
    )
    assert parse_authorizer_result({"isAuthorized": False}, simple, "arn") == (False, {})
    with pytest.raises(ValueError, match="boolean"):
        parse_authorizer_result({"isAuthorized": "yes"}, simple, "arn")
    policy = AuthorizerDef("A", "a1", "Fn", (), 0, False, "2.0")
    allow = {
        "policyDocument": {"Statement": [{"Effect": "Allow", "Resource": ["arn:x:api/*"]}]},
        "context": {},
    }
    assert parse_authorizer_result(allow, policy, "arn:x:api/$default/GET/a")[0] is True
    assert parse_authorizer_result(allow, policy, "arn:y:other")[0] is False


def test_cors_headers_for_allowed_and_refused_origins() -> None:
    cors = {
        "AllowOrigins": ["https://a.example"],
        "AllowMethods": ["GET"],
        "AllowHeaders": ["authorization"],
        "MaxAge": 60,
    }
    assert cors_headers(cors, "https://a.example", preflight=True) == {
        "access-control-allow-origin": "https://a.example",
        "access-control-allow-methods": "GET",
        "access-control-allow-headers": "authorization",
        "access-control-max-age": "60",
    }
    assert cors_headers(cors, "https://evil.example", preflight=True) == {}


EVENT: dict[str, Any] = {
    "version": "0",
    "id": "ev-1",
    "detail-type": "ca.qc.numeriqc.feedback.received.v1",
    "source": "numeriqc.feedback",
    "time": "2026-03-02T10:07:30Z",
    "detail": {"orgid": "saaq", "data": {"score": 5, "text": 'Très "bien"'}},
}


def test_target_input_variants() -> None:
    assert json.loads(target_input(EVENT)) == EVENT
    assert target_input(EVENT, input='{"fixed":1}') == '{"fixed":1}'
    assert json.loads(target_input(EVENT, input_path="$.detail")) == EVENT["detail"]
    rendered = target_input(
        EVENT,
        input_paths_map={"org": "$.detail.orgid", "data": "$.detail.data", "text": "$.detail.data.text"},
        input_template=(
            '{"org": <org>, "data": <data>, "says": "<org> says <text>", "rule": "<aws.events.rule-name>"}'
        ),
        rule_name="FeedbackRule",
    )
    assert json.loads(rendered) == {
        "org": "saaq",
        "data": {"score": 5, "text": 'Très "bien"'},
        "says": 'saaq says Très "bien"',
        "rule": "FeedbackRule",
    }
    text = target_input(EVENT, input_paths_map={"org": "$.detail.orgid"}, input_template="Feedback for <org>")
    assert text == "Feedback for saaq"


def test_json_path_subset() -> None:
    assert json_path({"a": [{"b": 1}]}, "$.a[0].b") == (True, 1)
    assert json_path({"a.b": 2}, "$['a.b']") == (True, 2)
    assert json_path({"a": 1}, "$.missing") == (False, None)
    assert json_path({"a": 1}, "$") == (True, {"a": 1})


def test_sqs_sns_stream_and_scheduled_shapes() -> None:
    message = {
        "MessageId": "m1",
        "ReceiptHandle": "rh",
        "Body": "hi",
        "MD5OfBody": "md5",
        "Attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "1"},
        "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "x"}},
    }
    record = sqs_record(message, "arn:aws:sqs:ca-central-1:123456789012:q")
    assert record["messageId"] == "m1"
    assert record["eventSource"] == "aws:sqs"
    assert record["eventSourceARN"] == "arn:aws:sqs:ca-central-1:123456789012:q"
    assert record["messageAttributes"]["kind"] == {
        "stringValue": "x",
        "stringListValues": [],
        "binaryListValues": [],
        "dataType": "String",
    }
    sns = sns_record({"Type": "Notification", "MessageId": "n1", "TopicArn": "t", "Message": "m"}, "sub")
    assert sns["EventSource"] == "aws:sns"
    assert sns["Sns"]["Message"] == "m"
    assert sns["EventSubscriptionArn"] == "sub"
    change = dynamodb_record(
        {"eventName": "INSERT", "dynamodb": {"ApproximateCreationDateTime": NOW, "SequenceNumber": "1"}},
        "arn:stream",
    )
    assert change["eventSource"] == "aws:dynamodb"
    assert change["dynamodb"]["ApproximateCreationDateTime"] == int(NOW.timestamp())
    scheduled = scheduled_event("arn:rule", NOW)
    assert (scheduled["detail-type"], scheduled["source"], scheduled["resources"]) == (
        "Scheduled Event",
        "aws.events",
        ["arn:rule"],
    )


def test_partial_batch_answers() -> None:
    ids = ["a", "b"]
    assert failed_items(None, ids) == set()
    assert failed_items({"batchItemFailures": []}, ids) == set()
    assert failed_items({"batchItemFailures": [{"itemIdentifier": "b"}]}, ids) == {"b"}
    assert failed_items({"batchItemFailures": [{"itemIdentifier": "zz"}]}, ids) is None
    assert failed_items({"batchItemFailures": [{"itemIdentifier": ""}]}, ids) is None


@pytest.mark.parametrize(
    ("parsed", "wire"),
    [
        ({"B": b"\x00\xff"}, {"B": "AP8="}),
        ({"B": bytearray(b"ok")}, {"B": "b2s="}),
        ({"BS": [b"\x01", b"\x02"]}, {"BS": ["AQ==", "Ag=="]}),
        ({"N": "12.50"}, {"N": "12.50"}),
        ({"NS": ["1", "2.5"]}, {"NS": ["1", "2.5"]}),
        ({"S": "é"}, {"S": "é"}),
        ({"SS": ["a", "b"]}, {"SS": ["a", "b"]}),
        ({"BOOL": False}, {"BOOL": False}),
        ({"NULL": True}, {"NULL": True}),
        ({"L": [{"B": b"\x03"}, {"N": "7"}]}, {"L": [{"B": "Aw=="}, {"N": "7"}]}),
        ({"M": {"inner": {"M": {"blob": {"B": b"\x04"}}}}}, {"M": {"inner": {"M": {"blob": {"B": "BA=="}}}}}),
    ],
)
def test_stream_images_are_serialized_as_dynamodb_streams_writes_them(
    parsed: dict[str, Any], wire: dict[str, Any]
) -> None:
    change = {
        "SequenceNumber": "1",
        "Keys": {"pk": {"S": "a"}},
        "NewImage": {"v": parsed},
        "OldImage": {"v": parsed},
    }
    record = dynamodb_record(
        {"eventName": "MODIFY", "awsRegion": "us-east-1", "dynamodb": change},
        "arn:aws:dynamodb:ca-central-1:123456789012:table/T/stream/1",
    )
    assert record["dynamodb"]["NewImage"] == record["dynamodb"]["OldImage"] == {"v": wire}
    assert json.loads(json.dumps(record)) == record  # what Lambda receives is JSON
    assert record["awsRegion"] == "ca-central-1"  # the stream's region, whatever moto wrote
