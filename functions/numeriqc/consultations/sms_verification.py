"""One participation per phone number: a one-time code sent by SMS, checked when the number's
first answer is cast. Pure logic over `PhoneCodes` (the table) and `CodeSender` (the notification
service's platform SMS queue: the code goes out through its consent, opt-out, test-number and
outbox rules, never by a direct SNS call).

The number and the code are kept only as keyed hashes, domain-separated per consultation (the
code's hash also per number). A code lives 10 minutes; a number has 5 tries in all while a code is
pending (asking for a new code keeps the count), and at most 3 codes until the last one expires.
A matching code is spent, and the number marked used, in the same transaction as the ballot
(`BallotWrite.verified`); neither item names the ballot, so no record links the number to the
answers (the secret ballot, tests/integration/consultations/test_secret_ballot.py).
"""

import hmac
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from numeriqc.consultations import lifecycle
from numeriqc.consultations.models import AnswersIn, Eligibility, VerificationIn, VerificationSent
from numeriqc.consultations.participation import Rules, limits, rate_refusal
from numeriqc.consultations.ports import CodeSender, PhoneCodes, Verified
from numeriqc.core.clock import Clock, epoch_seconds
from numeriqc.core.i18n import Message
from numeriqc.core.observability import logger, metrics
from numeriqc.core.phones import e164_or_none
from numeriqc.core.pii import keyed_hash
from numeriqc.core.problems import FieldError, TooManyRequests, ValidationFailed

PHONE_PURPOSE = "consultation-phone"
CODE_PURPOSE = "consultation-sms-code"
CODE_LIFETIME = timedelta(minutes=10)
MAX_TRIES = 5
MAX_SENDS = 3
DEFAULT_BUDGET = 1000  # models.ConsultationIn.sms_code_budget's default (items older than the field)
BUDGET_WARNING = 0.8
PHONE_FIELD, CODE_FIELD = "body.phone_number", "body.sms_code"

_NOT_SMS = Message(
    "Cette consultation ne vérifie pas les numéros de téléphone.",
    "This consultation does not verify phone numbers.",
)
_BAD_PHONE = Message(
    "Ce numéro de téléphone n'est pas valide (par exemple 514 234 5678).",
    "This phone number is not valid (for example 514 234 5678).",
)
_PHONE_REQUIRED = Message(
    "Cette consultation demande un numéro de téléphone vérifié par texto.",
    "This consultation requires a phone number verified by SMS.",
)
_CODE_REQUIRED = Message("Entrez le code reçu par texto.", "Enter the code you received by SMS.")
_PHONE_USED = Message(
    "Ce numéro de téléphone a déjà participé à cette consultation.",
    "This phone number has already taken part in this consultation.",
)
_EXPIRED = Message(
    "Aucun code valide pour ce numéro : il a expiré (10 minutes) ou n'a pas été demandé. "
    "Demandez-en un nouveau.",
    "No valid code for this number: it expired (10 minutes) or was never asked for. Ask for a new one.",
)
_WRONG = Message(
    "Ce code n'est pas le bon. Essais restants : {tries_left}.",
    "This code is wrong. Tries left: {tries_left}.",
)
_NO_TRIES = Message(
    "Trop d'essais (5) pour ce numéro : demandez un nouveau code dans 10 minutes.",
    "Too many tries (5) for this number: ask for a new code in 10 minutes.",
)
_BUDGET = Message(
    "Cette consultation a envoyé tous les codes par texto que son organisme a prévus; réessayez plus tard "
    "ou communiquez avec l'organisme.",
    "This consultation has sent all the SMS codes its organization planned for; try again later or "
    "contact the organization.",
)
_TOO_MANY_CODES = Message(
    "Trois codes ont déjà été envoyés à ce numéro : utilisez le dernier, "
    "ou réessayez dans {minutes} minutes.",
    "Three codes were already sent to this number: use the last one, or try again in {minutes} minutes.",
)


def budget_alert(consultation_id: str, spent: int | None, budget: int) -> None:
    """The `SmsCodeBudgetAlerts` metric (alarmed on its first count) once 80 % of a consultation's
    code budget is spent, and for each code refused by it; the log names the consultation."""
    if spent is not None and spent < BUDGET_WARNING * budget:
        return
    metrics.add_metric(name="SmsCodeBudgetAlerts", unit=MetricUnit.Count, value=1)
    logger.warning(
        "SMS code budget nearly spent" if spent is not None else "SMS code budget spent",
        extra={
            "consultation_id": consultation_id,
            "spent": spent if spent is not None else budget,
            "budget": budget,
        },
    )


def normalise_phone(raw: str) -> str | None:
    """E.164, or None unless a valid number (core.phones)."""
    return e164_or_none(raw)


def phone_key(pepper: bytes, consultation_id: str, phone: str) -> str:
    return keyed_hash(phone, pepper, f"{PHONE_PURPOSE}:{consultation_id}")


def code_key(pepper: bytes, consultation_id: str, phone_hash: str, code: str) -> str:
    return keyed_hash("".join(code.split()), pepper, f"{CODE_PURPOSE}:{consultation_id}:{phone_hash}")


def new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _invalid(field: str, code: str, message: Message, **params: object) -> ValidationFailed:
    return ValidationFailed(errors=[FieldError(field, code, message, **params)])


class SmsVerification:
    def __init__(  # noqa: PLR0917 - the ports and the two sources of chance and time
        self,
        codes: PhoneCodes,
        sender: CodeSender,
        pepper: bytes,
        rules: Rules,
        clock: Clock,
        make_code: Callable[[], str] = new_code,
    ) -> None:
        self._codes = codes
        self._sender = sender
        self._pepper = pepper
        self._rules = rules
        self._clock = clock
        self._make_code = make_code

    def send(self, consultation: dict[str, Any], request: VerificationIn, source_ip: str) -> VerificationSent:
        """A new code for the number, stored as a hash, then handed to the notification service."""
        now = self._clock()
        consultation_id = consultation["consultation_id"]
        lifecycle.require_open(consultation, now)
        if consultation["eligibility"] != Eligibility.SMS.value:
            raise _invalid(PHONE_FIELD, "not_required", _NOT_SMS)
        phone = normalise_phone(request.phone_number)
        if phone is None:
            raise _invalid(PHONE_FIELD, "invalid", _BAD_PHONE)
        key = phone_key(self._pepper, consultation_id, phone)
        if self._codes.phone_used(consultation_id, key):
            raise _invalid(PHONE_FIELD, "already_participated", _PHONE_USED)
        budget = int(consultation.get("sms_code_budget") or DEFAULT_BUDGET)
        spent = self._codes.spend_code_budget(consultation_id, budget)
        budget_alert(consultation_id, spent, budget)
        if spent is None:
            raise TooManyRequests(
                _BUDGET, errors=[FieldError("path.consultation_id", "sms_code_budget", _BUDGET)]
            )
        code = self._make_code()
        expires = now + CODE_LIFETIME
        result = self._codes.start_code(
            consultation_id,
            key,
            code_key(self._pepper, consultation_id, key, code),
            now_epoch=epoch_seconds(now),
            expires_epoch=epoch_seconds(expires),
            max_sends=MAX_SENDS,
            limits=limits(self._pepper, source_ip, now, self._rules),
        )
        if result != "stored":
            self._codes.refund_code_budget(consultation_id)  # no code went out: it costs nothing
        if result == "client-rate":
            raise rate_refusal(result, now, self._rules)
        if result == "sends":
            minutes = str(int(CODE_LIFETIME.total_seconds() // 60))
            raise TooManyRequests(
                _TOO_MANY_CODES,
                headers={"Retry-After": str(int(CODE_LIFETIME.total_seconds()))},
                errors=[FieldError(PHONE_FIELD, "too_many_codes", _TOO_MANY_CODES, minutes=minutes)],
                minutes=minutes,
            )
        self._sender.send_code(phone, code, request.language)
        return VerificationSent(expires_at=expires)

    def verified(self, consultation_id: str, request: AnswersIn, now: datetime) -> Verified:
        """The number and its code, checked: a wrong one costs a try; raises a problem naming the field."""
        errors = []
        if not request.phone_number:
            errors.append(FieldError(PHONE_FIELD, "missing", _PHONE_REQUIRED))
        if not request.sms_code:
            errors.append(FieldError(CODE_FIELD, "missing", _CODE_REQUIRED))
        if errors:
            raise ValidationFailed(errors=errors)
        assert request.phone_number and request.sms_code
        phone = normalise_phone(request.phone_number)
        if phone is None:
            raise _invalid(PHONE_FIELD, "invalid", _BAD_PHONE)
        key = phone_key(self._pepper, consultation_id, phone)
        pending = self._codes.pending_code(consultation_id, key)
        if pending is None or pending.expires_epoch <= epoch_seconds(now):
            raise _invalid(CODE_FIELD, "expired", _EXPIRED)
        if pending.tries >= MAX_TRIES:
            raise _invalid(CODE_FIELD, "too_many_tries", _NO_TRIES)
        given = code_key(self._pepper, consultation_id, key, request.sms_code)
        if not hmac.compare_digest(given, pending.code_key):
            if not self._codes.failed_try(consultation_id, key, MAX_TRIES):
                raise _invalid(CODE_FIELD, "too_many_tries", _NO_TRIES)
            tries_left = max(MAX_TRIES - pending.tries - 1, 0)
            raise _invalid(CODE_FIELD, "wrong", _WRONG, tries_left=tries_left)
        return Verified(phone_key=key, code_key=given, max_tries=MAX_TRIES)

    @staticmethod
    def refusal(result: str) -> ValidationFailed | None:
        """The problem for a ballot transaction refused by its verification items, if it was."""
        if result == "code":  # spent, expired or out of tries between the read and the write
            return _invalid(CODE_FIELD, "expired", _EXPIRED)
        if result == "phone-used":
            return _invalid(PHONE_FIELD, "already_participated", _PHONE_USED)
        return None
