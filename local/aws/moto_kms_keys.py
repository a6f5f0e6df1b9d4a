"""moto's KMS makes a 2048-bit RSA private key for every key it creates, symmetric ones included,
where nothing can ever use it (AWS signs only with asymmetric keys). RSA key generation is the
single largest cost of creating the platform's resources: five symmetric keys, about half of the
CPU time of a test's `platform` fixture (measured with cProfile, Nov 2026).

`install()` makes that key lazy for the key specs moto falls back to RSA for (SYMMETRIC_DEFAULT,
HMAC_*): it is generated, exactly as moto would, the first time anything reads it. RSA and ECC key
specs keep moto's eager generation. What moto answers is unchanged.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_INSTALLED = "_numeriqc_lazy_private_key"
# The key specs whose private key moto generates for signing; every other spec gets a lazy one.
_SIGNING_PREFIXES = ("RSA_", "ECC_")


class LazyPrivateKey:
    """Stands in for moto's private key object; generates the real one on first attribute read."""

    def __init__(self, generate: Any, key_spec: str) -> None:
        self._generate = generate
        self._key_spec = key_spec
        self._key: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy/pickle probes and our own fields before __init__ ran
            raise AttributeError(name)
        if self._key is None:
            self._key = self._generate(self._key_spec)
        return getattr(self._key, name)


def install() -> None:
    """Patch moto's KMS key model (idempotent)."""
    import moto.kms.models as kms_models

    with _lock:
        generate = getattr(kms_models, "generate_private_key")  # noqa: B009 (not re-exported by moto)
        if getattr(generate, _INSTALLED, False):
            return

        def generate_private_key(key_spec: str) -> Any:
            if key_spec.startswith(_SIGNING_PREFIXES):
                return generate(key_spec)
            return LazyPrivateKey(generate, key_spec)

        setattr(generate_private_key, _INSTALLED, True)
        setattr(kms_models, "generate_private_key", generate_private_key)  # noqa: B010
