"""Organizations and their API keys: the rules of creating, authenticating and revoking. Pure logic.

The store is injected (as the narrow port each rule needs); the admin CLI, the demo bootstrap, the
authorizer and the API all go through here.
"""

from datetime import datetime, timedelta

from numeriqc.core.auth import KEY_REASONS, Caller, KeyKind, Scope
from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import CloudEvent, EventSink, cloud_event
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import Unauthenticated
from numeriqc.organizations import keys
from numeriqc.organizations.keys import KeyStatus
from numeriqc.organizations.models import ApiKey, NewApiKey, Organization, OrganizationOut
from numeriqc.organizations.ports import KeyLookup, KeyRecords, OrganizationRecords


class UnknownOrganization(LookupError):
    pass


class UnknownKey(LookupError):
    pass


class InvalidValidity(ValueError):
    """A key's validity outside 1..MAX_VALID_DAYS days: 0 or less used to mean "never expires"."""


# Five years: long enough for any integration, short enough that a forgotten key dies one day.
MAX_VALID_DAYS = 5 * 366


def create_organization(
    store: OrganizationRecords,
    *,
    org_id: str,
    name_fr: str,
    name_en: str,
    contact_email: str,
    clock: Clock = installed_clock,
    sink: EventSink | None = None,
) -> Organization:
    """A new organization; `sink` hears `organizations.onboarded.v1` once it is stored (the admin
    command publishes it, so the barometer counts organizations onboarded)."""
    organization = Organization(
        org_id=org_id, name_fr=name_fr, name_en=name_en, contact_email=contact_email, created_at=clock()
    )
    store.add_organization(organization)
    if sink is not None:
        sink.emit(onboarded(organization))
    return organization


def onboarded(organization: Organization) -> CloudEvent:
    """Its id derives from the organization (an organization is created once): the contact address
    is not in it."""
    event = cloud_event(
        "organizations",
        "onboarded",
        organization.org_id,
        {"org_id": organization.org_id},
        clock=lambda: organization.created_at,
    )
    return event.model_copy(update={"id": f"{organization.org_id}.onboarded"})


def create_key(
    store: KeyRecords,
    pepper: bytes,
    *,
    org_id: str,
    kind: KeyKind,
    scopes: set[Scope],
    name: str,
    valid_days: int | None = None,
    clock: Clock = installed_clock,
) -> NewApiKey:
    """A new key for `org_id`: returned once in clear, stored only as its keyed hash.

    `valid_days` is None (a key that lives until revoked, asked for explicitly) or 1 to
    MAX_VALID_DAYS: zero, negative and absurd values are refused, never read as "no expiry".
    """
    if valid_days is not None and not (
        isinstance(valid_days, int) and not isinstance(valid_days, bool) and 1 <= valid_days <= MAX_VALID_DAYS
    ):
        raise InvalidValidity(valid_days)
    if store.organization(org_id) is None:
        raise UnknownOrganization(org_id)
    now = clock()
    key = keys.generate_key(kind)
    record = ApiKey(
        key_id=new_ulid(clock),
        org_id=org_id,
        name=name,
        kind=kind,
        scopes=frozenset(scopes),
        created_at=now,
        expires_at=None if valid_days is None else now + timedelta(days=valid_days),
        key_hash=keys.key_hash(key, pepper),
        hint=keys.hint(key),
    )
    store.add_key(record)
    return NewApiKey(key=key, record=record)


def revoke_key(store: KeyRecords, org_id: str, key_id: str, clock: Clock = installed_clock) -> ApiKey:
    record = store.key(org_id, key_id)
    if record is None:
        raise UnknownKey(key_id)
    if record.revoked_at is None:
        store.revoke_key(record, clock())
    return record


def authenticate(
    store: KeyLookup, pepper: bytes, authorization: str | None, now: datetime
) -> tuple[KeyStatus, ApiKey | None]:
    """The status of the key in an Authorization header; malformed keys cost no lookup."""
    token = keys.bearer_token(authorization)
    if token is None or not keys.well_formed(token):
        return KeyStatus.INVALID, None
    record = store.key_by_hash(keys.key_hash(token, pepper))
    return keys.status(record, now), record


def who_am_i(store: OrganizationRecords, caller: Caller) -> OrganizationOut:
    """The organization a key belongs to, as the key sees it."""
    organization = store.organization(caller.org_id)
    if organization is None:  # removed after the key was cached: the key is dead
        raise Unauthenticated(KEY_REASONS["invalid"])
    return OrganizationOut(
        org_id=organization.org_id,
        name_fr=organization.name_fr,
        name_en=organization.name_en,
        key_kind=caller.kind,
        scopes=sorted(caller.scopes),
    )
