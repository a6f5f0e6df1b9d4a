"""moto's SQS no longer walks a queue to send, receive or read one attribute; it answers as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import moto
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto.core.serialize import BaseJSONSerializer
from moto.sqs.models import Queue

from numeriqc_local.account import REGION
from numeriqc_local.aws import moto_costs


def _table_keyed_by_pk(dynamodb: Any, name: str) -> None:
    dynamodb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )


@pytest.fixture
def sqs(local_aws_environment: None) -> Iterator[Any]:
    with moto.mock_aws():
        moto_costs.install()
        yield boto3.client("sqs", region_name=REGION)


def test_sending_reads_no_count_of_the_queue(sqs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    url = sqs.create_queue(QueueName="plain")["QueueUrl"]
    sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": str(i)} for i in range(10)])
    walks: list[str] = []
    counted = Queue.approximate_number_of_messages

    def counting(self: Queue) -> int:
        walks.append(self.name)
        return int(counted.fget(self))  # type: ignore[attr-defined]

    monkeypatch.setattr(Queue, "approximate_number_of_messages", property(counting))

    sqs.send_message(QueueUrl=url, MessageBody="one more")
    assert walks == []
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert attributes["ApproximateNumberOfMessages"] == "11"  # GetQueueAttributes still counts
    assert walks == ["plain"]


def test_fifo_deduplication_rules_are_unchanged(sqs: Any) -> None:
    content = sqs.create_queue(
        QueueName="content.fifo", Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"}
    )["QueueUrl"]
    explicit = sqs.create_queue(QueueName="explicit.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]

    sqs.send_message(QueueUrl=content, MessageBody="same", MessageGroupId="g")
    sqs.send_message(QueueUrl=content, MessageBody="same", MessageGroupId="g")  # deduplicated
    with pytest.raises(ClientError, match="ContentBasedDeduplication"):
        sqs.send_message(QueueUrl=explicit, MessageBody="x", MessageGroupId="g")

    received = sqs.receive_message(QueueUrl=content, MaxNumberOfMessages=10)["Messages"]
    assert [message["Body"] for message in received] == ["same"]


def _queue(name: str) -> Any:
    from moto.sqs.models import sqs_backends

    from numeriqc_local.account import ACCOUNT_ID

    return sqs_backends[ACCOUNT_ID][REGION].queues[name]


def test_receiving_and_deleting_answer_as_moto_does(sqs: Any) -> None:
    url = sqs.create_queue(QueueName="drained")["QueueUrl"]
    for start in range(0, 30, 10):
        sqs.send_message_batch(
            QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": str(i)} for i in range(start, start + 10)]
        )

    first = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=30)["Messages"]
    second = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=30)["Messages"]
    assert [m["Body"] for m in first + second] == [str(i) for i in range(20)]  # in order, none twice

    sqs.delete_message(QueueUrl=url, ReceiptHandle=first[0]["ReceiptHandle"])
    sqs.delete_message(QueueUrl=url, ReceiptHandle=first[0]["ReceiptHandle"])  # again: accepted
    with pytest.raises(ClientError, match="ReceiptHandleIsInvalid"):
        sqs.delete_message(QueueUrl=url, ReceiptHandle="not-a-handle")
    sqs.change_message_visibility_batch(
        QueueUrl=url,
        Entries=[
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}
            for i, m in enumerate(first[1:])
        ],
    )
    rest = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    assert [m["Body"] for m in rest] == [str(i) for i in range(1, 10)] + ["20"]
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert attributes["ApproximateNumberOfMessages"] == "9"
    assert attributes["ApproximateNumberOfMessagesNotVisible"] == "20"


def test_attributes_are_moto_s_own_computed_when_read(sqs: Any) -> None:
    """Every kind of queue: the same keys and values as moto's dict, and no count walked unless read."""
    dead = sqs.create_queue(QueueName="dead")["QueueUrl"]
    dead_arn = sqs.get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    kinds = {
        "plain": {},
        "content.fifo": {"FifoQueue": "true", "ContentBasedDeduplication": "true"},
        "keyed": {"KmsMasterKeyId": "alias/aws/sqs", "DelaySeconds": "5"},
        "redriven": {"RedrivePolicy": f'{{"deadLetterTargetArn": "{dead_arn}", "maxReceiveCount": 3}}'},
    }
    for name, attributes in kinds.items():
        url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        sqs.send_message(QueueUrl=url, MessageBody="x", **({"MessageGroupId": "g"} if "fifo" in name else {}))
        queue = _queue(name)
        assert dict(queue.attributes) == moto_costs.moto_attributes(queue), name
        assert list(queue.attributes) == list(moto_costs.moto_attributes(queue)), name


def test_asking_for_one_attribute_walks_no_message(sqs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """GetQueueAttributes by name (/health's QueueArn) and a receive's retention check count nothing."""
    url = sqs.create_queue(QueueName="busy")["QueueUrl"]
    sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": str(i)} for i in range(10)])
    walks: list[str] = []

    def counting(count: str) -> property:
        counted = getattr(Queue, count).fget

        def walk(queue: Queue) -> int:
            walks.append(count)
            return int(counted(queue))

        return property(walk)

    for count in ("approximate_number_of_messages", "approximate_number_of_messages_not_visible"):
        monkeypatch.setattr(Queue, count, counting(count))

    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    received = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]

    assert arn.endswith(":busy") and len(received) == 10
    assert walks == []
    counts = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessagesNotVisible"])
    assert counts["Attributes"] == {"ApproximateNumberOfMessagesNotVisible": "10"}
    assert set(walks) == {"approximate_number_of_messages_not_visible"}  # only the count asked for


def test_an_update_expression_is_parsed_once_per_text(
    local_aws_environment: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """moto parsed each UpdateExpression twice per item; the text is parsed once, and each update
    still applies its own values."""
    from moto.dynamodb.parsing.tokens import ExpressionTokenizer

    with moto.mock_aws():
        moto_costs.install()
        dynamodb = boto3.client("dynamodb", region_name=REGION)
        _table_keyed_by_pk(dynamodb, "t")
        tokenized: list[str] = []
        tokenize = ExpressionTokenizer.make_list
        monkeypatch.setattr(
            ExpressionTokenizer,
            "make_list",
            staticmethod(lambda text: tokenized.append(text) or tokenize(text)),
        )
        expression = "SET n = :n, seen = list_append(if_not_exists(seen, :none), :one) ADD hits :inc"
        for value in ("a", "b", "c"):
            dynamodb.update_item(
                TableName="t",
                Key={"pk": {"S": value}},
                UpdateExpression=expression,
                ExpressionAttributeValues={
                    ":n": {"S": value},
                    ":none": {"L": []},
                    ":one": {"L": [{"S": value}]},
                    ":inc": {"N": "1"},
                },
            )
        items = {item["pk"]["S"]: item for item in dynamodb.scan(TableName="t")["Items"]}

    assert tokenized.count(expression) == 1
    assert {pk: (item["n"]["S"], item["seen"]["L"], item["hits"]["N"]) for pk, item in items.items()} == {
        value: (value, [{"S": value}], "1") for value in ("a", "b", "c")
    }


def test_a_query_reads_its_partition_not_the_sorted_table(
    local_aws_environment: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Base-table and index queries answer as moto does (order, pages, direction) without moto's
    sorted list of every item, which Scan still uses."""
    with moto.mock_aws():
        moto_costs.install()
        dynamodb = boto3.client("dynamodb", region_name=REGION)
        dynamodb.create_table(
            TableName="q",
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": a, "AttributeType": "S"} for a in ("pk", "sk", "gpk", "gsk")
            ],
            GlobalSecondaryIndexes=[
                {
                    "IndexName": "by-g",
                    "KeySchema": [
                        {"AttributeName": "gpk", "KeyType": "HASH"},
                        {"AttributeName": "gsk", "KeyType": "RANGE"},
                    ],
                    "Projection": {"ProjectionType": "ALL"},
                }
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        for p in ("a", "b", "c"):
            for i in (3, 1, 4, 0, 2):
                item = {
                    "pk": {"S": p},
                    "sk": {"S": f"s{i}"},
                    "gpk": {"S": f"g{i % 2}"},
                    "gsk": {"S": f"{p}{i}"},
                }
                dynamodb.put_item(TableName="q", Item=item)
        walks: list[str] = []
        own = moto_costs._moto_own["all_items"]
        monkeypatch.setitem(
            moto_costs._moto_own, "all_items", lambda table: walks.append(table.name) or own(table)
        )

        def keys(**arguments: Any) -> list[str]:
            found, pages = [], 0
            while True:
                page = dynamodb.query(TableName="q", Limit=2, **arguments)
                found += [item["sk"]["S"] + item["pk"]["S"] for item in page["Items"]]
                pages += 1
                if "LastEvaluatedKey" not in page:
                    return found
                arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]

        base = {"KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": {"S": "b"}}}
        assert keys(**base) == ["s0b", "s1b", "s2b", "s3b", "s4b"]
        assert keys(**base, ScanIndexForward=False) == ["s4b", "s3b", "s2b", "s1b", "s0b"]
        ranged = {
            "KeyConditionExpression": "pk = :p AND sk > :s",
            "ExpressionAttributeValues": {":p": {"S": "c"}, ":s": {"S": "s2"}},
        }
        assert keys(**ranged) == ["s3c", "s4c"]
        index = {
            "IndexName": "by-g",
            "KeyConditionExpression": "gpk = :g",
            "ExpressionAttributeValues": {":g": {"S": "g1"}},
        }
        assert keys(**index) == ["s1a", "s3a", "s1b", "s3b", "s1c", "s3c"]
        assert keys(**{**base, "ExpressionAttributeValues": {":p": {"S": "none"}}}) == []
        assert walks == []
        assert len(dynamodb.scan(TableName="q")["Items"]) == 15
        assert walks == ["q"]


def test_moto_keeps_no_model_object_after_use(local_aws_environment: None) -> None:
    """moto's BaseModel kept every instance it ever made (for its dashboard) until a reset: every
    DynamoDB item version, SQS message and SMS of a running platform. Only S3's keys stay tracked
    (moto's reset disposes of their temporary files through that list)."""
    import gc

    from moto.dynamodb.models.dynamo_type import Item
    from moto.s3.models import FakeKey

    with moto.mock_aws():
        moto_costs.install()
        dynamodb = boto3.client("dynamodb", region_name=REGION)
        _table_keyed_by_pk(dynamodb, "kept")
        for i in range(50):
            key = {"pk": {"S": f"model-object-{i}"}}
            dynamodb.put_item(TableName="kept", Item={**key, "n": {"N": "0"}})
            dynamodb.update_item(
                TableName="kept",
                Key=key,
                UpdateExpression="SET n = n + :one",
                ExpressionAttributeValues={":one": {"N": "1"}},
            )
            dynamodb.scan(TableName="kept", Limit=5)
        s3 = boto3.client("s3", region_name=REGION)
        s3.create_bucket(Bucket="kept", CreateBucketConfiguration={"LocationConstraint": REGION})
        s3.put_object(Bucket="kept", Key="k", Body=b"x")
        gc.collect()
        items = [
            o
            for o in gc.get_objects()
            if isinstance(o, Item) and str(o.hash_key.value).startswith("model-object-")
        ]

        assert len(items) == 50  # the table's items, no older version or copy
        assert Item.instances_tracked == []  # type: ignore[attr-defined]
        assert any(key.name == "k" for key in FakeKey.instances_tracked)  # type: ignore[attr-defined]


def test_a_queue_remembers_its_last_deleted_handles_by_digest(
    sqs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting again stays accepted for recent handles; the memory of them is bounded."""
    monkeypatch.setattr(moto_costs, "DELETED_REMEMBERED", 5)
    url = sqs.create_queue(QueueName="remembered")["QueueUrl"]
    sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": str(i)} for i in range(8)])
    handles = [
        m["ReceiptHandle"] for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=8)["Messages"]
    ]
    for handle in handles:
        sqs.delete_message(QueueUrl=url, ReceiptHandle=handle)

    remembered = _queue("remembered").deleted_messages
    assert len(remembered) == 5 and all(len(digest) == 8 for digest in remembered.order)
    for handle in handles[3:]:
        sqs.delete_message(QueueUrl=url, ReceiptHandle=handle)  # again: accepted, as moto
    with pytest.raises(ClientError, match="ReceiptHandleIsInvalid"):
        sqs.delete_message(QueueUrl=url, ReceiptHandle=handles[0])  # forgotten: 5 deleted since


ATTRIBUTE_NAMES = st.text(alphabet="abcxyzé_-", min_size=1, max_size=6)
SCALARS = st.one_of(
    st.text(max_size=8).map(lambda s: {"S": s}),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-1000, max_value=1000).map(
        lambda d: {"N": str(d)}
    ),
    st.booleans().map(lambda b: {"BOOL": b}),
    st.just({"NULL": True}),
    st.binary(min_size=1, max_size=6).map(lambda b: {"B": b}),
    st.sets(st.text(min_size=1, max_size=4), min_size=1, max_size=3).map(lambda s: {"SS": sorted(s)}),
    st.sets(st.integers(-50, 50), min_size=1, max_size=3).map(lambda s: {"NS": [str(n) for n in sorted(s)]}),
    st.sets(st.binary(min_size=1, max_size=3), min_size=1, max_size=2).map(lambda s: {"BS": sorted(s)}),
)
ATTRIBUTE_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda values: {"L": values}),
        st.dictionaries(ATTRIBUTE_NAMES, inner, max_size=3).map(lambda values: {"M": values}),
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def items_table() -> Iterator[Any]:
    with moto.mock_aws():
        moto_costs.install()
        dynamodb = boto3.client("dynamodb", region_name=REGION)
        _table_keyed_by_pk(dynamodb, "wire")
        yield dynamodb


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attributes=st.dictionaries(ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, min_size=1, max_size=4))
def test_items_are_answered_as_moto_serializes_them(
    items_table: Any, monkeypatch: pytest.MonkeyPatch, attributes: dict[str, Any]
) -> None:
    """GetItem, BatchGetItem, Query and Scan answer byte for byte what moto's own serializer
    writes, for every kind of attribute value, nested or not; and what was put comes back."""
    key = {"pk": {"S": "item"}}
    items_table.put_item(TableName="wire", Item={**key, **attributes})

    def answers() -> list[Any]:
        return [
            items_table.get_item(TableName="wire", Key=key)["Item"],
            items_table.batch_get_item(RequestItems={"wire": {"Keys": [key]}})["Responses"]["wire"],
            items_table.query(
                TableName="wire",
                KeyConditionExpression="pk = :p",
                ExpressionAttributeValues={":p": {"S": "item"}},
            )["Items"],
            items_table.scan(TableName="wire")["Items"],
        ]

    copied = answers()
    with monkeypatch.context() as moto_own:
        moto_own.setattr(
            BaseJSONSerializer, "_serialize_type_structure", moto_costs._moto_own["serialize_structure"]
        )
        assert answers() == copied
    assert copied[0] == {**key, **attributes}


def test_an_item_in_wire_form_is_copied_not_walked(items_table: Any, monkeypatch: pytest.MonkeyPatch) -> None:

    walked: list[str] = []
    own = moto_costs._moto_own["serialize_structure"]

    def counting(self: Any, serialized: Any, value: Any, shape: Any, key: str) -> None:
        walked.append(shape.name)
        own(self, serialized, value, shape, key)

    monkeypatch.setattr(BaseJSONSerializer, "_serialize_type_structure", moto_costs.wire_first(counting))
    item = {"pk": {"S": "walked"}, "m": {"M": {"l": {"L": [{"N": "1"}, {"SS": ["a"]}, {"NULL": True}]}}}}
    items_table.put_item(TableName="wire", Item=item)
    walked.clear()
    assert items_table.get_item(TableName="wire", Key={"pk": {"S": "walked"}})["Item"] == item
    assert "AttributeValue" not in walked
    items_table.put_item(TableName="wire", Item={**item, "b": {"B": b"\x00"}})
    walked.clear()
    items_table.get_item(TableName="wire", Key={"pk": {"S": "walked"}})
    assert walked.count("AttributeValue") == 1  # the binary value, by moto's own path


def _table(name: str) -> Any:
    from moto.dynamodb.models import dynamodb_backends

    from numeriqc_local.account import ACCOUNT_ID

    return dynamodb_backends[ACCOUNT_ID][REGION].tables[name]


def test_describe_table_counts_items_now_and_then_as_dynamodb_does(
    items_table: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DynamoDB refreshes ItemCount about every six hours; here at most every ITEM_COUNT_SECONDS,
    instead of a pass over the whole table per DescribeTable (each /health)."""
    walks: list[str] = []
    exact = moto_costs._moto_own["len"]
    monkeypatch.setattr(moto_costs, "ITEM_COUNT_SECONDS", 60.0)
    now = [1000.0]
    monkeypatch.setattr(moto_costs, "monotonic", lambda: now[0])
    items_table.create_table(
        TableName="counted",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("pk", "sk")],
        BillingMode="PAY_PER_REQUEST",
    )

    def count() -> int:
        return int(items_table.describe_table(TableName="counted")["Table"]["ItemCount"])

    def put(n: int) -> None:
        for i in range(n):
            items_table.put_item(TableName="counted", Item={"pk": {"S": f"p{i % 3}"}, "sk": {"S": f"s{i}"}})

    put(5)
    monkeypatch.setitem(moto_costs._moto_own, "len", lambda table: walks.append(table.name) or exact(table))
    assert count() == 0 and walks == []  # CreateTable's own description counted the empty table
    now[0] += 60
    assert count() == 5 and walks == ["counted"]
    put(7)
    now[0] += 59
    assert count() == 5 and walks == ["counted"]  # within the minute: the count made before
    now[0] += 1
    assert count() == 7 and walks == ["counted", "counted"]
