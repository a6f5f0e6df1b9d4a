"""Lambda event shapes for the asynchronous triggers (SQS, SNS, DynamoDB streams, schedules).

Built from what moto answers through the ordinary APIs, converted to the exact shapes AWS delivers
(camel-cased SQS record fields, `Sns` envelopes, stream records with epoch-second timestamps), so
Powertools' data classes and BatchProcessor parse them as they would in AWS.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..account import ACCOUNT_ID, REGION


def sqs_record(message: Mapping[str, Any], queue_arn: str) -> dict[str, Any]:
    """One SQS event record from a ReceiveMessage answer (AttributeNames/MessageAttributeNames All)."""
    attributes = {key: str(value) for key, value in (message.get("Attributes") or {}).items()}
    attributes.pop("AWSTraceHeader", None)
    return {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": message.get("Body", ""),
        "attributes": attributes,
        "messageAttributes": {
            name: _sqs_attribute(value) for name, value in (message.get("MessageAttributes") or {}).items()
        },
        "md5OfBody": message.get("MD5OfBody", ""),
        "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn,
        "awsRegion": REGION,
    }


def _sqs_attribute(value: Mapping[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "stringListValues": [],
        "binaryListValues": [],
        "dataType": value.get("DataType"),
    }
    if "StringValue" in value:
        record["stringValue"] = value["StringValue"]
    if "BinaryValue" in value:
        raw = value["BinaryValue"]
        record["binaryValue"] = base64.b64encode(raw).decode() if isinstance(raw, bytes) else raw
    return record


def sns_record(envelope: Mapping[str, Any], subscription_arn: str) -> dict[str, Any]:
    """One SNS event record from the JSON envelope SNS delivers to a (non-raw) SQS subscription."""
    return {
        "EventSource": "aws:sns",
        "EventVersion": "1.0",
        "EventSubscriptionArn": subscription_arn,
        "Sns": {
            "Type": envelope.get("Type", "Notification"),
            "MessageId": envelope.get("MessageId"),
            "TopicArn": envelope.get("TopicArn"),
            "Subject": envelope.get("Subject"),
            "Message": envelope.get("Message"),
            "Timestamp": envelope.get("Timestamp"),
            "SignatureVersion": envelope.get("SignatureVersion", "1"),
            "Signature": envelope.get("Signature", "EXAMPLE"),
            "SigningCertUrl": envelope.get("SigningCertURL") or envelope.get("SigningCertUrl", ""),
            "UnsubscribeUrl": envelope.get("UnsubscribeURL") or envelope.get("UnsubscribeUrl", ""),
            "MessageAttributes": dict(envelope.get("MessageAttributes") or {}),
        },
    }


def dynamodb_record(record: Mapping[str, Any], stream_arn: str) -> dict[str, Any]:
    """One stream record from GetRecords, in the Lambda event shape, serialized as AWS serializes it.

    botocore hands GetRecords' attribute values back decoded (`B` as bytes); Lambda receives the
    wire JSON: binary as base64 text, numbers as strings, maps and lists nested the same way. The
    region is the stream's (moto writes us-east-1 whatever the table's region).
    """
    change = {key: _wire(key, value) for key, value in (record.get("dynamodb") or {}).items()}
    created = change.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):
        change["ApproximateCreationDateTime"] = int(created.timestamp())
    return {
        "eventID": record.get("eventID") or uuid.uuid4().hex,
        "eventName": record.get("eventName"),
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": _region_of(stream_arn),
        "dynamodb": change,
        "eventSourceARN": stream_arn,
    }


def _wire(key: str, value: Any) -> Any:
    if key in ("Keys", "NewImage", "OldImage") and isinstance(value, Mapping):
        return {name: stream_attribute(attribute) for name, attribute in value.items()}
    return value


def stream_attribute(value: Mapping[str, Any]) -> dict[str, Any]:
    """One AttributeValue as DynamoDB Streams writes it in JSON (`{"B": "<base64>"}`, `{"N": "1"}`)."""
    ((kind, content),) = value.items()
    if kind == "B":
        return {"B": _base64(content)}
    if kind == "BS":
        return {"BS": [_base64(item) for item in content]}
    if kind in ("N", "S"):
        return {kind: str(content)}
    if kind in ("NS", "SS"):
        return {kind: [str(item) for item in content]}
    if kind == "M":
        return {"M": {name: stream_attribute(item) for name, item in content.items()}}
    if kind == "L":
        return {"L": [stream_attribute(item) for item in content]}
    return {kind: content}  # BOOL, NULL


def _base64(content: Any) -> str:
    if isinstance(content, str):  # already wire text (a raw answer, not parsed by botocore)
        return content
    return base64.b64encode(bytes(content)).decode("ascii")


def _region_of(arn: str) -> str:
    parts = arn.split(":")
    return parts[3] if len(parts) > 3 and parts[3] else REGION


def scheduled_event(rule_arn: str, now: datetime) -> dict[str, Any]:
    """The event a scheduled rule sends to its targets."""
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": ACCOUNT_ID,
        "time": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": REGION,
        "resources": [rule_arn],
        "detail": {},
    }


def stream_failure_record(  # noqa: PLR0917 - mirrors the fields of Lambda's failure record
    mapping_arn: str,
    stream_arn: str,
    shard_id: str,
    first: Mapping[str, Any],
    last: Mapping[str, Any],
    size: int,
) -> dict[str, Any]:
    """What Lambda sends to a stream mapping's on-failure destination (records are not included)."""
    return {
        "requestContext": {
            "requestId": str(uuid.uuid4()),
            "functionArn": mapping_arn,
            "condition": "RetryAttemptsExhausted",
            "approximateInvokeCount": 1,
        },
        "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
        "version": "1.0",
        "DDBStreamBatchInfo": {
            "shardId": shard_id,
            "startSequenceNumber": first["dynamodb"]["SequenceNumber"],
            "endSequenceNumber": last["dynamodb"]["SequenceNumber"],
            "approximateArrivalOfFirstRecord": first["dynamodb"].get("ApproximateCreationDateTime"),
            "approximateArrivalOfLastRecord": last["dynamodb"].get("ApproximateCreationDateTime"),
            "batchSize": size,
            "streamArn": stream_arn,
        },
    }
