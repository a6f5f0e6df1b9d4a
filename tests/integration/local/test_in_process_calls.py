"""The dev server's own AWS calls, answered by its moto in-process, answer as they do over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import moto.moto_api as moto_api
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from numeriqc_local.account import REGION
from numeriqc_local.aws.in_process_calls import answer_in_process, stop_answering_in_process
from numeriqc_local.aws.serialized import SerializedMotoServer


class Moto:
    def __init__(self, server: SerializedMotoServer) -> None:
        self.server = server
        host, port = server.get_host_and_port()
        self.in_process = f"http://{host}:{port}"  # answered in this thread
        self.over_http = f"http://localhost:{port}"  # another origin: still through the server

    def clients(self, service: str) -> tuple[Any, Any]:
        return (
            boto3.client(service, region_name=REGION, endpoint_url=self.in_process),
            boto3.client(service, region_name=REGION, endpoint_url=self.over_http),
        )


@pytest.fixture
def moto_server(local_aws_environment: None) -> Iterator[Moto]:
    server = SerializedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    moto = Moto(server)
    answer_in_process(server.app, moto.in_process)
    try:
        yield moto
    finally:
        stop_answering_in_process(moto.in_process)
        server.stop()
        moto_api._internal.models.moto_api_backend.reset()  # moto's backends are the process's


def test_s3_objects_keys_metadata_and_errors_are_the_same_both_ways(moto_server: Moto) -> None:
    local, remote = moto_server.clients("s3")
    local.create_bucket(Bucket="site-bucket", CreateBucketConfiguration={"LocationConstraint": REGION})
    key = "dossier/a%2Fb c+é.txt"  # an encoded slash, a space, a plus, an accent
    local.put_object(
        Bucket="site-bucket", Key=key, Body=b"\x00contenu", Metadata={"my_key": "1", "Other": "2"}
    )

    for client in (local, remote):
        got = client.get_object(Bucket="site-bucket", Key=key)
        assert got["Body"].read() == b"\x00contenu"
        assert got["Metadata"] == {"my_key": "1", "other": "2"}
        head = client.head_object(Bucket="site-bucket", Key=key)
        assert head["ContentLength"] == 8
        assert [item["Key"] for item in client.list_objects_v2(Bucket="site-bucket")["Contents"]] == [key]
        with pytest.raises(ClientError) as missing:
            client.head_object(Bucket="site-bucket", Key="absent")
        assert missing.value.response["Error"]["Code"] == "404"
        with pytest.raises(ClientError) as absent:
            client.get_object(Bucket="site-bucket", Key="absent")
        assert absent.value.response["Error"]["Code"] == "NoSuchKey"


def test_dynamodb_and_sqs_answers_and_errors_are_the_same_both_ways(moto_server: Moto) -> None:
    local, remote = moto_server.clients("dynamodb")
    local.create_table(
        TableName="t",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    local.put_item(TableName="t", Item={"pk": {"S": "a"}, "n": {"N": "1"}})
    for client in (local, remote):
        assert client.get_item(TableName="t", Key={"pk": {"S": "a"}})["Item"]["n"] == {"N": "1"}
        with pytest.raises(ClientError) as refused:
            client.put_item(
                TableName="t",
                Item={"pk": {"S": "a"}},
                ConditionExpression="attribute_not_exists(pk)",
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        assert refused.value.response["Error"]["Code"] == "ConditionalCheckFailedException"
        assert refused.value.response["Item"] == {"pk": {"S": "a"}, "n": {"N": "1"}}

    local_sqs, remote_sqs = moto_server.clients("sqs")
    url = local_sqs.create_queue(QueueName="q")["QueueUrl"]
    local_sqs.send_message(QueueUrl=url, MessageBody="é" * 3)
    assert [m["Body"] for m in remote_sqs.receive_message(QueueUrl=url)["Messages"]] == ["ééé"]


def test_calls_answered_in_process_need_no_server(moto_server: Moto) -> None:
    local, remote = moto_server.clients("sqs")
    local.create_queue(QueueName="still-here")
    moto_server.server.stop()

    assert [url.rsplit("/", 1)[-1] for url in local.list_queues()["QueueUrls"]] == ["still-here"]
    with pytest.raises(EndpointConnectionError):
        remote.list_queues()
