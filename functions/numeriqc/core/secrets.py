"""The platform pepper (HMAC key for keyed hashes), read once per container from Secrets Manager."""

from numeriqc.core import aws

_peppers: dict[str, bytes] = {}


def pepper(secret_arn: str) -> bytes:
    """The pepper's bytes; one GetSecretValue per container, not per request."""
    if secret_arn not in _peppers:
        answer = aws.client("secretsmanager").get_secret_value(SecretId=secret_arn)
        _peppers[secret_arn] = answer["SecretString"].encode()
    return _peppers[secret_arn]


def forget_peppers() -> None:
    """Tests that start a fresh moto (a new pepper) call this."""
    _peppers.clear()
