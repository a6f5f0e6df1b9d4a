"""The payload bucket: one object per claim-checked event, SSE-KMS under its tier's key.

Keys are `payloads/<dataset>/<event id>.json`; presigned URLs are signed locally (no call) with the
function's credentials, so reading one needs the role's s3:GetObject and kms:Decrypt on the key.
"""

import json
from typing import Any


def payload_key(dataset_id: str, event_id: str) -> str:
    return f"payloads/{dataset_id}/{event_id}.json"


def upload_key(dataset_id: str, upload_id: str) -> str:
    return f"uploads/{dataset_id}/{upload_id}"


class S3Payloads:
    def __init__(self, client: Any, bucket: str, tier_keys: dict[str, str]) -> None:
        self._client = client
        self._bucket = bucket
        self._keys = tier_keys

    def put(self, dataset_id: str, event_id: str, body: bytes, tier: str) -> None:
        self._client.put_object(
            Bucket=self._bucket,
            Key=payload_key(dataset_id, event_id),
            Body=body,
            ContentType="application/json",
            ServerSideEncryption="aws:kms",
            SSEKMSKeyId=self._keys[tier],
            BucketKeyEnabled=True,
        )

    def get(self, dataset_id: str, event_id: str) -> Any:
        answer = self._client.get_object(Bucket=self._bucket, Key=payload_key(dataset_id, event_id))
        return json.loads(answer["Body"].read())

    def exists(self, dataset_id: str, event_id: str) -> bool:
        try:
            self._client.head_object(Bucket=self._bucket, Key=payload_key(dataset_id, event_id))
        except self._client.exceptions.ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def url(self, dataset_id: str, event_id: str, seconds: int) -> str:
        return str(
            self._client.generate_presigned_url(
                "get_object",
                Params={"Bucket": self._bucket, "Key": payload_key(dataset_id, event_id)},
                ExpiresIn=seconds,
            )
        )


class S3UploadArea:
    """Producers' files under uploads/ of the same bucket, written under the dataset's tier key."""

    def __init__(self, client: Any, bucket: str, tier_keys: dict[str, str]) -> None:
        self._client = client
        self._bucket = bucket
        self._keys = tier_keys

    def upload_url(
        self, dataset_id: str, upload_id: str, tier: str, seconds: int
    ) -> tuple[str, dict[str, str]]:
        headers = {
            "x-amz-server-side-encryption": "aws:kms",
            "x-amz-server-side-encryption-aws-kms-key-id": self._keys[tier],
        }
        url = self._client.generate_presigned_url(
            "put_object",
            Params={
                "Bucket": self._bucket,
                "Key": upload_key(dataset_id, upload_id),
                "ServerSideEncryption": "aws:kms",
                "SSEKMSKeyId": self._keys[tier],
            },
            ExpiresIn=seconds,
        )
        return str(url), headers

    def read(self, dataset_id: str, upload_id: str, limit: int) -> tuple[int | None, bytes | None]:
        try:
            answer = self._client.get_object(Bucket=self._bucket, Key=upload_key(dataset_id, upload_id))
        except self._client.exceptions.NoSuchKey:
            return None, None
        size = int(answer["ContentLength"])
        if size > limit:
            answer["Body"].close()
            return size, None
        return size, bytes(answer["Body"].read())
