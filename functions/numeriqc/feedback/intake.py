"""Taking a citizen's submission: abuse rules, redaction, then one transactional write. Pure logic.

The order matters for privacy: the comment and the page address are redacted first, and only the
redacted text, a keyed hash of the client (never its IP address) and a keyed hash of the content
go any further. A honeypot hit gets the same 201 as a real submission (a robot learns nothing) and
is never written anywhere near real feedback; a duplicate within the window gets the receipt of the
first one and is stored once.
"""

import json
from dataclasses import dataclass
from datetime import timedelta

from numeriqc.core.clock import Clock, epoch_seconds
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.pii import keyed_hash, redact, redact_url
from numeriqc.core.problems import FieldError, TooManyRequests, ValidationFailed
from numeriqc.feedback.models import FeedbackIn, Receipt, Status
from numeriqc.feedback.ports import ContactVault, Submission, SubmissionWriter

CLIENT_PURPOSE = "feedback-client"
DUPLICATE_PURPOSE = "feedback-duplicate"
ONCE_PURPOSE = "feedback-once"
ONCE_DAYS = 30  # longer than a rating request stays open (sms_ratings.OPEN_FOR)

_UNKNOWN_SERVICE = Message(
    "Aucun service {service_id} n'est inscrit.", "No service {service_id} is registered."
)
_CLIENT_RATE = Message(
    "Trop de soumissions : au plus {limit} par minute. Réessayez dans {seconds} s.",
    "Too many submissions: at most {limit} a minute. Try again in {seconds} s.",
)
_SERVICE_RATE = Message(
    "Ce service reçoit trop de soumissions en ce moment. Réessayez dans {seconds} s.",
    "This service is receiving too many submissions right now. Try again in {seconds} s.",
)


@dataclass(frozen=True)
class Rules:
    client_rate_per_minute: int = 10
    service_rate_per_minute: int = 600
    duplicate_window_seconds: int = 300
    comment_retention_days: int = 730
    contact_retention_days: int = 365


@dataclass(frozen=True)
class Outcome:
    receipt: Receipt
    result: str  # stored, duplicate, honeypot: for metrics, never shown to the client


def is_honeypot(request: FeedbackIn) -> bool:
    return bool(request.website and request.website.strip())


def clean_page_url(url: str | None) -> tuple[str | None, list[str]]:
    """Scheme, host and redacted path only: user-info is credentials, query strings and fragments
    carry names, emails, tokens, and the path is read decoded (`core.redaction.redact_url`)."""
    if url is None:
        return None, []
    cleaned, kinds = redact_url(url)
    return cleaned, [kind.value for kind in kinds]


def normalized(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def fingerprint_source(request: FeedbackIn, comment: str | None, client_hash: str) -> str:
    """What makes two submissions 'the same': content and client (hashed with the pepper afterwards)."""
    return json.dumps(
        [
            request.service_id,
            request.rating,
            sorted((driver.value, sentiment.value) for driver, sentiment in request.drivers.items()),
            normalized(comment),
            request.channel.value,
            client_hash,
        ],
        separators=(",", ":"),
    )


def contact_context(service_id: str, feedback_id: str) -> dict[str, str]:
    """KMS encryption context: a ciphertext only opens for the submission it belongs to."""
    return {"purpose": "feedback-contact", "service_id": service_id, "feedback_id": feedback_id}


class Intake:
    def __init__(
        self,
        store: SubmissionWriter,
        pepper: bytes,
        vault: ContactVault,
        rules: Rules = Rules(),
        clock: Clock = installed_clock,
    ) -> None:
        self._store = store
        self._pepper = pepper
        self._vault = vault
        self._rules = rules
        self._clock = clock

    def submit(self, request: FeedbackIn, source_ip: str, *, once_key: str | None = None) -> Outcome:
        """`once_key` (a rating replied by SMS, sms_ratings.py) makes every later submission with the
        same key a duplicate for `ONCE_DAYS`, whatever its content: one rating per request."""
        now = self._clock()
        feedback_id = new_ulid(self._clock)
        if is_honeypot(request):
            return Outcome(
                Receipt(receipt_id=feedback_id, service_id=request.service_id, received_at=now), "honeypot"
            )
        comment, comment_kinds = redact(request.comment) if request.comment else (None, [])
        page_url, url_kinds = clean_page_url(str(request.page_url) if request.page_url else None)
        removed = sorted({kind.value for kind in comment_kinds} | set(url_kinds))
        client_hash = keyed_hash(source_ip, self._pepper, CLIENT_PURPOSE)[:40]
        org_id = request.service_id.split(".", 1)[0]
        expires_at = epoch_seconds(now + timedelta(days=self._rules.comment_retention_days))
        item = {
            "kind": "feedback",
            "feedback_id": feedback_id,
            "org_id": org_id,
            "service_id": request.service_id,
            "rating": request.rating,
            "drivers": {driver.value: sentiment.value for driver, sentiment in request.drivers.items()},
            "comment": comment or None,
            "has_comment": bool(comment),
            "removed": removed,
            "language": request.language,
            "channel": request.channel.value,
            "page_url": page_url,
            "has_contact": request.contact is not None,
            "status": Status.NEW.value,
            "received_at": now.isoformat(),
            "expires_at": expires_at,
        }
        contact = None
        if request.contact is not None:
            plaintext = request.contact.model_dump_json(exclude={"consent"}, exclude_none=True).encode()
            contact = self._vault.seal(plaintext, contact_context(request.service_id, feedback_id))
        now_epoch = epoch_seconds(now)
        submission = Submission(
            org_id=org_id,
            service_id=request.service_id,
            feedback_id=feedback_id,
            item=item,
            rating=request.rating,
            drivers=dict(request.drivers),
            has_comment=bool(comment),
            received_at=now,
            now_epoch=now_epoch,
            client_hash=client_hash,
            fingerprint=keyed_hash(
                once_key or fingerprint_source(request, comment, client_hash),
                self._pepper,
                ONCE_PURPOSE if once_key else DUPLICATE_PURPOSE,
            ),
            duplicate_until=now_epoch
            + (ONCE_DAYS * 86400 if once_key else self._rules.duplicate_window_seconds),
            minute=now_epoch // 60,
            # answers by SMS all come from one client, the notification service: the service's rate
            client_limit=self._rules.service_rate_per_minute
            if once_key
            else self._rules.client_rate_per_minute,
            service_limit=self._rules.service_rate_per_minute,
            contact=contact,
            contact_expires_at=epoch_seconds(now + timedelta(days=self._rules.contact_retention_days)),
        )
        outcome = self._store.submit(submission)
        retry_after = str(60 - now_epoch % 60)
        if outcome.result == "unknown-service":
            raise ValidationFailed(
                errors=[
                    FieldError(
                        "body.service_id", "unknown_service", _UNKNOWN_SERVICE, service_id=request.service_id
                    )
                ]
            )
        if outcome.result in ("client-rate", "service-rate"):
            message = _CLIENT_RATE if outcome.result == "client-rate" else _SERVICE_RATE
            raise TooManyRequests(
                message,
                headers={"Retry-After": retry_after},
                limit=self._rules.client_rate_per_minute,
                seconds=retry_after,
            )
        if outcome.result == "duplicate" and outcome.receipt_id and outcome.received_at:
            receipt = Receipt(
                receipt_id=outcome.receipt_id,
                service_id=request.service_id,
                received_at=outcome.received_at,
                removed=removed,
            )
            return Outcome(receipt, "duplicate")
        return Outcome(
            Receipt(receipt_id=feedback_id, service_id=request.service_id, received_at=now, removed=removed),
            "stored",
        )
