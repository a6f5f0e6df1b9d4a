"""The journaled `TransactWriteItems` keeps DynamoDB's transaction semantics on moto.

All or nothing whichever item fails, `CancellationReasons` in item order, condition checks, the
validation errors that refuse a transaction before anything is written, range-keyed tables, and no
stream record of a cancelled write; and the tables are never replaced (the patch's point: nothing
is copied but the items a transaction touches).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import boto3
import moto
import pytest
from botocore.exceptions import ClientError
from moto.dynamodb.models import dynamodb_backends

from numeriqc_local.account import ACCOUNT_ID, REGION
from numeriqc_local.aws import moto_transactions, stream_fidelity

TABLE = "journal"
RANGED = "journal-ranged"


@pytest.fixture
def dynamodb(local_aws_environment: None) -> Iterator[Any]:
    with moto.mock_aws():
        moto_transactions.install()
        stream_fidelity.install()
        client = boto3.client("dynamodb", region_name=REGION)
        client.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
        )
        client.create_table(
            TableName=RANGED,
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        for name in ("a", "b", "c"):
            client.put_item(TableName=TABLE, Item={"pk": {"S": name}, "n": {"N": "1"}})
        yield client


def _state(client: Any) -> list[dict[str, Any]]:
    items = []
    for name in (TABLE, RANGED):
        items.extend(client.scan(TableName=name)["Items"])
    return sorted(items, key=repr)


def _backend() -> Any:
    return dynamodb_backends[ACCOUNT_ID][REGION]


# Five writes of every kind, over existing and new items of both tables.
def _writes() -> list[dict[str, Any]]:
    return [
        {"Put": {"TableName": TABLE, "Item": {"pk": {"S": "new"}, "n": {"N": "7"}}}},
        {
            "Update": {
                "TableName": TABLE,
                "Key": {"pk": {"S": "a"}},
                "UpdateExpression": "SET n = n + :one",
                "ExpressionAttributeValues": {":one": {"N": "1"}},
            }
        },
        {"Delete": {"TableName": TABLE, "Key": {"pk": {"S": "b"}}}},
        {"Put": {"TableName": RANGED, "Item": {"pk": {"S": "p"}, "sk": {"S": "1"}}}},
        {
            "Update": {
                "TableName": RANGED,
                "Key": {"pk": {"S": "q"}, "sk": {"S": "2"}},
                "UpdateExpression": "SET m = :m",
                "ExpressionAttributeValues": {":m": {"S": "x"}},
            }
        },
    ]


def _failing(item: dict[str, Any]) -> dict[str, Any]:
    """The same write, with a condition that is false."""
    failing = copy.deepcopy(item)
    op = next(iter(failing.values()))
    op["ConditionExpression"] = "attribute_exists(nothing_has_this)"
    return failing


@pytest.mark.parametrize("position", range(5))
def test_a_failing_item_at_any_position_cancels_every_write(dynamodb: Any, position: int) -> None:
    before = _state(dynamodb)
    writes = _writes()
    writes[position] = _failing(writes[position])
    table, shard = _backend().tables[TABLE], _backend().tables[TABLE].stream_shard
    records = len(shard.items)

    with pytest.raises(ClientError) as raised:
        dynamodb.transact_write_items(TransactItems=writes)

    assert raised.value.response["Error"]["Code"] == "TransactionCanceledException"
    reasons = [reason["Code"] for reason in raised.value.response["CancellationReasons"]]
    assert reasons == ["ConditionalCheckFailed" if i == position else "None" for i in range(5)]
    assert _state(dynamodb) == before
    assert _backend().tables[TABLE] is table and table.stream_shard is shard  # nothing swapped
    assert len(shard.items) == records  # the undone writes never reached the stream


def test_reasons_name_every_failing_item_in_order(dynamodb: Any) -> None:
    writes = _writes()
    writes[1], writes[3] = _failing(writes[1]), _failing(writes[3])
    writes.append(
        {
            "ConditionCheck": {
                "TableName": TABLE,
                "Key": {"pk": {"S": "c"}},
                "ConditionExpression": "n = :two",
                "ExpressionAttributeValues": {":two": {"N": "2"}},
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
            }
        }
    )

    with pytest.raises(ClientError) as raised:
        dynamodb.transact_write_items(TransactItems=writes)

    reasons = raised.value.response["CancellationReasons"]
    assert [reason["Code"] for reason in reasons] == [
        "None",
        "ConditionalCheckFailed",
        "None",
        "ConditionalCheckFailed",
        "None",
        "ConditionalCheckFailed",
    ]
    assert reasons[5]["Item"] == {"pk": {"S": "c"}, "n": {"N": "1"}}


def test_a_transaction_whose_conditions_hold_writes_everything(dynamodb: Any) -> None:
    writes = _writes()
    writes.append(
        {
            "ConditionCheck": {
                "TableName": TABLE,
                "Key": {"pk": {"S": "c"}},
                "ConditionExpression": "n = :one",
                "ExpressionAttributeValues": {":one": {"N": "1"}},
            }
        }
    )
    records = len(_backend().tables[TABLE].stream_shard.items)

    dynamodb.transact_write_items(TransactItems=writes, ClientRequestToken="token-1")

    table = {item["pk"]["S"]: item for item in dynamodb.scan(TableName=TABLE)["Items"]}
    assert sorted(table) == ["a", "c", "new"]
    assert table["a"]["n"] == {"N": "2"}
    ranged = sorted((i["pk"]["S"], i["sk"]["S"]) for i in dynamodb.scan(TableName=RANGED)["Items"])
    assert ranged == [("p", "1"), ("q", "2")]
    assert len(_backend().tables[TABLE].stream_shard.items) == records + 3  # put, update, delete


def test_two_writes_to_one_item_are_refused_before_anything_is_written(dynamodb: Any) -> None:
    before = _state(dynamodb)
    writes = _writes()
    writes.append({"Delete": {"TableName": TABLE, "Key": {"pk": {"S": "new"}}}})

    with pytest.raises(ClientError) as raised:
        dynamodb.transact_write_items(TransactItems=writes)

    assert raised.value.response["Error"]["Code"] == "ValidationException"
    assert _state(dynamodb) == before


def test_a_write_moto_refuses_midway_is_undone_with_the_others(dynamodb: Any) -> None:
    before = _state(dynamodb)
    writes = _writes()
    writes.insert(
        2,
        {
            "Update": {
                "TableName": TABLE,
                "Key": {"pk": {"S": "c"}},
                "UpdateExpression": "SET n = n + :text",  # a number plus a string: refused
                "ExpressionAttributeValues": {":text": {"S": "x"}},
            }
        },
    )

    with pytest.raises(ClientError):
        dynamodb.transact_write_items(TransactItems=writes)

    assert _state(dynamodb) == before


def test_the_journal_copies_only_the_items_a_transaction_touches(
    dynamodb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for start in range(0, 200, 25):
        dynamodb.batch_write_item(
            RequestItems={
                TABLE: [
                    {"PutRequest": {"Item": {"pk": {"S": f"bulk-{i}"}}}} for i in range(start, start + 25)
                ]
            }
        )
    copied: list[Any] = []
    real_deepcopy = copy.deepcopy

    def counting(value: Any, memo: Any = None) -> Any:
        copied.append(type(value).__name__)
        return real_deepcopy(value, memo)

    monkeypatch.setattr(moto_transactions.copy, "deepcopy", counting)
    writes = _writes()
    writes[4] = _failing(writes[4])

    with pytest.raises(ClientError):
        dynamodb.transact_write_items(TransactItems=writes)

    assert "Item" in copied  # the journal did copy the items it replaced...
    assert "Table" not in copied  # ...and never a table (moto 5.2.5 copies one per item)


def test_another_moto_version_is_refused_loudly() -> None:
    moto_transactions.check_version(moto_transactions.PINNED_MOTO)
    with pytest.raises(moto_transactions.UnsupportedMoto, match=r"moto 5\.3\.0 is installed"):
        moto_transactions.check_version("5.3.0")
