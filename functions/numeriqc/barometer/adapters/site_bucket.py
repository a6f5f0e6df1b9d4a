"""The public site's bucket: one PutObject per changed file, with the headers CloudFront passes on.

Pages are short-cached (`max-age=300`) so a publication shows within minutes without invalidations;
the bucket is private and read only by CloudFront (origin access control).
"""

from typing import Any

CACHE_CONTROL = "public, max-age=300"


class S3Site:
    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def write(self, path: str, content: bytes, content_type: str) -> None:
        self._client.put_object(
            Bucket=self._bucket,
            Key=path,
            Body=content,
            ContentType=content_type,
            CacheControl=CACHE_CONTROL,
        )
