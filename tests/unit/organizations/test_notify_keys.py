"""Notify-style keys and JWTs: derivation, verification, staleness, replay (organizations/notify_keys.py)."""

import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from numeriqc.organizations import notify_keys
from numeriqc.organizations.models import NotifyKey
from numeriqc.organizations.notify_keys import TokenStatus

PEPPER = b"p" * 32
NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


class Keys:
    def __init__(self) -> None:
        self.records: list[NotifyKey] = []
        self.reads = 0

    def add_notify_key(self, record: NotifyKey) -> None:
        self.records.append(record)

    def notify_keys(self, service_id: str, *, refresh: bool = False) -> list[NotifyKey]:
        self.reads += 1
        return [record for record in self.records if record.service_id == service_id]

    def revoke_notify_key(self, service_id: str, key_id: str, when: datetime) -> NotifyKey | None:
        for index, record in enumerate(self.records):
            if record.key_id == key_id and record.service_id == service_id:
                self.records[index] = record.model_copy(update={"revoked_at": when})
                return self.records[index]
        return None


class Ledger:
    def __init__(self) -> None:
        self.seen: dict[str, datetime] = {}

    def first_seen(self, service_id: str, marker: str, now: datetime, until: datetime) -> datetime | None:
        first = self.seen.get(marker)
        self.seen.setdefault(marker, now)
        return first


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(api_key: str, iat: int, alg: str = "HS256", **claims: Any) -> str:
    service, secret = api_key[-73:-37], api_key[-36:]
    header = _b64(json.dumps({"typ": "JWT", "alg": alg}).encode())
    payload = _b64(json.dumps({"iss": service, "iat": iat, **claims}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def _made(keys: Keys, kind: str = "live") -> str:
    return notify_keys.create_key(
        keys, PEPPER, org_id="saaq", name="Mon Service", kind=kind, clock=lambda: NOW
    ).key  # type: ignore[arg-type]


def test_a_key_is_what_notify_clients_slice_and_holds_no_stored_secret() -> None:
    keys = Keys()
    api_key = _made(keys)
    record = keys.records[0]
    assert api_key.startswith("mon_service-")
    assert api_key[-73:-37] == record.service_id == notify_keys.service_id("saaq")
    assert uuid.UUID(api_key[-36:]) and api_key[-36:] == notify_keys.secret(record.key_id, PEPPER)
    assert api_key[-36:] not in record.model_dump_json()
    assert notify_keys.secret(record.key_id, b"q" * 32) != api_key[-36:]


def test_a_fresh_token_signed_by_a_key_of_the_service_is_valid() -> None:
    keys, ledger = Keys(), Ledger()
    api_key = _made(keys)
    status, record = notify_keys.authenticate(keys, ledger, PEPPER, jwt(api_key, int(NOW.timestamp())), NOW)
    assert status is TokenStatus.VALID and record is not None and record.org_id == "saaq"


def test_every_bad_token_has_its_reason() -> None:
    keys = Keys()
    api_key = _made(keys)
    iat = int(NOW.timestamp())
    other = "x-" + notify_keys.service_id("autre") + "-" + str(uuid.uuid4())
    cases = {
        "not.a.jwt": TokenStatus.MALFORMED,
        jwt(api_key, iat, alg="none"): TokenStatus.MALFORMED,
        jwt(api_key, iat - 31): TokenStatus.CLOCK,
        jwt(api_key, iat + 31): TokenStatus.CLOCK,
        jwt(api_key[:-36] + str(uuid.uuid4()), iat): TokenStatus.SIGNATURE,
        jwt(other, iat): TokenStatus.UNKNOWN_SERVICE,
    }
    for token, expected in cases.items():
        assert notify_keys.authenticate(keys, Ledger(), PEPPER, token, NOW)[0] is expected, token
    assert (
        notify_keys.authenticate(keys, Ledger(), PEPPER, jwt(api_key, iat - 30), NOW)[0] is TokenStatus.VALID
    )


def test_a_stale_or_malformed_token_costs_no_read() -> None:
    keys = Keys()
    api_key = _made(keys)
    notify_keys.authenticate(keys, Ledger(), PEPPER, jwt(api_key, int(NOW.timestamp()) - 60), NOW)
    notify_keys.authenticate(keys, Ledger(), PEPPER, "eyJ.x.y", NOW)
    assert keys.reads == 0


def test_revoked_keys_are_refused() -> None:
    keys = Keys()
    api_key = _made(keys)
    notify_keys.revoke_key(keys, "saaq", keys.records[0].key_id, clock=lambda: NOW)
    token = jwt(api_key, int(NOW.timestamp()))
    assert notify_keys.authenticate(keys, Ledger(), PEPPER, token, NOW)[0] is TokenStatus.REVOKED
    assert notify_keys.revoke_key(keys, "autre", keys.records[0].key_id, clock=lambda: NOW) is None


def test_a_token_is_reusable_within_its_first_second_only_and_a_jti_once() -> None:
    keys, ledger = Keys(), Ledger()
    api_key = _made(keys)
    token = jwt(api_key, int(NOW.timestamp()))
    for moment in (NOW, NOW + timedelta(milliseconds=900)):
        assert notify_keys.authenticate(keys, ledger, PEPPER, token, moment)[0] is TokenStatus.VALID
    later = NOW + timedelta(seconds=2)
    assert notify_keys.authenticate(keys, ledger, PEPPER, token, later)[0] is TokenStatus.REPLAYED
    single = jwt(api_key, int(NOW.timestamp()), jti="abc")
    assert notify_keys.authenticate(keys, ledger, PEPPER, single, NOW)[0] is TokenStatus.VALID
    assert notify_keys.authenticate(keys, ledger, PEPPER, single, NOW)[0] is TokenStatus.REPLAYED
