"""The analysis's vote matrix files, in the service's bucket under `analysis/<consultation>/`.

One object per generation (a ULID), never overwritten: the table names the current one, so a file
written by a run that then failed is simply never read. The bucket expires analysis/ objects after
90 days (infra MATRIX_RETENTION): that sweeps the files of failed runs, and the matrix of a
consultation without a vote for 90 days, which the next analysis builds again from every vote.
"""

from typing import Any

PREFIX = "analysis"


def matrix_key(consultation_id: str, generation: str) -> str:
    return f"{PREFIX}/{consultation_id}/{generation}.npz"


class S3MatrixFiles:
    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def read(self, consultation_id: str, generation: str) -> bytes | None:
        try:
            answer = self._client.get_object(Bucket=self._bucket, Key=matrix_key(consultation_id, generation))
        except self._client.exceptions.NoSuchKey:
            return None
        return bytes(answer["Body"].read())

    def write(self, consultation_id: str, generation: str, data: bytes) -> None:
        self._client.put_object(
            Bucket=self._bucket,
            Key=matrix_key(consultation_id, generation),
            Body=data,
            ContentType="application/octet-stream",
        )

    def delete(self, consultation_id: str, generation: str) -> None:
        self._client.delete_object(Bucket=self._bucket, Key=matrix_key(consultation_id, generation))
