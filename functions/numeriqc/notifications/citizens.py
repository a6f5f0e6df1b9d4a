"""What citizens and organizations do about consent: record, look up, withdraw, unsubscribe, erase."""

from collections.abc import Callable
from datetime import datetime

from numeriqc.core.problems import Conflict as ConflictProblem
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.notifications import addresses, consent, problems
from numeriqc.notifications import unsubscribe as tokens
from numeriqc.notifications.models import Channel, Consent, ConsentIn, ConsentLookup, ErasureIn, ErasureOut
from numeriqc.notifications.ports import Conflict, ConsentRecords, RecipientHasher, RecipientRecords


class Citizens:
    """`pepper` is read only by the public unsubscribe route, which verifies a signed token."""

    def __init__(
        self,
        consents: ConsentRecords,
        recipients: RecipientRecords,
        hash_recipient: RecipientHasher,
        pepper: Callable[[], bytes],
    ) -> None:
        self._consents = consents
        self._recipients = recipients
        self._hash_recipient = hash_recipient
        self._pepper = pepper

    def _hash(self, channel: Channel, raw: str) -> str:
        recipient = addresses.normalise(channel, raw)
        if isinstance(recipient, addresses.Invalid):
            raise ValidationFailed(
                errors=[FieldError("body.recipient", "invalid_recipient", recipient.message)]
            )
        return self._hash_recipient(addresses.hash_key(channel, recipient))

    def record_consent(self, org_id: str, request: ConsentIn, now: datetime) -> Consent:
        """Refused over a citizen's withdrawal or STOP unless the citizen acted again (consent.py)."""
        rh = self._hash(request.channel, request.recipient)
        given = request.given_at or now
        wanted = (org_id, request.channel.value, rh)
        existing, optout = self._consents.consent_states([wanted])[wanted]
        token = request.citizen_token
        refused = consent.recording_refusal(
            existing,
            optout,
            given_at=given,
            now=now,
            citizen_token=token,
            token_valid=token is not None and tokens.read_token(self._pepper(), token) == wanted,
        )
        if refused is not None:
            raise refused
        try:
            return consent.record(
                self._consents,
                org_id,
                request.channel,
                rh,
                purpose=request.purpose,
                source=request.source,
                given_at=given,
                replacing=existing,
            )
        except Conflict as error:  # a withdrawal landed between the read and the write
            raise ConflictProblem(consent.CHANGED_MEANWHILE) from error

    def lookup_consent(self, org_id: str, request: ConsentLookup) -> Consent:
        rh = self._hash(request.channel, request.recipient)
        wanted = (org_id, request.channel.value, rh)
        item, optout = self._consents.consent_states([wanted])[wanted]
        if item is None:
            raise NotFound(problems.NO_CONSENT)
        return consent.consent_of(item, optout)

    def withdraw_consent(self, org_id: str, request: ConsentLookup, now: datetime) -> Consent:
        rh = self._hash(request.channel, request.recipient)
        if not consent.withdraw(
            self._consents, org_id, request.channel, rh, by=consent.ORGANIZATION, now=now
        ):
            raise NotFound(problems.NO_CONSENT)
        return self.lookup_consent(org_id, request)

    def check_unsubscribe_token(self, token: str) -> tuple[str, str, str]:
        """(organization, channel, recipient hash) of a token this platform signed; a 422 otherwise."""
        read = tokens.read_token(self._pepper(), token)
        if read is None:
            raise ValidationFailed(errors=[FieldError("path.token", "invalid_token", problems.BAD_TOKEN)])
        return read

    def unsubscribe(self, token: str, now: datetime) -> None:
        """RFC 8058: the signed token names organization and recipient; withdrawing twice is fine."""
        org_id, channel, rh = self.check_unsubscribe_token(token)
        consent.withdraw(self._consents, org_id, channel, rh, by="one-click-unsubscribe", now=now)

    def erase(self, org_id: str, request: ErasureIn) -> ErasureOut:
        """Remove what the platform holds on one citizen for this organization: consent and content
        are deleted, the statuses of their notifications lose the recipient's hash (they stay,
        anonymized)."""
        rh = self._hash(request.channel, request.recipient)
        held = self._recipients.held_on(org_id, rh)
        self._recipients.delete_held(org_id, rh, held)
        # Rare and small: one update each keeps the statuses and drops the hash.
        for notification_id in held.notifications:
            self._recipients.anonymize(org_id, notification_id, {"erased": True})
        return ErasureOut(
            consents_removed=len(held.consents),
            contents_removed=len(held.contents),
            notifications_anonymized=len(held.notifications),
        )
