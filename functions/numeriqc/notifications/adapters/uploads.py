"""The uploads bucket (S3): presigned CSV uploads and the job rows, read by byte range."""

from typing import Any

from numeriqc.notifications.adapters import chunks


class Uploads:
    """`client` is a boto3 S3 client; objects are named by the service itself."""

    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def upload_url(self, key: str, seconds: int) -> str:
        return str(
            self._client.generate_presigned_url(
                "put_object",
                Params={"Bucket": self._bucket, "Key": key, "ContentType": "text/csv"},
                ExpiresIn=seconds,
            )
        )

    def read(self, key: str, byte_range: tuple[int, int] | None = None) -> bytes:
        request: dict[str, Any] = {"Bucket": self._bucket, "Key": key}
        if byte_range:
            request["Range"] = f"bytes={byte_range[0]}-{byte_range[1] - 1}"
        try:
            body: bytes = self._client.get_object(**request)["Body"].read()
        except self._client.exceptions.NoSuchKey:
            raise FileNotFoundError(key) from None
        return body

    def write(self, key: str, data: bytes) -> None:
        self._client.put_object(Bucket=self._bucket, Key=key, Body=data)

    def delete(self, keys: list[str]) -> None:
        for batch in chunks(keys, 1000):
            self._client.delete_objects(
                Bucket=self._bucket, Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True}
            )
