"""The log's signing key: an asymmetric KMS key (ECC NIST P-256, ECDSA SHA-256).

Only `Sign` ever touches the private key, once per batch; the public key is read once per
verifying request and checks signatures locally (and offline, from its PEM, in the CLI).
"""

from typing import TYPE_CHECKING, Any

from numeriqc.exchange.signatures import ALGORITHM, PublicKeyCheck

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import ec


class KmsSigner:
    def __init__(self, kms: Any, key_id: str) -> None:
        self._kms = kms
        self.key_id = key_id
        self._public: ec.EllipticCurvePublicKey | None = None  # one GetPublicKey per request that verifies

    def sign(self, message: bytes) -> bytes:
        answer = self._kms.sign(
            KeyId=self.key_id, Message=message, MessageType="RAW", SigningAlgorithm=ALGORITHM
        )
        return bytes(answer["Signature"])

    def public_key_pem(self) -> str:
        # imported on first use, not at cold start (docs/decisions/0002)
        from cryptography.hazmat.primitives import serialization

        return (
            self._public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )

    def _public_key(self) -> "ec.EllipticCurvePublicKey":
        if self._public is None:
            # imported on first use, not at cold start (docs/decisions/0002)
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import ec

            der = self._kms.get_public_key(KeyId=self.key_id)["PublicKey"]
            key = serialization.load_der_public_key(der)
            if not isinstance(key, ec.EllipticCurvePublicKey):
                raise TypeError("the log's signing key is not an elliptic-curve key")
            self._public = key
        return self._public

    def verifier(self) -> PublicKeyCheck:
        return PublicKeyCheck(self._public_key())
