"""Checking the log's signatures with its public key: the same code in the API (key from KMS) and
offline in `numeriqc exchange verify` (key from a PEM file the auditor obtained on its own)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import ec

ALGORITHM = "ECDSA_SHA_256"  # KMS's name for ECDSA on NIST P-256 with SHA-256


class PublicKeyCheck:
    """A `chain.SignatureCheck` with an elliptic-curve public key."""

    def __init__(self, key: "ec.EllipticCurvePublicKey") -> None:
        self._key = key

    @classmethod
    def from_pem(cls, pem: bytes) -> "PublicKeyCheck":
        # imported on first use, not at cold start (docs/decisions/0002)
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        key = serialization.load_pem_public_key(pem)
        if not isinstance(key, ec.EllipticCurvePublicKey):
            raise ValueError("not an elliptic-curve public key")
        return cls(key)

    def __call__(self, message: bytes, signature: bytes) -> bool:
        # imported on first use, not at cold start (docs/decisions/0002)
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec

        try:
            self._key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            return False
        return True
