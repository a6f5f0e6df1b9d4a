"""KMS adapter for contact details: encrypted with the platform key under an encryption context.

Contact details are small (well under KMS's 4 KB plaintext limit), so direct `Encrypt` is simpler
than envelope encryption and costs one call, only for the citizens who consent to be contacted.
"""

from typing import Any


class KmsVault:
    def __init__(self, client: Any, key_arn: str) -> None:
        self._client = client
        self._key_arn = key_arn

    def seal(self, plaintext: bytes, context: dict[str, str]) -> bytes:
        answer = self._client.encrypt(KeyId=self._key_arn, Plaintext=plaintext, EncryptionContext=context)
        return bytes(answer["CiphertextBlob"])

    def open(self, ciphertext: bytes, context: dict[str, str]) -> bytes:
        answer = self._client.decrypt(
            CiphertextBlob=ciphertext, EncryptionContext=context, KeyId=self._key_arn
        )
        return bytes(answer["Plaintext"])
