"""Envelope encryption of contact details and personalisation with the platform KMS key.

KMS `Encrypt` per recipient would cost one AWS call per message; instead one data key (KMS
`GenerateDataKey`) encrypts many values with AES-256-GCM, and is reused for a while per container,
as the AWS Encryption SDK's caching materials manager does. A sealed value names its data key
(`kid`); whoever stores or queues sealed values also keeps `{kid: encrypted data key}`, and
`Decrypt` is called once per data key per container.
"""

import base64
import hashlib
import os
from datetime import datetime, timedelta
from typing import Any

DATA_KEY_LIFETIME = timedelta(minutes=10)
CONTEXT = {"purpose": "numeriqc-notifications-contact"}


class Cipher:
    """Seals and opens small values; `kms` is a boto3 KMS client, `key_arn` the platform key."""

    def __init__(self, kms: Any, key_arn: str) -> None:
        self._kms = kms
        self._key_arn = key_arn
        self._current: tuple[str, bytes, str, datetime] | None = None  # kid, key, encrypted, made
        self._opened: dict[str, bytes] = {}

    def _data_key(self, now: datetime) -> tuple[str, bytes, str]:
        if self._current is None or now - self._current[3] > DATA_KEY_LIFETIME:
            answer = self._kms.generate_data_key(
                KeyId=self._key_arn, KeySpec="AES_256", EncryptionContext=CONTEXT
            )
            encrypted = base64.b64encode(answer["CiphertextBlob"]).decode()
            kid = hashlib.sha256(encrypted.encode()).hexdigest()[:16]
            self._current = (kid, answer["Plaintext"], encrypted, now)
            self._opened[kid] = answer["Plaintext"]
        kid, key, encrypted, _ = self._current
        return kid, key, encrypted

    def current_key(self, now: datetime) -> tuple[str, str]:
        """(kid, encrypted data key) that `seal` uses now: store it beside what it seals."""
        kid, _, encrypted = self._data_key(now)
        return kid, encrypted

    def seal(self, value: str, now: datetime) -> str:
        kid, key, _ = self._data_key(now)
        nonce = os.urandom(12)
        # imported on first use, not at cold start (docs/decisions/0002)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        sealed = AESGCM(key).encrypt(nonce, value.encode(), kid.encode())
        return f"{kid}.{base64.b64encode(nonce + sealed).decode()}"

    def open(self, sealed: str, keys: dict[str, str]) -> str:
        kid, _, data = sealed.partition(".")
        key = self._opened.get(kid)
        if key is None:
            answer = self._kms.decrypt(
                CiphertextBlob=base64.b64decode(keys[kid]), EncryptionContext=CONTEXT, KeyId=self._key_arn
            )
            key = self._opened[kid] = answer["Plaintext"]
        raw = base64.b64decode(data)
        # imported on first use, not at cold start (docs/decisions/0002)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(key).decrypt(raw[:12], raw[12:], kid.encode()).decode()
