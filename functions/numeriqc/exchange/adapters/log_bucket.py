"""Signed batches in the log bucket: Object Lock (governance mode) keeps each one unchanged for the
retention infra sets as the bucket's default, so a batch cannot be rewritten after the fact."""

import json
from typing import Any


class S3BatchArchive:
    def __init__(self, s3: Any, bucket: str) -> None:
        self._s3 = s3
        self._bucket = bucket

    def put(self, batch: dict[str, Any]) -> None:
        day = str(batch["header"]["time"])[:10].replace("-", "/")
        self._s3.put_object(
            Bucket=self._bucket,
            Key=f"batches/{day}/{batch['header']['batch_id']}.json",
            Body=json.dumps(batch, sort_keys=True).encode(),
            ContentType="application/json",
            ChecksumAlgorithm="SHA256",  # Object Lock requires an integrity checksum on PUT
        )
