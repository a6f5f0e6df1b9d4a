"""The exports bucket: a multipart upload written part by part, and presigned download URLs."""

from typing import Any

from numeriqc.feedback.models import ExportFormat

CONTENT_TYPES = {ExportFormat.CSV: "text/csv; charset=utf-8", ExportFormat.JSON: "application/json"}


class MultipartUpload:
    """Parts are sent as they come, so memory holds one part whatever the export's size."""

    def __init__(self, client: Any, bucket: str, key: str, export_format: ExportFormat) -> None:
        self._client = client
        self._bucket = bucket
        self._key = key
        self._content_type = CONTENT_TYPES[export_format]
        self._upload_id: str | None = None
        self._parts: list[dict[str, Any]] = []

    def write_part(self, data: bytes) -> None:
        if self._upload_id is None:
            answer = self._client.create_multipart_upload(
                Bucket=self._bucket, Key=self._key, ContentType=self._content_type
            )
            self._upload_id = answer["UploadId"]
        number = len(self._parts) + 1
        answer = self._client.upload_part(
            Bucket=self._bucket, Key=self._key, UploadId=self._upload_id, PartNumber=number, Body=data
        )
        self._parts.append({"PartNumber": number, "ETag": answer["ETag"]})

    def complete(self) -> None:
        if self._upload_id is None:
            self.write_part(b"")
        self._client.complete_multipart_upload(
            Bucket=self._bucket,
            Key=self._key,
            UploadId=self._upload_id,
            MultipartUpload={"Parts": self._parts},
        )

    def abort(self) -> None:
        if self._upload_id is not None:
            self._client.abort_multipart_upload(Bucket=self._bucket, Key=self._key, UploadId=self._upload_id)


class S3Presigner:
    """Signed locally with the function's credentials: no AWS call."""

    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

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
