"""The exports bucket: one object per export, and presigned download URLs (signed locally, no call).

An export is written whole (one PutObject): a consultation's answers, votes or statements are tens
of megabytes at most, well within the exporter's memory.
"""

from typing import Any

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


class S3Files:
    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def put(self, key: str, body: bytes, export_format: str) -> None:
        self._client.put_object(
            Bucket=self._bucket, Key=key, Body=body, ContentType=CONTENT_TYPES[export_format]
        )

    def url(self, key: str, filename: str, seconds: int) -> str:
        return str(
            self._client.generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self._bucket,
                    "Key": key,
                    "ResponseContentDisposition": f'attachment; filename="{filename}"',
                },
                ExpiresIn=seconds,
            )
        )
