"""moto's KMS keeps its RSA key generation for the keys that sign (`numeriqc_local.aws.moto_kms_keys`):
a symmetric key's never-used private key is made only if something reads it."""

from moto.kms.models import kms_backends

from numeriqc_local.account import ACCOUNT_ID, REGION
from numeriqc_local.aws.moto_kms_keys import LazyPrivateKey
from numeriqc_local.runtime import LocalRuntime


def test_symmetric_keys_defer_their_private_key_and_signing_keys_still_sign(platform: LocalRuntime) -> None:
    kms = platform.clients("kms")
    keys = kms_backends[ACCOUNT_ID][REGION].keys
    symmetric = [key for key in keys.values() if key.key_spec == "SYMMETRIC_DEFAULT"]
    signing = [key for key in keys.values() if key.key_spec.startswith("ECC_")]
    assert symmetric and signing

    assert all(isinstance(key.private_key, LazyPrivateKey) for key in symmetric)
    assert not any(isinstance(key.private_key, LazyPrivateKey) for key in signing)

    sealed = kms.encrypt(KeyId=symmetric[0].id, Plaintext=b"secret")["CiphertextBlob"]
    assert kms.decrypt(CiphertextBlob=sealed)["Plaintext"] == b"secret"
    signed = kms.sign(
        KeyId=signing[0].id, Message=b"entry", MessageType="RAW", SigningAlgorithm="ECDSA_SHA_256"
    )["Signature"]
    verdict = kms.verify(
        KeyId=signing[0].id,
        Message=b"entry",
        MessageType="RAW",
        Signature=signed,
        SigningAlgorithm="ECDSA_SHA_256",
    )
    assert verdict["SignatureValid"] is True


def test_a_deferred_private_key_is_made_as_moto_makes_it_when_read(platform: LocalRuntime) -> None:
    key = next(
        key for key in kms_backends[ACCOUNT_ID][REGION].keys.values() if key.key_spec == "SYMMETRIC_DEFAULT"
    )
    assert key.private_key.key_size == 2048  # moto's fallback for a symmetric key: RSA 2048
